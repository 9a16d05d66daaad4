import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { AisClient, LcsClient, loggableError } from '@app/case-systems';
import type { Environment } from '@app/config';
import { type FeedChange, FeedChangeRepository } from '@app/database';
import type { CaseSystem } from '@app/domain';
import { LINK_BACKLOG_JOB_ID, linkBatchJobId, LinkingJobName, QueueName, type LinkingJobs, type QueueOf } from '@app/queues';

const PAGE = 200;
const MAX_PAGES_PER_POLL = 25;
/** The largest page the case systems answer: a backlog is read in the fewest requests. */
const DRAIN_PAGE = 500;
/**
 * States of the backlog job in which it will still read what is handed to it now (while it runs, this replica's
 * polls are held off; another replica's may hand it changes just as it ends, and the reconciler finds those).
 */
const BACKLOG_PENDING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children', 'active']);
/**
 * How often a poll that has its cursor in memory still asks for changes recorded but not seen into the queue. This
 * replica's own failures are looked for at its next poll; this catches another replica's (it stopped between
 * recording a page and handing it on) sooner than the reconciler does.
 */
const UNQUEUED_CHECK_MS = 10_000;

/**
 * Reads a case system's change feed from the persisted cursor and enqueues one linking job per change. Each page
 * is recorded in `central.feed_changes` in the transaction that moves the cursor, each change with a job id minted
 * there (never the record's own id, which a reset case system hands out again). A crash or a Redis outage after
 * that commit leaves recorded changes unqueued; the next poll enqueues them first (and the LinkingReconciler
 * catches any that are lost later). A poll that finds a backlog (BACKLOG_BULK_MIN changes or more: a first
 * connection, a long outage) hands it to the one backlog job instead, which reads the feeds to their end and links
 * everything in bulk (BacklogLinker); one that finds a few (LINK_BATCH_MIN or more) hands them to a batch job of
 * their own, linked together in one transaction.
 */
@Injectable()
export class FeedPoller {
  constructor(
    private readonly changes: FeedChangeRepository,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    @InjectQueue(QueueName.Linking) private readonly linking: QueueOf<LinkingJobs>,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Set while the backlog job reads the feeds to their end, so that this replica's polls do not race it. */
  private draining = false;
  /**
   * The poll reading each system now, at most one: the backlog job lets them finish (and hand it what they read)
   * before it reads on. A poll due while the last one of its system still reads (several run at once,
   * LINKING_CONCURRENCY) has nothing to add: two would race on the cursor, each hand over part of the same pages,
   * and a first connection would go to small batch jobs beside the backlog job.
   */
  private readonly reading = new Map<CaseSystem, Promise<number>>();

  private readonly logger = new Logger(FeedPoller.name);
  /** Whether the last poll of each system failed, so that an outage is logged once, and its end once. */
  private readonly failing = new Map<CaseSystem, boolean>();
  /**
   * Each feed's cursor as this replica last recorded it, so that a poll is one request to the case system and
   * nothing more when nothing changed. Every change before it is recorded, so reading on from it never skips one;
   * another replica's progress beyond it (after a lease changed hands) would only be read again and found recorded.
   * Forgotten after any failure, so the next poll starts again from the stored cursor and the unqueued changes.
   */
  private readonly cursors = new Map<CaseSystem, string | null>();
  /** When each system's poll last asked for unqueued changes. */
  private readonly unqueuedCheckedAt = new Map<CaseSystem, number>();

  /** Whether the last hand-over of a poll's changes to the queue failed, so that a Redis outage is logged once. */
  private handOverFailing = false;

  /** One system's feed (an earlier version's poll job): `pollAll` of that system alone. */
  poll(system: CaseSystem): Promise<number> {
    return this.pollAll([system]);
  }

  /**
   * Reads each feed named from its cursor and hands everything they found to the queue together, so a poll of both
   * case systems is at most one linking job (a batch of both systems' few changes links in one transaction).
   * Polls run every FEED_POLL_MS: a quiet poll is logged at debug, and info or warn lines only mark a change of
   * state (changes found, the feed unreachable, reachable again). Nothing personal is logged, only counts. A feed
   * that cannot be read does not hold up the other's changes; the poll then fails with its error.
   */
  async pollAll(systems: readonly CaseSystem[]): Promise<number> {
    if (this.draining) return 0;
    const mine = systems.filter((system) => !this.reading.has(system));
    if (!mine.length) return 0;
    const run = this.readAndHandOver(mine);
    for (const system of mine) this.reading.set(system, run);
    try {
      return await run;
    } finally {
      for (const system of mine) this.reading.delete(system);
    }
  }

  private async readAndHandOver(systems: readonly CaseSystem[]): Promise<number> {
    const reads = await Promise.allSettled(systems.map((system) => this.read(system)));
    const found: FeedChange[] = [];
    const cursors = new Map<CaseSystem, string | null>();
    let failure: { error: unknown } | undefined;
    reads.forEach((read, i) => {
      const system = systems[i];
      if (read.status === 'rejected') {
        if (!this.failing.get(system)) this.logger.warn({ system, error: loggableError(read.reason) }, 'change feed unreachable; retrying every poll');
        this.failing.set(system, true);
        failure ??= { error: read.reason };
        return;
      }
      if (this.failing.get(system)) this.logger.log({ system }, 'change feed reachable again');
      this.failing.set(system, false);
      found.push(...read.value.found);
      cursors.set(system, read.value.cursor);
    });
    let enqueued = 0;
    try {
      enqueued = await this.enqueue(found);
    } catch (error) {
      // The cursors stay forgotten (read): the next poll starts from the stored ones and hands these on first.
      if (!this.handOverFailing) this.logger.warn({ error: loggableError(error) }, 'changes not handed to the linking queue; the next poll hands them on');
      this.handOverFailing = true;
      throw error;
    }
    this.handOverFailing = false;
    for (const [system, cursor] of cursors) this.cursors.set(system, cursor);
    for (const system of cursors.keys()) {
      const changes = found.filter((c) => c.system === system).length;
      if (changes > 0) this.logger.log({ system, changes }, 'changes read from the change feed');
      else this.logger.debug({ system }, 'change feed polled: no changes');
    }
    if (failure) throw failure.error;
    return enqueued;
  }

  /**
   * Reads one feed from its cursor, recording each page (`recordPage`), with the changes recorded earlier and not
   * yet handed on when the cursor is not in memory or the last look for them is UNQUEUED_CHECK_MS old.
   */
  private async read(system: CaseSystem): Promise<{ found: FeedChange[]; cursor: string | null }> {
    const client = system === 'AIS' ? this.ais : this.lcs;
    const found: FeedChange[] = [];
    const known = this.cursors.get(system);
    let cursor: string | null;
    const now = Date.now();
    if (known === undefined || now - (this.unqueuedCheckedAt.get(system) ?? 0) >= UNQUEUED_CHECK_MS) {
      const start = await this.changes.pollStart(system, PAGE * MAX_PAGES_PER_POLL);
      this.unqueuedCheckedAt.set(system, now);
      found.push(...start.unqueued);
      cursor = start.cursor;
    } else cursor = known;
    // Forgotten until the changes are handed on: if that fails, the next poll finds them among the unqueued.
    this.cursors.delete(system);
    for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
      const { changes, nextCursor, hasMore } = await client.changes(cursor, PAGE);
      if (changes.length || nextCursor !== cursor) found.push(...(await this.changes.recordPage(system, changes, nextCursor)));
      cursor = nextCursor;
      if (!hasMore) break;
    }
    return { found, cursor };
  }

