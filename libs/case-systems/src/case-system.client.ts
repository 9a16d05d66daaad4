import type { CaseSystem, Referral } from '@app/domain';
import type { CaseRecord, ChangePage, DeliveryResult } from './case-record';

/** What the router and the deduplicator need of either case system. */
export interface CaseSystemClient {
  readonly system: CaseSystem;
  /** Creates the record for a referral, or answers the one already created for it (idempotent by referral id). */
  deliverReferral(referralId: string, referral: Referral): Promise<DeliveryResult>;
  getRecord(recordId: string): Promise<CaseRecord>;
  /**
   * The records of these ids that exist, read several to a request (at most `MAX_RECORDS_PER_READ`); ids not
   * found are left out. A backlog of thousands is read in a few hundred requests instead of one each.
   */
  getRecords(recordIds: readonly string[]): Promise<CaseRecord[]>;
  /** Changes after `cursor` (null: from the beginning), oldest first; at most 500 a page whatever `limit` says. */
  changes(cursor: string | null, limit?: number): Promise<ChangePage>;
}
