import type { BulkJobOptions, Job, JobSchedulerTemplateOptions, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { CaseSystem } from '@app/domain';

/**
 * Every queue and job the system uses, in one place. Payloads carry ids only: Redis is not a place for
 * personal data about potential victims. Job ids are derived from what the job is about, so a job added twice (a
 * relay retry, a sweeper) is one job, and they are built only from ids that never repeat (random UUIDs minted with
 * the database row the job is about): Redis keeps completed job ids for a day, and an id that a reset or restored
 * database hands out again would be silently dropped as a duplicate.
 */
export const QueueName = {
  Routing: 'routing',
  Linking: 'linking',
  Reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const RoutingJobName = {
  /** Deliver an accepted referral to the case system its route names. */
  Deliver: 'deliver',
  /** Move a child's case from LCS to AIS (age assessment found an adult, or an 18th birthday passed). */
  Transfer: 'transfer',
  /** Daily: find open LCS cases whose subject has turned 18. */
  EighteenthBirthdays: 'eighteenth-birthdays',
  /** Daily: anonymise what is past its retention period. */
  Retention: 'retention',
  /** Every few minutes: enqueue again what was accepted but never delivered (see RoutingReconciler). */
  Reconcile: 'reconcile',
} as const;

export interface DeliverJob {
  referralId: string;
}

export interface TransferJob {
  referralId: string;
  transitionId: string;
}

export type EighteenthBirthdaysJob = Record<string, never>;

export const LinkingJobName = {
  /** Link one case-system record into the person index. */
  Link: 'link',
  /** Read a case system's change feed and hand its changes on: queued only by earlier versions (FeedPollLoop polls now). */
  Poll: 'poll',
  /** Re-learn the linkage model from every record held, then rebuild the in-memory index. */
  Train: 'train',
  /** Once per case system: read again the records linked before referral episodes were counted. */
  BackfillEpisodes: 'backfill-episodes',
  /** Every few minutes: enqueue again changes read from a feed that no worker linked (see LinkingReconciler). */
  Reconcile: 'reconcile',
  /** A backlog of changes (a first connection, a long outage): read the feeds to their end and link them in bulk. */
  LinkBacklog: 'link-backlog',
  /** The few changes one poll read, linked together: one transaction, their new records written in bulk. */
  LinkBatch: 'link-batch',
} as const;

/**
 * The one backlog job: changes read in a backlog carry this id in `central.feed_changes`, so the reconciler finds
 * them pending while it waits or runs and re-drives them one by one if it is lost. Removed on completion, so the
 * next backlog takes the id again.
 */
export const LINK_BACKLOG_JOB_ID = 'link-backlog';

/**
 * A Train job queued because the index grew: the realignment step it brings the index to (see
 * ModelTrainer.dueStep), or `idle` for the realignment once linking goes quiet; the nightly one carries neither.
 */
export interface TrainJob {
  step?: number;
  idle?: boolean;
}

/**
 * The one realignment waiting for linking to go quiet: each link pushes it back (BullMQ deduplication with
 * reschedule), and one added while it runs waits for it.
 */
export const REALIGN_WHEN_IDLE_ID = 'realign-when-idle';

export interface PollJob {
  system: CaseSystem;
}

export interface LinkingJob {
  system: CaseSystem;
  recordId: string;
  version: number;
}

/** A job that carries nothing: what it works on is read from the database when it runs. */
export type NoPayload = Record<string, never>;

/** What each routing job carries, by name. Producers and the processor are typed from this one map. */
export interface RoutingJobs {
  [RoutingJobName.Deliver]: DeliverJob;
  [RoutingJobName.Transfer]: TransferJob;
  [RoutingJobName.EighteenthBirthdays]: EighteenthBirthdaysJob;
  [RoutingJobName.Retention]: NoPayload;
  [RoutingJobName.Reconcile]: NoPayload;
}

/** What each linking job carries, by name. */
export interface LinkingJobs {
  [LinkingJobName.Link]: LinkingJob;
  [LinkingJobName.Poll]: PollJob;
  [LinkingJobName.Train]: TrainJob;
  [LinkingJobName.BackfillEpisodes]: PollJob;
  [LinkingJobName.Reconcile]: NoPayload;
  [LinkingJobName.LinkBacklog]: NoPayload;
  [LinkingJobName.LinkBatch]: NoPayload;
}

type NameOf<M> = keyof M & string;

/** One job of a queue, as a processor receives it: `switch (job.name)` narrows `job.data` to that name's payload. */
export type JobOf<M> = { [N in NameOf<M>]: Job<M[N], unknown, N> }[NameOf<M>];

/**
 * A queue whose producers can add only its jobs, each with its own payload (BullMQ's `Queue<Data, Result, Name>`
 * types name and data separately, so any payload would pass with any name).
 */
export interface QueueOf<M> extends Omit<Queue, 'add' | 'addBulk' | 'upsertJobScheduler'> {
  add<N extends NameOf<M>>(name: N, data: M[N], opts?: JobsOptions): Promise<Job>;
  addBulk(jobs: Array<{ [N in NameOf<M>]: { name: N; data: M[N]; opts?: BulkJobOptions } }[NameOf<M>]>): Promise<Job[]>;
  upsertJobScheduler<N extends NameOf<M>>(
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'>,
    template: { name: N; data: M[N]; opts?: JobSchedulerTemplateOptions },
  ): Promise<Job>;
}

/** BullMQ refuses custom ids containing ":" (they are Redis key separators), so parts are joined with "-". */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}

export const deliverJobId = (referralId: string, generation = 0): string =>
  generation === 0 ? jobId('deliver', referralId) : jobId('deliver', referralId, 'redrive', generation);
export const transferJobId = (transitionId: string): string => jobId('transfer', transitionId);
/** One Train job per realignment step (see ModelTrainer.dueStep), however many workers notice it is due. */
export const trainStepJobId = (step: number): string => jobId('train', 'step', step);
/**
 * A poll's batch: a fresh UUID, never an id derived from its changes (two overlapping polls can both read one
 * change still unqueued, and the second batch would take the first's id and be dropped as a duplicate).
 */
export const linkBatchJobId = (batchUuid: string): string => jobId('link-batch', batchUuid);
export const backfillEpisodesJobId = (system: CaseSystem): string => jobId('backfill-episodes', system);
/** A re-driven job's id: the original with a suffix naming the redrive, so it is not taken for the lost one. */
export const redriveJobId = (original: string, redrive: number): string => jobId(original.replace(/-reconcile-\d+$/, ''), 'reconcile', redrive);

/** Job states in which a job will still run: reconciliation leaves these alone. */
export const PENDING_JOB_STATES: ReadonlySet<string> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
