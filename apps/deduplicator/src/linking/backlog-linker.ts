import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AisClient, type CaseRecord, LcsClient, MAX_RECORDS_PER_READ } from '@app/case-systems';
import type { Environment } from '@app/config';
import {
  type BulkLinkWrite,
  type DirectReferralWrite,
  directKey,
  EpisodeRepository,
  type FeedChange,
  FeedChangeRepository,
  PersonIndexRepository,
  type ReviewWrite,
  CaseRecordRepository,
  RecordLinkRepository,
  ReviewItemRepository,
  LinkageModelRepository,
} from '@app/database';
import { type CaseSystem, episodesOfNewPerson, type MatchStatus, nrmReferenceKey } from '@app/domain';
import {
  choosePerson,
  reviewsOf,
  type LinkageRecord,
  type MatchExplanation,
  type PreparedRecord,
  prepareRecord,
  type RecordFrequencies,
  type ReviewReason,
  Scorer,
} from '@app/matching';
import { MetricsService } from '@app/metrics';
import { LINK_BACKLOG_JOB_ID } from '@app/queues';
import { linkInBackground } from './batch-link';
import { directReferralOf } from './direct-referral';
import { FeedPoller } from './feed.poller';
import { indexKey, known, toLinkageRecord } from './linkage-record';
import { type LinkOutcome, LinkingService, outcomeOf } from './linking.service';
import { MIN_RECORDS_TO_TRAIN } from './model-trainer.service';
import { PersonIndexCache } from './person-index.cache';

/** Changes linked in one transaction: a first connection's whole history fits, so the batch engine sees it all. */
const ROUND = 200_000;
/** Batch reads sent to the case systems at once. */
const FETCH_LANES = 4;
const ACTOR = 'deduplicator';

/** Lets the event loop run (the job lock's renewal, health checks) between slices of in-memory work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the batch engine's review reasons mean in the review queue the worker fills one record at a time. */
const REVIEW_REASON: Record<ReviewReason, string> = {
  possible_match: 'possible_match',
  sibling_guard: 'possible_match',
  group_conflict: 'match_to_other_person',
  confirm_match: 'confirm_match',
};

export interface BacklogSummary {
  rounds: number;
  /** Changes of the backlog linked (several changes of one record count once per round). */
  records: number;
  /** Decided by the batch engine and written in bulk. */
  inBulk: number;
  /** Decided one at a time (in the same transaction) because they touch what the index already holds. */
  oneByOne: number;
  notFound: number;
  /** Milliseconds reading the records from the case systems, and deciding and writing them under the lock. */
  fetchMs: number;
  lockedMs: number;
}

type RoundSummary = Omit<BacklogSummary, 'rounds'>;
const NOTHING: BacklogSummary = { rounds: 0, records: 0, inBulk: 0, oneByOne: 0, notFound: 0, fetchMs: 0, lockedMs: 0 };

/** One new record's decision, to be written in bulk. */
interface Decision {
  personId: string;
  status: MatchStatus;
  probability: number | null;
  explanation: unknown;
  outcome: LinkOutcome;
}

interface Decided {
  /** By position among the round's new named records; those absent are decided one at a time. */
  decisions: Map<number, Decision>;
  reviews: ReviewWrite[];
  newPersons: string[];
  /** Whether the records still have to be added to the in-memory index (the batch engine decided them apart from it). */
  addToIndex: boolean;
}

interface RoundResult {
  outcomes: Map<LinkOutcome, number>;
  inBulk: number;
  oneByOne: number;
  /** Milliseconds of each step under the lock, for the log. */
  phases: Record<string, number>;
}

/**
 * Links a backlog (a first connection to years of AIS and LCS history, a long outage) at batch speed, then leaves
 * linking to one record at a time again. It reads the feeds to their end, fetches the records, and under the
 * linking lock, in one transaction per round, decides:
 *
 * - on a first connection (an empty index), the records with the batch engine (`linkRecords`, as `npm run link`,
 *   its model learned from them when there are enough), on a thread of its own;
 * - against an index that holds persons, each new record as `LinkingService` would, in feed order, in memory;
 * - one at a time through `LinkingService.decideLocked` (after the rest, in feed order) whatever the index already
 *   held (reviewer decisions and non-matches honoured) and transfers;
 *
 * and writes the new records' decisions in bulk: records, persons, links, link history, audit, reviews, referral
 * episodes. The changes are marked linked in the same transaction, so a job killed midway leaves them all unlinked
 * and is run again (BullMQ's stalled-job check, or the reconciler enqueueing them one by one).
 */
