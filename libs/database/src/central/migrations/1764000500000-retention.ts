import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: a referral past its retention period is anonymised, not deleted, so that the statistics already
 * reported stay as they were. The age bands its date of birth gave are kept; the date itself goes.
 */
export class Retention1764000500000 implements MigrationInterface {
  name = 'Retention1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.referrals ADD COLUMN anonymised_at timestamptz`);
    await q.query(`ALTER TABLE central.referrals ADD COLUMN retained_age_now_band text CHECK (retained_age_now_band IN ('child', 'adult'))`);
    await q.query(`ALTER TABLE central.referrals ADD COLUMN retained_age_start_band text CHECK (retained_age_start_band IN ('child', 'adult'))`);
    await q.query(`CREATE INDEX referrals_not_anonymised_idx ON central.referrals (person_id) WHERE anonymised_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.referrals_not_anonymised_idx`);
    await q.query(`ALTER TABLE central.referrals DROP COLUMN retained_age_start_band`);
    await q.query(`ALTER TABLE central.referrals DROP COLUMN retained_age_now_band`);
    await q.query(`ALTER TABLE central.referrals DROP COLUMN anonymised_at`);
  }
}
