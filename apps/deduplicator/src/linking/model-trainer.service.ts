import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '@app/case-systems';
import type { Environment } from '@app/config';
import type { MatchStatus } from '@app/domain';
import {
  EpisodeRepository,
  PersonIndexRepository,
  CaseRecordRepository,
  RecordLinkRepository,
  PersonRepository,
  ReviewItemRepository,
  LinkageModelRepository,
} from '@app/database';
import { type LinkageRecord, type LinkageResult, placeRecord, prepareRecord, reviewReason, reviewsOf, Scorer } from '@app/matching';
import { MetricsService } from '@app/metrics';
import { linkInBackground } from './batch-link';
import { indexKey, known, parseIndexKey, toLinkageRecord } from './linkage-record';
import { followers, type HeldRecord, type Move, planRealignment, reviewsWanted, sameReviews, type WantedReview } from './realignment';
import { PersonIndexCache } from './person-index.cache';

/**
 * A few hundred records are enough for expectation maximisation to beat the starting parameters; below that the
 * learned ones are noisier than the defaults.
 */
export const MIN_RECORDS_TO_TRAIN = 300;

const ACTOR = 'deduplicator';

/**
 * The model generation a record count calls for: the first at `MIN_RECORDS_TO_TRAIN` records, then one more at
 * every doubling (300, 600, 1,200, …), so a new installation or a backfill is linked with a learned model early,
 * and learning costs stay a small share of linking however large the index grows. Null below the minimum.
 */
export function modelGeneration(records: number): number | null {
  return records < MIN_RECORDS_TO_TRAIN ? null : Math.floor(Math.log2(records / MIN_RECORDS_TO_TRAIN));
}

/**
 * Records linked one at a time since the last realignment, as a share of the index, that a quiet spell realigns
 * (at least one record): the records of a day's work are decided as the whole index would decide them, without
 * running the batch engine over a large index for every single referral.
 */
const IDLE_REALIGN_SHARE = 0.01;

/** Whether a quiet spell should realign an index of `records` last realigned at `realignedOn` records. */
export function idleRealignmentDue(records: number, realignedOn: number): boolean {
  return records >= MIN_RECORDS_TO_TRAIN && records - realignedOn >= Math.max(1, Math.ceil(records * IDLE_REALIGN_SHARE));
}

/** How much the index grows between two realignments with the batch engine. */
const REALIGN_GROWTH = 1.25;

/**
 * The realignment step a record count calls for: one at `MIN_RECORDS_TO_TRAIN` records and one more at every
 * quarter's growth (300, 375, 468, …), so at most a fifth of the index was decided one record at a time since
 * the batch engine last saw it all. Clustering without learning costs about a tenth of a millisecond a record,
 * so all the steps of an index's life cost about five batch runs over it. Null below the minimum.
 */
export function realignmentStep(records: number): number | null {
  // The small epsilon keeps an exact power (375 records) on its own step despite floating-point logarithms.
  return records < MIN_RECORDS_TO_TRAIN ? null : Math.floor(Math.log(records / MIN_RECORDS_TO_TRAIN) / Math.log(REALIGN_GROWTH) + 1e-9);
}

/** What one refresh of the person index did. */
export interface Refreshed {
  /** A new model was learned (else the batch engine ran under the model in use). */
  trained: boolean;
  records: number;
  /** Records moved to the batch engine's persons. */
  moved: number;
}

/**
 * Keeps the worker's persons those of the batch engine over the whole index. It learns m and u probabilities and
 * term frequencies from every record held (expectation maximisation, no labels, the engine and configuration of
 * `npm run link`) at 300 records, at every doubling, nightly and once linking goes quiet, and realigns under the
 * model in use at every quarter's growth between. Each time it links every record with the batch engine and moves
 * the engine's own earlier decisions to the batch's persons (`realign`): a record the worker placed one at a time,
 * before the evidence that joins or parts it arrived, goes where the whole index puts it, each move recorded in
 * the link history. A reviewer's decision and a transfer are never moved.
 */
