import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '@app/case-systems';
import type { CaseSystem } from '@app/domain';
import { PersonIndexRepository } from '@app/database';
import { MetricsService } from '@app/metrics';
import { linkInBackground } from './batch-link';
import { toLinkageRecord } from './linkage-record';
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
 * re-decides the engine's own earlier links under the new model: a link it no longer makes is undone and
 * recorded in the link history. A reviewer's decision and a transfer are never touched.
 */
@Injectable()
export class ModelTrainer {
  private readonly logger = new Logger(ModelTrainer.name);

  constructor(
    private readonly repository: PersonIndexRepository,
    private readonly cache: PersonIndexCache,
    private readonly metrics: MetricsService,
  ) {}

  /** The generation to learn now, when the index has grown past the one its model was learned at; else null. */
  dueGeneration(): number | null {
    const wanted = modelGeneration(this.cache.index.size);
    if (wanted === null) return null;
    const have = modelGeneration(this.cache.trainedOn);
    return have === null || wanted > have ? wanted : null;
  }

  async train(): Promise<{ trained: boolean; records: number; undone: number }> {
    const records = (await this.repository.allRecords()).map((r) => toLinkageRecord(r.record as unknown as CaseRecord));
    if (records.length < MIN_RECORDS_TO_TRAIN) return { trained: false, records: records.length, undone: 0 };
    const started = Date.now();
    // On a thread of its own: learning from tens of thousands of records must not stall linking meanwhile.
    const { model } = await linkInBackground(records);
    await this.repository.saveModel(model, records.length);
    await this.cache.rebuild(model, records.length);
    const undone = await this.redecide();
    this.logger.log({ records: records.length, undone, ms: Date.now() - started }, 'linkage model re-learned');
    return { trained: true, records: records.length, undone };
  }

  /**
   * Re-decides every automatic MATCH under the model now in use. One the model no longer makes (the record is
   * no MATCH for its person, judged against the person's other records) is undone: the record moves to a person
   * of its own, with a possible-match review when it is still close, and the move is written to the link
   * history. Returns how many were undone.
   */
  async redecide(): Promise<number> {
    let undone = 0;
    const links = await this.repository.automaticMatches();
    // A few hundred decisions a transaction (one lock each), not one transaction a link: after a new model every
    // automatic link is looked at again, and on a large index that is tens of thousands.
    for (let k = 0; k < links.length; k += REDECIDE_PER_TRANSACTION) {
      const part = links.slice(k, k + REDECIDE_PER_TRANSACTION);
      let moved: number;
      try {
        moved = await this.repository.transaction(async (manager) => {
          await this.repository.lockLinking(manager);
          await this.cache.sync(manager);
          let n = 0;
          for (const link of part) if (await this.redecideOne(manager, link)) n += 1;
          return n;
        });
      } catch (error) {
        // The in-memory index took moves the rolled-back transaction never wrote.
        await this.cache.reload();
        throw error;
      }
      undone += moved;
      if (moved) this.metrics.linkDecisions.inc({ outcome: 'unlinked_by_new_model' }, moved);
    }
    return undone;
  }

  private async redecideOne(manager: EntityManager, link: { system: CaseSystem; recordId: string; personId: string }): Promise<boolean> {
    const current = await this.repository.findRecord(manager, link.system, link.recordId);
    // Changed since it was listed (a reviewer decided, or a newer version was linked): not ours to undo.
    if (!current || current.locked || current.personId !== link.personId) return false;
    const others = await this.repository.recordsOfPerson(manager, link.personId);
    if (others.length <= 1) return false;
    const linkage = toLinkageRecord(current.record as unknown as CaseRecord);
    const own = this.cache.index.match(linkage, 50).find((c) => c.personId === link.personId);
    if (own?.decision === 'MATCH') return false;
    const personId = await this.repository.createPerson(manager);
    await this.repository.setLink(
      manager,
      {
        system: link.system,
        recordId: link.recordId,
        personId,
        matchStatus: own ? 'POSSIBLE_MATCH' : 'NO_MATCH',
        probability: own?.probability ?? null,
        decidedBy: 'engine',
        locked: false,
        explanation: own?.explanation ?? null,
        recordVersion: current.version,
      },
      { action: 'moved', actor: ACTOR, reason: 'model_relearned: the re-learned model no longer links this record to the person' },
    );
    await this.repository.supersedeReviews(manager, link.system, link.recordId);
    if (own) {
      await this.repository.openReview(manager, {
        system: link.system,
        recordId: link.recordId,
        candidatePersonId: link.personId,
        reason: 'possible_match',
        probability: own.probability,
        explanation: own.explanation,
      });
    }
    this.cache.index.add(linkage, personId);
    return true;
  }
}
