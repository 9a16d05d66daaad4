import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { chunks, RECORD_SELECT, type RecordRow, type StoredRecord, toStored } from './person-index.rows';

export type { StoredRecord } from './person-index.rows';

/** The deduplicator's copies of AIS and LCS records (central.case_records), each read with its link. */
@Injectable()
export class CaseRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every named record with its link; in the caller's transaction when given one. */
  async allRecords(manager: EntityManager = this.dataSource.manager): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE NOT c.anonymous`);
    return rows.map(toStored);
  }

  /** These records' keys in the order they arrived (a review is about the later record of a pair). */
  async arrivalOrder(
    manager: EntityManager,
    keys: ReadonlyArray<{ system: CaseSystem; recordId: string }>,
  ): Promise<Array<{ system: CaseSystem; recordId: string }>> {
    const rows: Array<{ system: CaseSystem; record_id: string }> = await manager.query(
      `SELECT c.system, c.record_id FROM central.case_records c
         JOIN unnest($1::text[], $2::text[]) AS k(system, record_id) ON k.system = c.system AND k.record_id = c.record_id
        ORDER BY c.fetched_at, c.system, c.record_id`,
      [keys.map((k) => k.system), keys.map((k) => k.recordId)],
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id }));
  }

  async findRecord(manager: EntityManager, system: CaseSystem, recordId: string): Promise<StoredRecord | null> {
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE c.system = $1 AND c.record_id = $2`, [system, recordId]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** `findRecord` for many records at once, in the caller's transaction. */
  async findRecords(manager: EntityManager, keys: ReadonlyArray<{ system: CaseSystem; recordId: string }>): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (const part of chunks(keys, 5000)) {
      const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE (c.system, c.record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
        part.map((k) => k.system),
        part.map((k) => k.recordId),
      ]);
      out.push(...rows.map(toStored));
    }
    return out;
  }

  async recordsByKeys(keys: Array<{ system: CaseSystem; recordId: string }>): Promise<StoredRecord[]> {
    if (keys.length === 0) return [];
    const rows: RecordRow[] = await this.dataSource.query(`${RECORD_SELECT} WHERE (c.system, c.record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
      keys.map((k) => k.system),
      keys.map((k) => k.recordId),
    ]);
    return rows.map(toStored);
  }

  async recordsOfPerson(manager: EntityManager, personId: string): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE l.person_id = $1 ORDER BY c.system, c.record_id`, [personId]);
    return rows.map(toStored);
  }

  async upsertRecord(
    manager: EntityManager,
    r: { system: CaseSystem; recordId: string; version: number; referralId: string | null; anonymous: boolean; record: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (system, record_id) DO UPDATE
         SET version = EXCLUDED.version, referral_id = EXCLUDED.referral_id, anonymous = EXCLUDED.anonymous,
             record = EXCLUDED.record, fetched_at = now()
       WHERE central.case_records.version <= EXCLUDED.version`,
      [r.system, r.recordId, r.version, r.referralId, r.anonymous, JSON.stringify(r.record)],
    );
  }

  /** Of these referral ids, those some case record already carries (a transfer's other record may be linked). */
  async referralIdsHeld(manager: EntityManager, referralIds: readonly string[]): Promise<Set<string>> {
    if (!referralIds.length) return new Set();
    const rows: Array<{ referral_id: string }> = await manager.query(
      `SELECT DISTINCT referral_id::text AS referral_id FROM central.case_records WHERE referral_id = ANY($1::uuid[])`,
      [referralIds],
    );
    return new Set(rows.map((r) => r.referral_id));
  }
}
