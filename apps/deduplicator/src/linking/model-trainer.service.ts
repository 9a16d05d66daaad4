import { Injectable, Logger } from '@nestjs/common';
import type { CaseRecord } from '@app/case-systems';
import { PersonIndexRepository } from '@app/database';
import { linkRecords } from '@app/matching';
import { toLinkageRecord } from './linkage-record';
import { PersonIndexCache } from './person-index.cache';

/** Below this many records the learned parameters are noisier than the defaults. */
const MIN_RECORDS_TO_TRAIN = 500;

/**
 * Re-learns m and u probabilities and term frequencies from every record held (expectation maximisation, no
 * labels), with the same engine and configuration as `npm run link`, then rebuilds the in-memory index.
 * Existing links are not rewritten: the new model applies to decisions from now on.
 */
@Injectable()
export class ModelTrainer {
  private readonly logger = new Logger(ModelTrainer.name);

  constructor(
    private readonly repository: PersonIndexRepository,
    private readonly cache: PersonIndexCache,
  ) {}

  async train(): Promise<{ trained: boolean; records: number }> {
    const records = (await this.repository.allRecords()).map((r) => toLinkageRecord(r.record as unknown as CaseRecord));
    if (records.length < MIN_RECORDS_TO_TRAIN) return { trained: false, records: records.length };
    const started = Date.now();
    const { model } = linkRecords(records);
    await this.repository.saveModel(model, records.length);
    await this.cache.rebuild(model);
    this.logger.log({ records: records.length, ms: Date.now() - started }, 'linkage model re-learned');
    return { trained: true, records: records.length };
  }
}