  /** Polls start again from the stored cursors (this replica has just taken the polling over). */
  forgetCursors(): void {
    this.cursors.clear();
  }

  /**
   * Runs the backlog job's work with this replica's polls held off (they would hand it changes it may already have
   * finished reading): polls reading now finish first, and polls due meanwhile find nothing to do.
   */
  async withPollsHeld<T>(work: () => Promise<T>): Promise<T> {
    this.draining = true;
    try {
      await Promise.allSettled([...this.reading.values()]);
      return await work();
    } finally {
      this.draining = false;
    }
  }

  /**
   * Reads every feed to its end for the backlog job (inside `withPollsHeld`), each change recorded and handed to
   * that job (its id in `central.feed_changes`), however many there are. Answers how many were read.
   */
  async drain(): Promise<number> {
    let read = 0;
    for (const system of ['AIS', 'LCS'] as const) {
      const client = system === 'AIS' ? this.ais : this.lcs;
      await this.changes.assignToJob(await this.changes.unqueued(system, 1_000_000), LINK_BACKLOG_JOB_ID);
      let cursor = await this.changes.loadCursor(system);
      for (;;) {
        const { changes, nextCursor, hasMore } = await client.changes(cursor, DRAIN_PAGE);
        if (changes.length || nextCursor !== cursor) {
          const recorded = await this.changes.recordPage(system, changes, nextCursor);
          await this.changes.assignToJob(recorded, LINK_BACKLOG_JOB_ID);
          read += recorded.length;
        }
        cursor = nextCursor;
        if (!hasMore) break;
      }
      // Polls go on from where the backlog job stopped reading, not from before its pages.
      this.cursors.delete(system);
    }
    return read;
  }

  private async enqueue(changes: readonly FeedChange[]): Promise<number> {
    if (!changes.length) return 0;
    // While a backlog waits to be linked, what a poll finds joins it: a first connection is then decided as one.
    if (changes.length >= this.config.get('BACKLOG_BULK_MIN', { infer: true }) || BACKLOG_PENDING.has(await this.linking.getJobState(LINK_BACKLOG_JOB_ID))) {
      // Handed over before the job is added and marked enqueued only once it is: if this stops in between, the
      // next poll finds them still unqueued and hands them over again (not only the reconciler's sweep).
      await this.changes.assignToJob(changes, LINK_BACKLOG_JOB_ID, false);
      await this.linking.add(
        LinkingJobName.LinkBacklog,
        {},
        {
          jobId: LINK_BACKLOG_JOB_ID,
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 3,
        },
      );
      await this.changes.markEnqueued(changes);
      return changes.length;
    }
    if (changes.length >= this.config.get('LINK_BATCH_MIN', { infer: true })) {
      const jobId = linkBatchJobId(randomUUID());
      await this.changes.assignToJob(changes, jobId, false);
      await this.linking.add(LinkingJobName.LinkBatch, {}, { jobId });
      await this.changes.markEnqueued(changes);
      return changes.length;
    }
    await this.linking.addBulk(
      changes.map((c) => ({ name: LinkingJobName.Link, data: { system: c.system, recordId: c.recordId, version: c.version }, opts: { jobId: c.jobId } })),
    );
    await this.changes.markEnqueued(changes);
    return changes.length;
  }
}