@Injectable()
export class BacklogLinker {
  private readonly logger = new Logger(BacklogLinker.name);

  constructor(
    private readonly changes: FeedChangeRepository,
    private readonly poller: FeedPoller,
    private readonly linking: LinkingService,
    private readonly repository: PersonIndexRepository,
    private readonly caseRecords: CaseRecordRepository,
    private readonly recordLinks: RecordLinkRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly linkageModels: LinkageModelRepository,
    private readonly cache: PersonIndexCache,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    private readonly audit: AuditService,
    private readonly episodes: EpisodeRepository,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  run(): Promise<BacklogSummary> {
    return this.poller.withPollsHeld(() => this.linkBacklog());
  }

  private async linkBacklog(): Promise<BacklogSummary> {
    const summary: BacklogSummary = { ...NOTHING };
    const started = Date.now();
    for (;;) {
      await this.poller.drain();
      const claimed = await this.changes.backlog(LINK_BACKLOG_JOB_ID, ROUND);
      if (!claimed.length) break;
      const round = await this.linkRound(claimed);
      summary.rounds += 1;
      summary.records += round.records;
      summary.inBulk += round.inBulk;
      summary.oneByOne += round.oneByOne;
      summary.notFound += round.notFound;
      summary.fetchMs += round.fetchMs;
      summary.lockedMs += round.lockedMs;
    }
    if (summary.rounds) this.logger.log({ ...summary, ms: Date.now() - started }, 'backlog linked');
    return summary;
  }

  /** A poll's batch: the changes it handed to this job, linked together (`linkRound`). */
  async linkBatch(jobId: string): Promise<BacklogSummary> {
    const claimed = await this.changes.backlog(jobId, ROUND);
    if (!claimed.length) return { ...NOTHING };
    return { rounds: 1, ...(await this.linkRound(claimed)) };
  }

  private async linkRound(claimed: readonly FeedChange[]): Promise<RoundSummary> {
    const latest = new Map<string, FeedChange>();
    for (const change of claimed) {
      const key = indexKey(change.system, change.recordId);
      const seen = latest.get(key);
      if (!seen || seen.version < change.version) latest.set(key, change);
    }
    const wanted = [...latest.values()];
    const fetchStarted = Date.now();
    const fetched = await this.fetch(wanted);
    const fetchMs = Date.now() - fetchStarted;
    const records = fetched.filter((r): r is CaseRecord => r !== null);
    const versionOf = new Map(records.map((r) => [indexKey(r.system, r.recordId), r.version]));
    await this.cache.ready();
    const lockStarted = Date.now();
    let result: RoundResult;
    let historyId: number;
    try {
      ({ result, historyId } = await this.repository.transaction(async (manager) => {
        await this.repository.lockLinking(manager);
        await this.cache.sync(manager);
        // A second run of this job (one BullMQ thought stalled while the engine held the thread) waits on the lock
        // above and then finds the first run's records linked: it does nothing again.
        const open = await this.changes.unprocessedRecords(manager, claimed);
        const decided = await this.decide(
          manager,
          records.filter((r) => open.has(indexKey(r.system, r.recordId))),
        );
        await this.changes.markProcessedMany(
          manager,
          claimed.map((c) => ({ system: c.system, recordId: c.recordId, version: Math.max(c.version, versionOf.get(indexKey(c.system, c.recordId)) ?? 0) })),
        );
        return { result: decided, historyId: await this.recordLinks.latestHistoryIdIn(manager) };
      }));
    } catch (error) {
      // The in-memory index took decisions the rolled-back transaction never wrote.
      await this.cache.reload();
      throw error;
    }
    this.cache.syncedTo(historyId);
    const lockedMs = Date.now() - lockStarted;
    if (wanted.length >= 500) this.logger.log({ records: wanted.length, fetchMs, lockedMs, ...result.phases }, 'backlog round linked');
    for (const [outcome, n] of result.outcomes) this.metrics.linkDecisions.inc({ outcome }, n);
    const notFound = fetched.length - records.length;
    if (notFound) this.metrics.linkDecisions.inc({ outcome: 'not_found' }, notFound);
    return { records: wanted.length, inBulk: result.inBulk, oneByOne: result.oneByOne, notFound, fetchMs, lockedMs };
  }

  /**
   * The records as the case systems hold them now, read in batches (`MAX_RECORDS_PER_READ` a request, a few
   * requests at once); null for one no longer there.
   */
  private async fetch(changes: readonly FeedChange[]): Promise<Array<CaseRecord | null>> {
    const found = new Map<string, CaseRecord>();
    const requests: Array<{ system: 'AIS' | 'LCS'; ids: string[] }> = [];
    for (const system of ['AIS', 'LCS'] as const) {
      const ids = changes.filter((c) => c.system === system).map((c) => c.recordId);
      for (let i = 0; i < ids.length; i += MAX_RECORDS_PER_READ) requests.push({ system, ids: ids.slice(i, i + MAX_RECORDS_PER_READ) });
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(FETCH_LANES, requests.length) }, async () => {
        while (next < requests.length) {
          const { system, ids } = requests[next++];
          for (const record of await (system === 'AIS' ? this.ais : this.lcs).getRecords(ids)) found.set(indexKey(record.system, record.recordId), record);
        }
      }),
    );
    return changes.map((c) => found.get(indexKey(c.system, c.recordId)) ?? null);
  }

  private async decide(manager: EntityManager, records: readonly CaseRecord[]): Promise<RoundResult> {
    const phases: Record<string, number> = {};
    let mark = Date.now();
    const phase = (name: string) => {
      const now = Date.now();
      phases[name] = now - mark;
      mark = now;
    };
    const outcomes = new Map<LinkOutcome, number>();
    const count = (outcome: LinkOutcome) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const held = new Set((await this.caseRecords.findRecords(manager, records)).map((s) => indexKey(s.system, s.recordId)));
    const fresh = records.filter((r) => !held.has(indexKey(r.system, r.recordId)));
    const named = fresh.filter((r) => !r.anonymous);
    const anonymous = fresh.filter((r) => r.anonymous);

    // A transfer links by rule, to the other system's record: such records (and their groups) go one at a time.
    const systemsOfReferral = new Map<string, Set<string>>();
    for (const r of named)
      if (r.clientReference) systemsOfReferral.set(r.clientReference, (systemsOfReferral.get(r.clientReference) ?? new Set()).add(r.system));
    const referralsHeld = await this.caseRecords.referralIdsHeld(manager, [...systemsOfReferral.keys()]);
    const transfer = (r: CaseRecord) =>
      r.linkedRecordIds.length > 0 ||
      !!r.referralFacts?.transferredIn ||
      (r.clientReference !== null && (referralsHeld.has(r.clientReference) || (systemsOfReferral.get(r.clientReference)?.size ?? 0) > 1));

    const linkage = named.map(toLinkageRecord);
    phase('readMs');
    const decided =
      this.cache.index.size === 0
        ? await this.decideFirstConnection(manager, named, linkage, transfer)
        : await this.decideAgainstIndex(named, linkage, transfer);
    phase('decideMs');

    const writes: BulkLinkWrite[] = anonymous.map((r) => this.write(r, null, 'NO_MATCH', null, null));
    for (let k = 0; k < anonymous.length; k += 1) count('anonymous');
    for (const [i, d] of decided.decisions) {
      writes.push(this.write(named[i], d.personId, d.status, d.probability, d.explanation));
      count(d.outcome);
    }
    await this.recordLinks.writeBulkLinks(manager, writes, decided.newPersons, { actor: ACTOR, reasonSuffix: '' });
    const linked = writes.filter((w) => w.personId !== null);
    await this.audit.recordSystemMany(
      ACTOR,
      'link.decided',
      linked.map((w) => ({
        subject: { type: 'case_record', id: indexKey(w.system, w.recordId) },
        details: { personId: w.personId, status: w.matchStatus, probability: w.probability, decidedBy: 'engine' },
      })),
      manager,
    );
    await this.reviewItems.openReviews(manager, decided.reviews);
    phase('writeMs');
    const newPersons = new Set(decided.newPersons);
    const members = new Map<string, CaseRecord[]>();
    for (const [i, d] of decided.decisions) members.set(d.personId, [...(members.get(d.personId) ?? []), named[i]]);
    await this.countEpisodes(manager, [...anonymous, ...[...decided.decisions.keys()].map((i) => named[i])], members, newPersons);
    phase('episodesMs');
    if (decided.addToIndex) {
      let added = 0;
      for (const [i, d] of decided.decisions) {
        this.cache.index.add(linkage[i], d.personId);
        if (++added % 2000 === 0) await breathe();
      }
    }
    phase('indexMs');

    // Then, in feed order, what the index already held a say in, and transfers.
    const rest = [...records.filter((r) => held.has(indexKey(r.system, r.recordId))), ...named.filter((_, i) => !decided.decisions.has(i))];
    const order = new Map(records.map((r, i) => [r, i]));
    rest.sort((x, y) => known(order, x, 'linking a backlog') - known(order, y, 'linking a backlog'));
    for (const record of rest) count(await this.linking.decideLocked(manager, record));
    phase('oneByOneMs');
    return { outcomes, inBulk: writes.length, oneByOne: rest.length, phases };
  }

  /**
   * An empty index: the batch engine over every new record, its model learned from them when there are enough to
   * learn from (as `npm run link` does; the model is then the one in use). A person of the batch with a transfer
   * among its records is left to be decided one at a time.
   */
  private async decideFirstConnection(
    manager: EntityManager,
    named: readonly CaseRecord[],
    linkage: readonly LinkageRecord[],
    transfer: (r: CaseRecord) => boolean,
  ): Promise<Decided> {
    const decisions = new Map<number, Decision>();
    const reviews: ReviewWrite[] = [];
    const newPersons: string[] = [];
    if (!named.length) return { decisions, reviews, newPersons, addToIndex: true };
    const learn = named.length >= MIN_RECORDS_TO_TRAIN;
    const batch = await linkInBackground(linkage, { model: learn ? undefined : this.cache.index.model, priority: 'waited-for' });
    if (learn) {
      await this.linkageModels.saveModel(batch.model, named.length, manager);
      this.cache.useLearnedModel(batch.model, named.length);
    }
    const groups = new Map<string, number[]>();
    batch.links.forEach((link, i) => {
      const members = groups.get(link.personId);
      if (members) members.push(i);
      else groups.set(link.personId, [i]);
    });
    const personOf = new Map<number, string>();
    for (const members of groups.values()) {
      if (members.some((i) => transfer(named[i]))) continue;
      const personId = randomUUID();
      newPersons.push(personId);
      for (const i of members) personOf.set(i, personId);
    }

    // Explanations as the worker gives them, under the model now in use, against the index as it will be.
    const scorer = new Scorer(this.cache.index.model, this.cache.index.config, { leaveOut: 1 });
    const others = Math.max(1, personOf.size - 1);
    const prepared = new Map<number, { record: PreparedRecord; frequencies: RecordFrequencies }>();
    const preparedOf = (i: number) => {
      let p = prepared.get(i);
      if (!p) {
        const record = prepareRecord(linkage[i]);
        p = { record, frequencies: scorer.frequencies(record) };
        prepared.set(i, p);
      }
      return p;
    };
    const explain = (i: number, j: number): MatchExplanation => {
      const a = preparedOf(i);
      const b = preparedOf(j);
      return scorer.explain(a.record, b.record, others, a.frequencies, b.frequencies);
    };
    const positionOf = new Map(linkage.map((l, i) => [l.recordId, i]));
    const reviewExplanation = new Map<number, MatchExplanation>();
    for (const item of batch.reviews) {
      const i = known(positionOf, item.recordId, 'linking a backlog');
      const j = known(positionOf, item.candidateRecordId, 'linking a backlog');
      const candidatePersonId = personOf.get(j);
      if (!personOf.has(i) || candidatePersonId === undefined) continue;
      const explanation = explain(i, j);
      if (!reviewExplanation.has(i)) reviewExplanation.set(i, explanation);
      reviews.push({
        system: named[i].system,
        recordId: named[i].recordId,
        candidatePersonId,
        reason: REVIEW_REASON[item.reason],
        probability: item.probability,
        explanation,
      });
    }
    let done = 0;
    for (const members of groups.values()) {
      // Every member of a group has its person, or none has.
      const personId = personOf.get(members[0]);
      if (personId === undefined) continue;
      if ((done += members.length) % 2000 < members.length) await breathe();
      for (const i of members) {
        const link = batch.links[i];
        let explanation: MatchExplanation | null = reviewExplanation.get(i) ?? null;
        if (!explanation && members.length > 1) {
          // The strongest link inside the person, as the worker explains a MATCH.
          for (const j of members) {
            if (j === i) continue;
            const e = explain(i, j);
            if (!explanation || e.probability > explanation.probability) explanation = e;
          }
        }
        decisions.set(i, {
          personId,
          status: link.matchStatus,
          probability: link.matchProbability,
          explanation,
          outcome: link.matchStatus === 'MATCH' ? 'linked' : link.matchStatus === 'POSSIBLE_MATCH' ? 'review' : 'new_person',
        });
      }
    }
    return { decisions, reviews, newPersons, addToIndex: true };
  }

  /**
   * Records never seen, against an index that holds persons: each decided as `LinkingService` decides it, in feed
   * order, in memory (a new record has no stored link, reviewer decision or non-match to read), its writes kept
   * for the bulk statements. Transfers are left to be decided one at a time.
   */
  private async decideAgainstIndex(named: readonly CaseRecord[], linkage: readonly LinkageRecord[], transfer: (r: CaseRecord) => boolean): Promise<Decided> {
    const decisions = new Map<number, Decision>();
    const reviews: ReviewWrite[] = [];
    const newPersons: string[] = [];
    for (let i = 0; i < named.length; i += 1) {
      if (transfer(named[i])) continue;
      if (i % 500 === 499) await breathe();
      const { system, recordId } = named[i];
      const choice = choosePerson(this.cache.index.match(linkage[i], 10), this.cache.index.config);
      const { status, best } = choice;
      let target = choice.personId;
      if (target === null) {
        target = randomUUID();
        newPersons.push(target);
      }
      for (const review of reviewsOf(choice, target)) reviews.push({ system, recordId, ...review });
      this.cache.index.add(linkage[i], target);
      decisions.set(i, {
        personId: target,
        status,
        probability: best?.probability ?? null,
        explanation: best?.explanation ?? null,
        outcome: outcomeOf(choice),
      });
    }
    return { decisions, reviews, newPersons, addToIndex: false };
  }

  private write(record: CaseRecord, personId: string | null, matchStatus: MatchStatus, probability: number | null, explanation: unknown): BulkLinkWrite {
    return {
      system: record.system,
      recordId: record.recordId,
      version: record.version,
      referralId: record.clientReference,
      anonymous: record.anonymous,
      record: record as unknown as Record<string, unknown>,
      personId,
      matchStatus,
      probability,
      explanation,
    };
  }

  /**
   * Referral episodes as `LinkingService` keeps them one record at a time: every direct entry stored, and the
   * entries of each person that received records decided again once all of them are in. A new person whose entries
   * are all of one system, with no hub referral and no Home Office reference, has nothing to join (entries of one
   * source never join each other), so it is left as stored.
   */
  private async countEpisodes(
    manager: EntityManager,
    written: readonly CaseRecord[],
    members: ReadonlyMap<string, CaseRecord[]>,
    newPersons: ReadonlySet<string>,
  ): Promise<void> {
    const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
    const direct = new Map<CaseRecord, DirectReferralWrite>();
    for (const record of written) {
      const d = directReferralOf(record);
      if (d) direct.set(record, d);
    }
    const stored = await this.episodes.storedAmong(manager, [...direct.values()]);
    await this.episodes.upsertDirectMany(manager, [...direct.values()]);
    const joins: Parameters<EpisodeRepository['setJoinsMany']>[1][number][] = [];
    for (const [personId, records] of members) {
      if (newPersons.has(personId)) {
        // A new person's entries can join only an entry of another source (a hub referral, the other system) or
        // one with the same Home Office reference: with neither, the rules would leave every entry as stored.
        const entries = records.filter((r) => direct.has(r));
        if (!entries.length) continue;
        const sources = new Set(entries.map((r) => r.system));
        const hub = records.some((r) => r.clientReference !== null);
        const referenced = entries.some((r) => nrmReferenceKey(known(direct, r, 'linking a backlog').nrmReference));
        if (sources.size === 1 && !hub && !referenced) continue;
        if (!hub && !referenced && !entries.some((r) => stored.has(indexKey(r.system, r.recordId)))) {
          // Entries of the other system alone, all new: the window rule among them, decided in memory as
          // reconsidering them one at a time would, and written in one statement with the rest.
          const decided = episodesOfNewPerson(
            entries.map((r) => ({
              key: directKey(r.system, r.recordId),
              source: r.system === 'AIS' ? 'ais' : 'lcs',
              referredOn: known(direct, r, 'linking a backlog').referredOn,
              nrmReference: null,
            })),
            rules,
          );
          for (const r of entries) {
            const join = decided.get(directKey(r.system, r.recordId));
            if (!join) continue;
            const at = join.joins.indexOf(':');
            const target = { system: join.joins.slice(0, at) as CaseSystem, recordId: join.joins.slice(at + 1) };
            joins.push({ system: r.system, recordId: r.recordId, target, rule: join.rule, reason: join.reason });
          }
          continue;
        }
      }
      await this.episodes.reconsiderPerson(manager, personId, rules);
    }
    await this.episodes.setJoinsMany(manager, joins);
    for (const record of written) {
      const d = direct.get(record);
      if (record.anonymous && d && nrmReferenceKey(d.nrmReference)) await this.episodes.reconsider(manager, record.system, record.recordId, rules);
    }
  }
}
