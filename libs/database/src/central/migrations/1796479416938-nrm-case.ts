import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The NRM case after referral: reconsiderations (so a stage can have more than one decision), suspensions and
 * public order disqualifications, the competent authority on each decision letter, and what a positive
 * conclusive grounds decision found.
 */
export class NrmCase1796479416938 implements MigrationInterface {
  name = 'NrmCase1796479416938';

  async up(q: QueryRunner): Promise<void> {
    // A reconsidered stage has its first decision and the new one: the rules (serialised per referral) decide
    // what may follow what, the table keeps every letter.
    await q.query(`DROP INDEX central.decisions_one_per_stage_idx`);
    await q.query(`ALTER TABLE central.decisions DROP CONSTRAINT decisions_type_check`);
    await q.query(`ALTER TABLE central.decisions DROP CONSTRAINT decisions_check`);
    await q.query(`
      ALTER TABLE central.decisions
        ADD CONSTRAINT decisions_type_check CHECK (type IN ('reasonable_grounds', 'conclusive_grounds', 'reconsideration_requested',
                                                           'withdrawal', 'suspension', 'public_order_disqualification', 'consent_to_stay')),
        ADD CONSTRAINT decisions_outcome_check CHECK (CASE type
                 WHEN 'consent_to_stay' THEN outcome IN ('consented', 'declined')
                 WHEN 'reasonable_grounds' THEN outcome IN ('positive', 'negative')
                 WHEN 'conclusive_grounds' THEN outcome IN ('positive', 'negative')
                 ELSE outcome IS NULL
               END),
        ADD COLUMN competent_authority text CHECK (competent_authority IN ('SCA', 'IECA', 'devolved_panel')),
        ADD COLUMN finding text CHECK (finding IN ('human_trafficking', 'slavery_servitude_forced_labour', 'both')),
        ADD CONSTRAINT decisions_finding_positive_cg_check CHECK (finding IS NULL OR (type = 'conclusive_grounds' AND outcome = 'positive'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM central.decisions WHERE type IN ('reconsideration_requested', 'suspension', 'public_order_disqualification')`);
    await q.query(`ALTER TABLE central.decisions DROP CONSTRAINT decisions_finding_positive_cg_check, DROP COLUMN finding, DROP COLUMN competent_authority`);
    await q.query(`ALTER TABLE central.decisions DROP CONSTRAINT decisions_outcome_check, DROP CONSTRAINT decisions_type_check`);
    await q.query(`
      ALTER TABLE central.decisions
        ADD CONSTRAINT decisions_type_check CHECK (type IN ('reasonable_grounds', 'conclusive_grounds', 'withdrawal', 'consent_to_stay')),
        ADD CONSTRAINT decisions_check CHECK (CASE type
                 WHEN 'withdrawal' THEN outcome IS NULL
                 WHEN 'consent_to_stay' THEN outcome IN ('consented', 'declined')
                 ELSE outcome IN ('positive', 'negative')
               END)`);
    await q.query(`CREATE UNIQUE INDEX decisions_one_per_stage_idx ON central.decisions (referral_id, type)`);
  }
}