@Injectable()
export class ModelTrainer {
  private readonly logger = new Logger(ModelTrainer.name);
  private running: Promise<unknown> = Promise.resolve();
  /**
   * The last realignment in this process saw every record the index held when it made its moves, and also made the
   * open reviews the batch's (a growth step during a burst does neither: records arrive while its batch runs, and
   * it leaves reviews alone); false at start, so the first quiet spell of a process makes it so.
   */
  private inStepWithBatch = false;

  constructor(
    private readonly repository: PersonIndexRepository,
    private readonly caseRecords: CaseRecordRepository,
    private readonly recordLinks: RecordLinkRepository,
    private readonly persons: PersonRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly linkageModels: LinkageModelRepository,
    private readonly cache: PersonIndexCache,
    private readonly metrics: MetricsService,
    private readonly episodes: EpisodeRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The realignment step to take now, when the index has grown past the one last taken; else null. */
  dueStep(): number | null {
    const wanted = realignmentStep(this.cache.index.size);
    if (wanted === null) return null;
    const have = realignmentStep(this.cache.realignedOn);
    return have === null || wanted > have ? wanted : null;
  }

  /** A new model from every record held, then `realign` under it (nightly, and at every doubling of the index). */
  train(): Promise<Refreshed> {
    return this.serially(() => this.refresh(true));
  }

  /**
   * What the index's growth calls for, decided when the job runs (an earlier job may have done it): a new model at
   * a doubling, else a realignment under the model in use.
   */
  catchUp(): Promise<Refreshed> {
    return this.serially(() => {
      if (this.dueStep() === null) return Promise.resolve({ trained: false, records: this.cache.index.size, moved: 0 });
      const wanted = modelGeneration(this.cache.index.size);
      const have = modelGeneration(this.cache.trainedOn);
      // During a burst the reviews are left as the records brought them: the realignment once linking goes quiet
      // makes them the batch's, without holding every growth step's linking lock for it.
      return this.refresh(wanted !== null && (have === null || wanted > have), undefined, false);
    });
  }

  /**
   * When linking has gone quiet: if enough records were linked one at a time since the last realignment
   * (`idleRealignmentDue`), a model learned from every record held and a realignment under it, so that once a
   * burst of records is in the persons the boards count are those `npm run link` would find. The model is learned
   * again because one learned from a few hundred or thousand fewer records clusters measurably differently (on the
   * project's generators, realigning under the last doubling's model left the index at 0.98 pairwise agreement
   * with the batch linker's persons, learning again at 0.99); a quiet spell is when its cost is free.
   */
  whenIdle(): Promise<Refreshed> {
    return this.serially(() => {
      if (idleRealignmentDue(this.cache.index.size, this.cache.realignedOn)) return this.refresh(true);
      // The last realignment left records and reviews as they were brought (linked while its batch ran, or a growth
      // step's reviews): make them the batch's now, without learning.
      if (!this.inStepWithBatch && this.cache.index.size >= MIN_RECORDS_TO_TRAIN) return this.refresh(false);
      return Promise.resolve({ trained: false, records: this.cache.index.size, moved: 0 });
    });
  }

  /** `realign` under the model now in use (after the caller changed it), without learning a new one. */
  async redecide(): Promise<number> {
    return (await this.serially(() => this.refresh(false, 'model_relearned: the new model'))).moved;
  }

  /** One refresh at a time in this process: two would each link the whole index to move the same records. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.running.then(work, work);
    this.running = run.catch(() => undefined);
    return run;
  }

  /** A new model learned from every record held first if `learn`, then `realign` under the model in use. */
  private async refresh(
    learn: boolean,
    why = learn ? 'model_relearned: the re-learned model' : 'index_realigned: the whole index',
    alignReviews = true,
  ): Promise<Refreshed> {
    const started = Date.now();
    if (learn) {
      const records = await this.linkageRecords();
      if (records.length < MIN_RECORDS_TO_TRAIN) return { trained: false, records: records.length, moved: 0 };
      // On a thread of its own, outside the linking lock: learning from tens of thousands of records takes a
      // while, and linking goes on meanwhile.
      const { model } = await linkInBackground(records, { priority: 'background' });
      await this.linkageModels.saveModel(model, records.length);
      await this.cache.rebuild(model, records.length);
    }
    const { records, moved, sawEverything } = await this.realign(why, alignReviews);
    this.inStepWithBatch = alignReviews && sawEverything;
    this.cache.realignedOn = Math.max(this.cache.realignedOn, records);
    this.logger.log({ records, moved, ms: Date.now() - started }, learn ? 'linkage model re-learned' : 'person index realigned');
    return { trained: learn, records, moved };
  }

  private async linkageRecords(): Promise<LinkageRecord[]> {
    return (await this.caseRecords.allRecords()).map((r) => toLinkageRecord(r.record as unknown as CaseRecord));
  }

  /**
   * Links every record held with the batch engine under the model in use and moves the engine's own decisions to
   * its persons (`planRealignment`). The batch runs over a snapshot, outside the linking lock: on a large index it
   * takes seconds (tens of seconds at 50,000 records), and linking goes on meanwhile. The moves are planned and
   * made in one transaction under the lock, against the index as it is then: a record linked or linked again after
   * the snapshot goes with its person's records (`followers`), so it is never left alone in a person the moves
   * empty. Only records whose person changes are written, each move recorded in the link history; a record is never
   * moved into a person a reviewer said it is not.
   */
  private async realign(why: string, alignReviews: boolean): Promise<{ records: number; moved: number; sawEverything: boolean }> {
    await this.cache.ready();
    // History first: a link changed while the records are read is then counted as changed since the snapshot.
    const snapshotHistoryId = await this.recordLinks.latestHistoryId();
    const snapshot = await this.linkageRecords();
    // On a thread of its own: the worker's event loop keeps renewing job locks and answering health checks.
    // A model learned from the index counted its records in its name frequencies, as the worker's index
    // assumes; so must the batch, or it clusters differently from `npm run link` under the very same model.
    const model = this.cache.index.model;
    const batch = await linkInBackground(snapshot, { model, modelCountsTheseRecords: this.cache.trainedOn > 0, priority: 'background' });
    let changed: { records: number; undone: number; joined: number; settled: number; reviewsAligned: number; sawEverything: boolean };
    try {
      changed = await this.repository.transaction(async (manager) => {
        await this.repository.lockLinking(manager);
        await this.cache.sync(manager);
        // A new model meanwhile (another replica's): this batch decided under the old one; the next step decides again.
        if (this.cache.index.model !== model) return { records: snapshot.length, undone: 0, joined: 0, settled: 0, reviewsAligned: 0, sawEverything: false };
        const changedSince = await this.recordLinks.keysChangedSince(manager, snapshotHistoryId);
        const records = new Map(snapshot.filter((r) => !changedSince.has(r.recordId)).map((r) => [r.recordId, r]));
        const newPersons = new Map<string, string>();
        const n = { records: snapshot.length, undone: 0, joined: 0, settled: 0, reviewsAligned: 0, sawEverything: changedSince.size === 0 };
        const touched = new Set<string>();
        const { moves, automatic, status } = await this.plan(manager, batch, changedSince);
        for (const move of moves) {
          const outcome = await this.moveOne(manager, move, known(status, move.key, 'realigning the index'), newPersons, why);
          if (!outcome) continue;
          n[outcome.kind] += 1;
          touched.add(move.from).add(outcome.target);
        }
        // Who the records belong to changed, so those persons' directly entered referrals are counted again, and
        // reviews asking about a person the moves emptied (or about the record's own person now) are settled.
        const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
        for (const personId of touched) await this.episodes.reconsiderPerson(manager, personId, rules);
        n.settled = await this.reviewItems.supersedeSettledReviews(manager, [...touched]);
        if (alignReviews) n.reviewsAligned = await this.alignReviews(manager, batch, automatic, records);
        return n;
      });
    } catch (error) {
      // The in-memory index took moves the rolled-back transaction never wrote.
      await this.cache.reload();
      throw error;
    }
    if (changed.undone) this.metrics.linkDecisions.inc({ outcome: 'unlinked_by_new_model' }, changed.undone);
    if (changed.joined) this.metrics.linkDecisions.inc({ outcome: 'linked_by_new_model' }, changed.joined);
    if (changed.settled || changed.reviewsAligned) {
      this.logger.log({ settled: changed.settled, recordsWithReviewsChanged: changed.reviewsAligned }, 'reviews settled by the realignment');
    }
    return { records: changed.records, moved: changed.undone + changed.joined, sawEverything: changed.sawEverything };
  }

  /**
   * The moves that make the worker's persons the batch's, for every record the index holds, and the keys of the
   * engine's own decisions (the records the moves and the review alignment may change). A record changed since the
   * batch's snapshot follows its person (`followers`). `status` is the status a record takes when it moves: the
   * batch's, or for a record changed since the snapshot its own decision's.
   */
  private async plan(
    manager: EntityManager,
    batch: LinkageResult,
    changedSince: ReadonlySet<string>,
  ): Promise<{ moves: Move[]; automatic: Set<string>; status: Map<string, MatchStatus> }> {
    const automatic = await this.recordLinks.automaticDecisions(manager);
    const rank = new Map(automatic.map((a, i) => [indexKey(a.system, a.recordId), i]));
    const reviewed = await this.recordLinks.reviewerDecidedKeys(manager);
    const held = (key: string, personId: string) => ({
      key,
      personId,
      movable: rank.has(key),
      reviewed: reviewed.has(key),
      rank: rank.get(key) ?? -1,
    });
    const seen: HeldRecord[] = [];
    for (const l of batch.links) {
      const personId = this.cache.index.personOf(l.recordId);
      if (personId === undefined || changedSince.has(l.recordId)) continue;
      seen.push({ ...held(l.recordId, personId), cluster: l.personId });
    }
    const unseen = [...changedSince].flatMap((key) => {
      const personId = this.cache.index.personOf(key);
      return personId === undefined ? [] : [held(key, personId)];
    });
    const status = new Map(batch.links.map((l) => [l.recordId, l.matchStatus]));
    for (const a of automatic) {
      const key = indexKey(a.system, a.recordId);
      if (changedSince.has(key)) status.set(key, a.matchStatus);
    }
    return { moves: planRealignment([...seen, ...followers(seen, unseen)]), automatic: new Set(rank.keys()), status };
  }

  /**
   * Makes the open reviews of the engine's own decisions those the batch engine asks for over the whole index
   * (`reviewsWanted`): a review raised when a record arrived, before the records that answer it, is superseded, and
   * one the whole index raises is opened, with the worker's own probability and explanation for the person. Only
   * records whose reviews differ are written. Without this the running system kept more reviews open than
   * `npm run link` raises on the same records.
   */
  private async alignReviews(
    manager: EntityManager,
    batch: LinkageResult,
    automatic: ReadonlySet<string>,
    records: ReadonlyMap<string, LinkageRecord>,
  ): Promise<number> {
    const subjects = new Set<string>();
    for (const r of batch.reviews) subjects.add(r.recordId).add(r.candidateRecordId);
    const arrival = new Map(
      (await this.caseRecords.arrivalOrder(manager, [...subjects].map(parseIndexKey))).map((r, i) => [indexKey(r.system, r.recordId), i]),
    );
    const index = this.cache.index;
    const wanted = reviewsWanted(
      batch.reviews.map((r) => ({ key: r.recordId, candidateKey: r.candidateRecordId, probability: r.probability, confirm: r.reason === 'confirm_match' })),
      (key) => arrival.get(key) ?? -1,
      (key) => index.personOf(key),
      (key) => automatic.has(key),
    );
    const open = new Map<string, WantedReview[]>();
    for (const r of await this.reviewItems.openReviewsByRecord(manager)) {
      const key = indexKey(r.system, r.recordId);
      if (automatic.has(key)) open.set(key, [...(open.get(key) ?? []), { candidatePersonId: r.candidatePersonId, confirm: r.confirm }]);
    }
    let changed = 0;
    let scorer: Scorer | undefined;
    for (const key of new Set([...wanted.keys(), ...open.keys()])) {
      const want = wanted.get(key) ?? [];
      if (sameReviews(open.get(key) ?? [], want)) continue;
      const linkage = records.get(key);
      if (!linkage) continue;
      const { system, recordId } = parseIndexKey(key);
      const own = index.personOf(key);
      const candidates = want.length ? index.match(linkage, 10) : [];
      const matching = candidates.filter((c) => c.personId !== own && c.decision === 'MATCH').length;
      const reviews = want.flatMap((w) => {
        const c = candidates.find((x) => x.personId === w.candidatePersonId);
        // Where the worker's own look at the person does not reach the pair (another block, or its prior on fewer
        // records), the batch's pair explains the review, so that the next realignment finds it written.
        const other = c || w.via === undefined ? undefined : records.get(w.via);
        const explanation =
          c?.explanation ??
          (other && (scorer ??= new Scorer(index.model, index.config, { leaveOut: 1 })).explain(prepareRecord(linkage), prepareRecord(other), index.size - 1));
        if (!explanation) return [];
        const reason = w.confirm ? ('confirm_match' as const) : c ? reviewReason(c, matching) : ('possible_match' as const);
        return [{ candidatePersonId: w.candidatePersonId, reason, probability: c?.probability ?? explanation.probability, explanation }];
      });
      await this.reviewItems.replaceReviews(manager, system, recordId, reviews);
      changed += 1;
    }
    return changed;
  }

  /** One move made, when it still stands: `undone` (the record leaves the person) or `joined` (it joins others). */
  private async moveOne(
    manager: EntityManager,
    move: Move,
    batchStatus: MatchStatus,
    newPersons: Map<string, string>,
    why: string,
  ): Promise<{ kind: 'undone' | 'joined'; target: string } | null> {
    const { system, recordId } = parseIndexKey(move.key);
    const current = await this.caseRecords.findRecord(manager, system, recordId);
    // Changed since the plan (a reviewer decided, or a newer version was linked): not ours to re-decide.
    if (!current || current.locked || current.anonymous || current.personId !== move.from) return null;
    const excluded = await this.persons.nonMatchedPersons(manager, system, recordId, move.from);
    let target = move.to ?? newPersons.get(move.cluster) ?? null;
    if (target !== null && excluded.has(target)) return null;
    if (target === null) {
      target = await this.persons.createPerson(manager);
      newPersons.set(move.cluster, target);
    }
    const linkage = toLinkageRecord(current.record as unknown as CaseRecord);
    const candidates = this.cache.index.match(linkage, 10).filter((c) => !excluded.has(c.personId));
    const joined = this.cache.index.sizeOf(target) > 0;
    // Alone in a new person the record is no match, whatever its place in the batch.
    const status: MatchStatus = joined ? batchStatus : candidates.length ? 'POSSIBLE_MATCH' : 'NO_MATCH';
    const choice = placeRecord(candidates, this.cache.index.config, target, status);
    const { best } = choice;
    await this.recordLinks.setLink(
      manager,
      {
        system,
        recordId,
        personId: target,
        matchStatus: status,
        probability: best?.probability ?? null,
        decidedBy: 'engine',
        locked: false,
        explanation: best?.explanation ?? null,
        recordVersion: current.version,
      },
      {
        action: 'moved',
        actor: ACTOR,
        reason: joined ? `${why} links this record to one person` : `${why} no longer links this record to the person`,
      },
    );
    await this.reviewItems.replaceReviews(manager, system, recordId, reviewsOf(choice, target));
    this.cache.index.add(linkage, target);
    return { kind: joined ? 'joined' : 'undone', target };
  }
}
