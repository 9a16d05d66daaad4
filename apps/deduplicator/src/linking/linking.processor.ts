import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import {
  backfillEpisodesJobId,
  type JobOf,
  type LinkingJobs,
  LinkingJobName,
  QueueName,
  type QueueOf,
  REALIGN_WHEN_IDLE_ID,
  trainStepJobId,
} from '@app/queues';
import { FeedChangeRepository } from '@app/database';
import { BacklogLinker } from './backlog-linker';
import { FeedPoller } from './feed.poller';
import { LinkingReconciler } from './linking.reconciler';
import { LinkingService } from './linking.service';
import { ModelTrainer } from './model-trainer.service';

/** Linking is quiet once no record has been linked for this long: then the index is realigned (see whenIdle). */
const REALIGN_IDLE_MS = 3000;

/** Thin: polls, links (one record, or a backlog in bulk), trains and reconciles by ids; the services are idempotent. */
@Processor(QueueName.Linking)
export class LinkingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly linking: LinkingService,
    private readonly poller: FeedPoller,
    private readonly trainer: ModelTrainer,
    private readonly reconciler: LinkingReconciler,
    private readonly backlog: BacklogLinker,
    private readonly changes: FeedChangeRepository,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(QueueName.Linking) private readonly queue: QueueOf<LinkingJobs>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.get('LINKING_CONCURRENCY', { infer: true });
    // The feeds are polled in-process now (FeedPollLoop): the schedules an earlier version kept are removed.
    for (const system of ['AIS', 'LCS'] as const) await this.queue.removeJobScheduler(`poll-${system}`);
    for (const system of ['AIS', 'LCS'] as const) {
      await this.queue.add(
        LinkingJobName.BackfillEpisodes,
        { system },
        { jobId: backfillEpisodesJobId(system), removeOnComplete: true, removeOnFail: 10, attempts: 3 },
      );
    }
    await this.queue.upsertJobScheduler(
      'reconcile-linking',
      { every: this.config.get('RECONCILE_EVERY_MS', { infer: true }) },
      {
        name: LinkingJobName.Reconcile,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 10, attempts: 1 },
      },
    );
    await this.queue.upsertJobScheduler(
      'train-model',
      { pattern: this.config.get('MODEL_RETRAIN_CRON', { infer: true }), tz: 'Europe/London' },
      {
        name: LinkingJobName.Train,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 10, attempts: 1 },
      },
    );
  }

  async process(job: JobOf<LinkingJobs>): Promise<unknown> {
    const name: string = job.name;
    switch (job.name) {
      case LinkingJobName.Link: {
        const { system, recordId, version } = job.data;
        const outcome = await this.linking.link(system, recordId);
        await this.changes.markProcessed(system, recordId, version);
        await this.queueRefreshes();
        return outcome;
      }
      case LinkingJobName.LinkBacklog: {
        const summary = await this.backlog.run();
        await this.queueRefreshes();
        return summary;
      }
      case LinkingJobName.LinkBatch: {
        // A job taken from the queue has the id it was added with.
        if (job.id === undefined) throw new Error('a link-batch job without an id');
        const summary = await this.backlog.linkBatch(job.id);
        await this.queueRefreshes();
        return summary;
      }
      case LinkingJobName.Poll:
        // Only an earlier version's schedule queued these; one left in the queue polls as it would have.
        return this.poller.poll(job.data.system);
      case LinkingJobName.Train:
        // Queued as the index grew: learn or realign as far as its size now calls for; once linking went quiet:
        // realign if enough was linked one at a time; the nightly one learns.
        if (job.data.idle) return this.trainer.whenIdle();
        return job.data.step === undefined ? this.trainer.train() : this.trainer.catchUp();
      case LinkingJobName.BackfillEpisodes:
        return this.linking.backfillEpisodes(job.data.system);
      case LinkingJobName.Reconcile:
        return this.reconciler.reconcile();
      default:
        throw new Error(`unknown linking job ${name}`);
    }
  }

  /**
   * Learns the model as soon as the index holds enough records and again at every doubling, and realigns the
   * index with the batch engine at every quarter's growth between and once linking goes quiet, not only at night:
   * a new installation or a backfill is otherwise linked with the starting model, one record at a time. A step's
   * job id names the step, so every worker that notices it is due queues the same one job; completed ones are kept
   * (a few dozen over an index's life) so that the id stays taken. The quiet-spell job is one delayed job, pushed
   * back by every link.
   */
  private async queueRefreshes(): Promise<void> {
    await this.queue.add(
      LinkingJobName.Train,
      { idle: true },
      {
        delay: REALIGN_IDLE_MS,
        deduplication: { id: REALIGN_WHEN_IDLE_ID, reschedule: true, keepLastIfActive: true },
        removeOnComplete: true,
        removeOnFail: 10,
        attempts: 2,
      },
    );
    const step = this.trainer.dueStep();
    if (step === null) return;
    await this.queue.add(LinkingJobName.Train, { step }, { jobId: trainStepJobId(step), removeOnComplete: false, removeOnFail: 10, attempts: 2 });
  }
}
