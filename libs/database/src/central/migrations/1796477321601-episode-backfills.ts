import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which case systems' records held before referral episodes were counted have been read again for them. A system
 * connected afresh is read from the start of its feed anyway; this is for records linked before the upgrade.
 */
export class EpisodeBackfills1796477321601 implements MigrationInterface {
  name = 'EpisodeBackfills1796477321601';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.episode_backfills (
        system text PRIMARY KEY CHECK (system IN ('AIS', 'LCS')),
        records integer NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.episode_backfills`);
  }
}
