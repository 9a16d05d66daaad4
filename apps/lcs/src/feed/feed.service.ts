import { Injectable } from '@nestjs/common';
import { LcsValidationError } from '../http/lcs.errors';
import { FeedPageResponse } from './dto/feed-page.response';
import { decodeCursor, encodeCursor } from './feed-cursor';
import { FeedRepository } from './feed.repository';

const DEFAULT_LIMIT = 50;

@Injectable()
export class FeedService {
  constructor(private readonly feed: FeedRepository) {}

  async read(after: string | undefined, limit = DEFAULT_LIMIT): Promise<FeedPageResponse> {
    const seq = after === undefined ? '0' : decodeCursor(after);
    if (seq === undefined) throw new LcsValidationError([{ field: 'after', issue: 'after must be a cursor returned as next' }]);
    // One more than asked tells whether another page waits, without a count.
    const rows = await this.feed.after(seq, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((e) => ({ seq: Number(e.seq), contactId: e.contactId, version: e.version, event: e.event, at: e.occurredAt.toISOString() })),
      next: encodeCursor(page.length ? page[page.length - 1].seq : seq),
      hasMore: rows.length > limit,
    };
  }
}
