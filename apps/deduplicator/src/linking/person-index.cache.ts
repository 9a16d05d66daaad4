import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '@app/case-systems';
import { type StoredRecord, CaseRecordRepository, RecordLinkRepository, LinkageModelRepository } from '@app/database';
import { defaultModel, importModel, type LinkageModel, PersonIndex } from '@app/matching';
import { indexKey, toLinkageRecord } from './linkage-record';

/**
 * The deduplicator's in-memory person index: every linked record, blocked for fast candidate search. Built from
 * PostgreSQL at start and kept in step with what other replicas and reviewers change through link history.
 */
@Injectable()
export class PersonIndexCache implements OnApplicationBootstrap {
  private readonly logger = new Logger(PersonIndexCache.name);
  private current?: PersonIndex;
  private lastHistoryId = 0;
  private loading?: Promise<void>;
  /** Records the model in use was learned from (0 for the starting model). */
  trainedOn = 0;
  /** Records the index held when the batch engine last linked all of them (a realignment, or a first backlog). */
  realignedOn = 0;

  constructor(
    private readonly caseRecords: CaseRecordRepository,
    private readonly recordLinks: RecordLinkRepository,
    private readonly linkageModels: LinkageModelRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  ready(): Promise<void> {
    return (this.loading ??= this.rebuild());
  }

  get index(): PersonIndex {
    if (!this.current) throw new Error('the person index is not loaded yet');
    return this.current;
  }

  async rebuild(model?: LinkageModel, trainedOn?: number): Promise<void> {
    const started = Date.now();
    const stored = model ? null : await this.linkageModels.latestModel();
    const chosen = model ?? (stored ? importModel(stored.model) : defaultModel());
    this.trainedOn = model ? (trainedOn ?? 0) : (stored?.recordCount ?? 0);
    // After a restart, the last realignment is known to be no older than the model.
    this.realignedOn = Math.max(this.realignedOn, this.trainedOn);
    // History first: a change made while the records load is then applied again by sync, harmlessly.
    const lastHistoryId = await this.recordLinks.latestHistoryId();
    const index = new PersonIndex(chosen);
    for (const record of await this.caseRecords.allRecords()) this.apply(index, record);
    this.current = index;
    this.lastHistoryId = lastHistoryId;
    this.logger.log({ records: index.size, persons: index.personCount, ms: Date.now() - started, trained: !!stored || !!model }, 'person index loaded');
  }

  /**
   * Starts an empty index over with a model learned from a first backlog (the records it holds are then added as
   * they are linked). Only while the index is empty: a model change for records already held is a rebuild.
   */
  useLearnedModel(model: LinkageModel, trainedOn: number): void {
    if (this.index.size > 0) throw new Error('a learned model replaces only an empty index; rebuild otherwise');
    this.current = new PersonIndex(model, this.index.config);
    this.trainedOn = trainedOn;
    this.realignedOn = trainedOn;
  }

  /**
   * The caller, holding the linking lock, has applied to the index every link change up to `historyId` (its own
   * bulk writes among them): the next sync need not read them back.
   */
  syncedTo(historyId: number): void {
    this.lastHistoryId = Math.max(this.lastHistoryId, historyId);
  }

  /** The in-memory index may hold decisions a rolled-back transaction never wrote: load it again from PostgreSQL. */
  reload(): Promise<void> {
    this.loading = this.rebuild();
    return this.loading;
  }

  /** Applies every link change made since the last sync (by another replica or a reviewer). */
  async sync(manager: EntityManager): Promise<void> {
    await this.ready();
    const { records, lastId } = await this.recordLinks.changedSince(manager, this.lastHistoryId);
    for (const record of records) this.apply(this.index, record);
    this.lastHistoryId = lastId;
  }

  private apply(index: PersonIndex, stored: StoredRecord): void {
    if (stored.personId && !stored.anonymous) index.add(toLinkageRecord(stored.record as unknown as CaseRecord), stored.personId);
    else index.remove(indexKey(stored.system, stored.recordId));
  }
}
