/**
 * What the person-index repositories share: a case record read with its link as one row, and batching of bulk
 * writes. Internal to libs/database.
 */
import type { CaseSystem } from '@app/domain';

export interface StoredRecord {
  system: CaseSystem;
  recordId: string;
  version: number;
  referralId: string | null;
  anonymous: boolean;
  record: Record<string, unknown>;
  personId: string | null;
  locked: boolean;
}

export interface RecordRow {
  system: CaseSystem;
  record_id: string;
  version: number;
  referral_id: string | null;
  anonymous: boolean;
  record: Record<string, unknown>;
  person_id: string | null;
  locked: boolean | null;
}

export const toStored = (r: RecordRow): StoredRecord => ({
  system: r.system,
  recordId: r.record_id,
  version: r.version,
  referralId: r.referral_id,
  anonymous: r.anonymous,
  record: r.record,
  personId: r.person_id,
  locked: r.locked ?? false,
});

export const RECORD_SELECT = `
  SELECT c.system, c.record_id, c.version, c.referral_id, c.anonymous, c.record, l.person_id, l.locked
    FROM central.case_records c LEFT JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id`;

/** Rows per statement in bulk writes: large enough to save round trips, small enough to keep each statement quick. */
const BULK_ROWS = 1000;

export function chunks<T>(items: readonly T[], size = BULK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
