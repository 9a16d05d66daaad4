import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { FeedChangeRepository } from '@app/database';
import { MetricsService } from '@app/metrics';
import { LinkingJobName, partitionByJobState, QueueName, redriveJobId, type LinkingJobs, type QueueOf } from '@app/queues';

const BATCH = 500;

/**
 * Nothing read from a feed stays unlinked unnoticed. A change recorded in `central.feed_changes` and still not
 * linked after RECONCILE_AFTER_MS is looked up in the queue: if its job still waits (a backlog) it is left alone;
 * if the queue no longer holds it to run (Redis lost it, it failed every attempt, or its id was taken), it is
 * enqueued again under a new id. The handler is idempotent, so a redrive that races the original does no harm.
 */
@Injectable()
export class LinkingReconciler {
  private readonly logger = new Logger(LinkingReconciler.name);

  constructor(
    private readonly changes: FeedChangeRepository,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(QueueName.Linking) private readonly queue: QueueOf<LinkingJobs>,
  ) {}

  async reconcile(): Promise<number> {
    const stale = await this.changes.stale(this.config.get('RECONCILE_AFTER_MS', { infer: true }), BATCH);
    const { pending, lost } = await partitionByJobState(this.queue, stale, (c) => c.jobId);
    await this.changes.markEnqueued(pending);
    for (const change of lost) {
      const jobId = redriveJobId(change.jobId, change.redrives + 1);
      await this.queue.add(LinkingJobName.Link, { system: change.system, recordId: change.recordId, version: change.version }, { jobId });
      await this.changes.markRedriven({ ...change, jobId });
    }
    if (lost.length) this.logger.warn({ redriven: lost.length, backlog: pending.length }, 'feed changes found unlinked and enqueued again');
    this.metrics.reconciliation(QueueName.Linking, lost.length, await this.changes.oldestUnprocessedSeconds());
    await this.changes.purgeProcessed();
    return lost.length;
  }
}
