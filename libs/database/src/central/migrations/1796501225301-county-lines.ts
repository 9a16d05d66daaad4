import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * County lines drug supply as a column the statistics group by, as the Home Office flags it among criminal
 * exploitation. Referrals that already said so in their details (`exploitation.countyLines`) are flagged here too.
 * A record entered directly in a case system carries no such flag and counts as not flagged.
 */
export class CountyLines1796501225301 implements MigrationInterface {
  name = 'CountyLines1796501225301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.referrals ADD COLUMN county_lines boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE central.referrals SET county_lines = true WHERE details #>> '{exploitation,countyLines}' = 'true'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.referrals DROP COLUMN county_lines`);
  }
}
