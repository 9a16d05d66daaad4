import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onward support after a referral: each referral to a support service (the Modern Slavery Victim Care Contract,
 * the council's local service, an Independent Child Trafficking Guardian), when and to whom.
 */
export class OnwardSupport1796479799421 implements MigrationInterface {
  name = 'OnwardSupport1796479799421';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.support_referrals (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        service text NOT NULL CHECK (service IN ('msvcc', 'local_service', 'ictg')),
        provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
        referred_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX support_referrals_referral_idx ON central.support_referrals (referral_id, referred_on)`);
    await q.query(`CREATE INDEX support_referrals_referred_on_idx ON central.support_referrals (referred_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.support_referrals`);
  }
}
