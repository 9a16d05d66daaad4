import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A direct entry with nothing identifying its subject was counted as no individual, as an anonymous Duty to Notify
 * notification is. Only such a notification is no one: a child's LCS contact, or an AIS concern recorded as an NRM
 * referral, without a name is an individual of their own, as a hub referral without a name is. The deduplicator
 * writes new entries that way (`countsAsNoOne`); this corrects the entries already held.
 */
export class NamelessDirectEntries1796510000000 implements MigrationInterface {
  name = 'NamelessDirectEntries1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE central.direct_referrals SET anonymous = false, updated_at = now() WHERE anonymous AND (system = 'LCS' OR kind = 'nrm')`);
  }

  async down(): Promise<void> {
    // Nothing to undo: which entries were counted as no one before cannot be told from those counted so since.
  }
}
