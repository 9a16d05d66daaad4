import { Injectable } from '@nestjs/common';
import { formatAisTimestamp } from '../ais-dates';
import { ChangeFeedRepository } from './change-feed.repository';
import type { ChangeFeedPageResponse } from './dto/change-feed-page.response';

const DEFAULT_LIMIT = 100;

@Injectable()
export class ChangeFeedService {
  constructor(private readonly feed: ChangeFeedRepository) {}

  async read(since: string | undefined, limit = DEFAULT_LIMIT): Promise<ChangeFeedPageResponse> {
    const cursor = since ?? '0';
    // One more than asked tells whether another page waits, without a count.
    const rows = await this.feed.after(cursor, limit + 1);
    const page = rows.slice(0, limit);
    return {
      Changes: page.map((c) => ({
        Sequence: Number(c.sequence),
        ConcernId: c.concernId,
        Version: c.concernVersion,
        ChangeType: c.changeType,
        ChangedAt: formatAisTimestamp(c.changedAt),
      })),
      NextCursor: page.length ? page[page.length - 1].sequence : cursor,
      HasMore: rows.length > limit,
    };
  }
}
