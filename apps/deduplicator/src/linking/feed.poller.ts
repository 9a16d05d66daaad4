import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AisClient, LcsClient, loggableError } from '@app/case-systems';
import { type FeedChange, FeedChangeRepository } from '@app/database';
import type { CaseSystem } from '@app/domain';
import { LinkingJob, LinkingJobName, QueueName } from '@app/queues';

const PAGE = 200;
const MAX_PAGES_PER_POLL = 25;

/**
 * Reads a case system's change feed from the persisted cursor and enqueues one linking job per change. Each page
 * is recorded in `central.feed_changes` in the transaction that moves the cursor, each change with a job id minted
 * there (never the record's own id, which a reset case system hands out again). A crash or a Redis outage after
 * that commit leaves recorded changes unqueued; the next poll enqueues them first (and the LinkingReconciler
 * catches any that are lost later).
 */
@Injectable()
export class FeedPoller {
  constructor(
    private readonly changes: FeedChangeRepository,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    @InjectQueue(QueueName.Linking) private readonly linking: Queue<LinkingJob>,
  ) {}

  private readonly logger = new Logger(FeedPoller.name);
  /** Whether the last poll of each system failed, so that an outage is logged once, and its end once. */
  private readonly failing = new Map<CaseSystem, boolean>();

  /**
   * Polls run every FEED_POLL_MS: a quiet poll is logged at debug, and info or warn lines only mark a change of
   * state (changes found, the feed unreachable, reachable again). Nothing personal is logged, only counts.
   */
  async poll(system: CaseSystem): Promise<number> {
    let enqueued: number;
    try {
      enqueued = await this.read(system);
    } catch (error) {
      if (!this.failing.get(system)) this.logger.warn({ system, error: loggableError(error) }, 'change feed unreachable; retrying every poll');
      this.failing.set(system, true);
      throw error;
    }
    if (this.failing.get(system)) this.logger.log({ system }, 'change feed reachable again');
    this.failing.set(system, false);
    if (enqueued > 0) this.logger.log({ system, changes: enqueued }, 'changes read from the change feed');
    else this.logger.debug({ system }, 'change feed polled: no changes');
    return enqueued;
  }

  private async read(system: CaseSystem): Promise<number> {
    const client = system === 'AIS' ? this.ais : this.lcs;
    let enqueued = await this.enqueue(await this.changes.unqueued(system, PAGE * MAX_PAGES_PER_POLL));
    let cursor = await this.changes.loadCursor(system);
    for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
      const { changes, nextCursor, hasMore } = await client.changes(cursor, PAGE);
      if (changes.length || nextCursor !== cursor) {
        const recorded = await this.changes.recordPage(system, changes, nextCursor);
        enqueued += await this.enqueue(recorded);
      }
      cursor = nextCursor;
      if (!hasMore) break;
    }
    return enqueued;
  }

  private async enqueue(changes: readonly FeedChange[]): Promise<number> {
    if (!changes.length) return 0;
    await this.linking.addBulk(
      changes.map((c) => ({ name: LinkingJobName.Link, data: { system: c.system, recordId: c.recordId, version: c.version }, opts: { jobId: c.jobId } })),
    );
    await this.changes.markEnqueued(changes);
    return changes.length;
  }
}
