import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '@app/case-systems';
import type { Environment } from '@app/config';
import type { CaseSystem, MatchStatus } from '@app/domain';
import {
  EpisodeRepository,
  PersonIndexRepository,
  CaseRecordRepository,
  RecordLinkRepository,
  PersonRepository,
  ReviewItemRepository,
  LinkageModelRepository,
} from '@app/database';
import { choosePerson, reviewsOf } from '@app/matching';
import { MetricsService } from '@app/metrics';
import { linkInBackground } from './batch-link';
import { indexKey, toLinkageRecord } from './linkage-record';
import { PersonIndexCache } from './person-index.cache';

/**
 * A few hundred records are enough for expectation maximisation to beat the starting parameters; below that the
 * learned ones are noisier than the defaults.
 */
export const MIN_RECORDS_TO_TRAIN = 300;

const ACTOR = 'deduplicator';
const REDECIDE_PER_TRANSACTION = 500;

/**
 * The model generation a record count calls for: the first at `MIN_RECORDS_TO_TRAIN` records, then one more at
 * every doubling (300, 600, 1,200, …), so a new installation or a backfill is linked with a learned model early,
 * and learning costs stay a small share of linking however large the index grows. Null below the minimum.
 */
export function modelGeneration(records: number): number | null {
  return records < MIN_RECORDS_TO_TRAIN ? null : Math.floor(Math.log2(records / MIN_RECORDS_TO_TRAIN));
}

/**
 * Re-learns m and u probabilities and term frequencies from every record held (expectation maximisation, no
 * labels), with the same engine and configuration as `npm run link`, rebuilds the in-memory index, and then
 * re-decides the engine's own earlier decisions under the new model (`redecide`): a link it no longer makes is
 * undone, a record it kept apart joins the one person it now matches, each recorded in the link history. A reviewer's decision and a transfer are never touched.
 */
@Injectable()
export class ModelTrainer {
  private readonly logger = new Logger(ModelTrainer.name);

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

  /** The generation to learn now, when the index has grown past the one its model was learned at; else null. */
  dueGeneration(): number | null {
    const wanted = modelGeneration(this.cache.index.size);
    if (wanted === null) return null;
    const have = modelGeneration(this.cache.trainedOn);
    return have === null || wanted > have ? wanted : null;
  }

  async train(): Promise<{ trained: boolean; records: number; moved: number }> {
    const records = (await this.caseRecords.allRecords()).map((r) => toLinkageRecord(r.record as unknown as CaseRecord));
    if (records.length < MIN_RECORDS_TO_TRAIN) return { trained: false, records: records.length, moved: 0 };
    const started = Date.now();
    // On a thread of its own: learning from tens of thousands of records must not stall linking meanwhile.
    const { model } = await linkInBackground(records);
    await this.linkageModels.saveModel(model, records.length);
    await this.cache.rebuild(model, records.length);
    const moved = await this.redecide();
    this.logger.log({ records: records.length, moved, ms: Date.now() - started }, 'linkage model re-learned');
    return { trained: true, records: records.length, moved };
  }

  /**
   * Re-decides the engine's own earlier decisions under the model now in use, in the order they were made, with the
   * worker's rule (`choosePerson`): a record joined to a person (MATCH) that the model no longer joins to it moves
   * to the one other person it matches, or to a person of its own with reviews for those it is close to; a record
   * kept apart and alone in its person joins the one person it now matches. A reviewer's decision, a transfer and a
   * reviewer's "not a match" are never overridden; every move is written to the link history. Returns how many
   * records moved.
   */
  async redecide(): Promise<number> {
    let moved = 0;
    const links = await this.recordLinks.automaticDecisions();
    // A few hundred decisions a transaction (one lock each), not one transaction a link: after a new model every
    // automatic decision is looked at again, and on a large index that is tens of thousands.
    for (let k = 0; k < links.length; k += REDECIDE_PER_TRANSACTION) {
      const part = links.slice(k, k + REDECIDE_PER_TRANSACTION);
      let changed: { undone: number; joined: number };
      try {
        changed = await this.repository.transaction(async (manager) => {
          await this.repository.lockLinking(manager);
          await this.cache.sync(manager);
          const n = { undone: 0, joined: 0 };
          for (const link of part) {
            const outcome = await this.redecideOne(manager, link);
            if (outcome) n[outcome] += 1;
          }
          return n;
        });
      } catch (error) {
        // The in-memory index took moves the rolled-back transaction never wrote.
        await this.cache.reload();
        throw error;
      }
      moved += changed.undone + changed.joined;
      if (changed.undone) this.metrics.linkDecisions.inc({ outcome: 'unlinked_by_new_model' }, changed.undone);
      if (changed.joined) this.metrics.linkDecisions.inc({ outcome: 'linked_by_new_model' }, changed.joined);
    }
    return moved;
  }

  /** One decision made again: `undone` (a MATCH the model no longer makes), `joined` (now the one person matched), or null. */
  private async redecideOne(
    manager: EntityManager,
    link: { system: CaseSystem; recordId: string; personId: string; matchStatus: MatchStatus },
  ): Promise<'undone' | 'joined' | null> {
    const { system, recordId, personId } = link;
    const joined = link.matchStatus === 'MATCH';
    const key = indexKey(system, recordId);
    // Cheap first, from memory: a record still joined to its one matching person, or kept apart and matching no
    // one, stays; so does a record kept apart that other records have joined since (it is their person's first).
    const members = this.cache.index.sizeOf(personId);
    if (this.cache.index.personOf(key) !== personId || (!joined && members > 1)) return null;
    const current = await this.caseRecords.findRecord(manager, system, recordId);
    // Changed since it was listed (a reviewer decided, or a newer version was linked): not ours to re-decide.
    if (!current || current.locked || current.anonymous || current.personId !== personId) return null;
    const linkage = toLinkageRecord(current.record as unknown as CaseRecord);
    let candidates = this.cache.index.match(linkage, 10);
    const matching = candidates.filter((c) => c.decision === 'MATCH');
    if (joined ? matching.length === 1 && matching[0].personId === personId : matching.length === 0) return null;

    const excluded = await this.persons.nonMatchedPersons(manager, system, recordId, personId);
    candidates = candidates.filter((c) => !excluded.has(c.personId));
    const choice = choosePerson(candidates, this.cache.index.config, { personId, alone: members <= 1 });
    if (choice.personId === personId) return null;
    const target = choice.personId ?? (await this.persons.createPerson(manager));
    const { best } = choice;
    await this.recordLinks.setLink(
      manager,
      {
        system,
        recordId,
        personId: target,
        matchStatus: choice.status,
        probability: best?.probability ?? null,
        decidedBy: 'engine',
        locked: false,
        explanation: best?.explanation ?? null,
        recordVersion: current.version,
      },
      {
        action: 'moved',
        actor: ACTOR,
        reason: joined
          ? 'model_relearned: the re-learned model no longer links this record to the person'
          : 'model_relearned: the re-learned model links this record to one person',
      },
    );
    const reviews = reviewsOf(choice, target);
    await this.reviewItems.replaceReviews(manager, system, recordId, reviews);
    this.cache.index.add(linkage, target);
    // Who the record belongs to changed, so both persons' directly entered referrals are counted again.
    const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
    await this.episodes.reconsiderPerson(manager, personId, rules);
    await this.episodes.reconsiderPerson(manager, target, rules);
    return joined ? 'undone' : 'joined';
  }
}
