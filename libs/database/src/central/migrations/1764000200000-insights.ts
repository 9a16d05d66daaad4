import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insights: Home Office decisions on referrals, immutable board-report snapshots, and what the statistics
 * queries need to read a quarter of a million-row referrals table quickly.
 */
export class Insights1764000200000 implements MigrationInterface {
  name = 'Insights1764000200000';

  async up(q: QueryRunner): Promise<void> {
    // Completed years of age on a day, as @app/statistics `ageOn` counts them: a birthday counts from the day
    // itself, so someone born on 29 February is not 18 on 28 February of a common year. Inlined by the planner.
    await q.query(`
      CREATE FUNCTION central.age_on(date_of_birth date, on_date date) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT (extract(year FROM on_date) - extract(year FROM date_of_birth))::integer
            - CASE WHEN extract(month FROM on_date) * 100 + extract(day FROM on_date)
                      < extract(month FROM date_of_birth) * 100 + extract(day FROM date_of_birth)
                   THEN 1 ELSE 0 END
        $$`);

    // Home Office decisions and the decision at 18 are events on a referral (docs/domain.md, "Transition at 18"): never new cases.
    await q.query(`
      CREATE TABLE central.decisions (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        type text NOT NULL CHECK (type IN ('reasonable_grounds', 'conclusive_grounds', 'withdrawal', 'consent_to_stay')),
        outcome text,
        decided_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE type
                 WHEN 'withdrawal' THEN outcome IS NULL
                 WHEN 'consent_to_stay' THEN outcome IN ('consented', 'declined')
                 ELSE outcome IN ('positive', 'negative')
               END)
      )`);
    await q.query(`CREATE INDEX decisions_referral_idx ON central.decisions (referral_id, decided_on)`);
    await q.query(`CREATE INDEX decisions_decided_on_idx ON central.decisions (decided_on)`);
    // One reasonable-grounds and one conclusive-grounds decision per referral (reconsiderations are out of scope).
    await q.query(`CREATE UNIQUE INDEX decisions_one_per_stage_idx ON central.decisions (referral_id, type)`);

    // A board report is a snapshot: what the board was sent must stay what it was sent. A correction is the
    // next revision, never an edit.
    await q.query(`
      CREATE TABLE central.board_reports (
        id uuid PRIMARY KEY,
        audience text NOT NULL CHECK (audience IN ('safeguarding_adults_board', 'safeguarding_children_partnership', 'community_safety_partnership')),
        period_code text NOT NULL,
        period_kind text NOT NULL,
        period_label text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        revision integer NOT NULL CHECK (revision >= 1),
        supersedes uuid REFERENCES central.board_reports (id),
        data_cut_off timestamptz NOT NULL,
        generated_at timestamptz NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'on_demand')),
        requested_by text NOT NULL,
        content jsonb NOT NULL,
        content_sha256 text NOT NULL,
        changes jsonb,
        disclosure jsonb NOT NULL,
        UNIQUE (audience, period_code, revision),
        CHECK ((revision = 1) = (supersedes IS NULL))
      )`);
    await q.query(`CREATE INDEX board_reports_generated_idx ON central.board_reports (generated_at DESC)`);
    await q.query(`
      CREATE FUNCTION central.refuse_board_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'board reports are immutable snapshots: generate the next revision instead'
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER board_reports_immutable BEFORE UPDATE OR DELETE ON central.board_reports
        FOR EACH ROW EXECUTE FUNCTION central.refuse_board_report_change()`);
    await q.query(`
      CREATE TRIGGER board_reports_no_truncate BEFORE TRUNCATE ON central.board_reports
        FOR EACH STATEMENT EXECUTE FUNCTION central.refuse_board_report_change()`);

    // The statistics read a period of referrals by referral time and nothing else: with every column they group
    // by in the index, a quarter is an index-only scan of one range instead of a heap visit per referral.
    await q.query(`
      CREATE INDEX referrals_statistics_idx ON central.referrals (referred_at)
        INCLUDE (id, kind, anonymous, person_id, organisation_type, under18, under18_during_exploitation, age_disputed,
                 date_of_birth, gender, nationality, second_nationality, exploitation_types, exploitation_location,
                 exploitation_start, case_system)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.referrals_statistics_idx`);
    await q.query(`DROP TABLE central.board_reports`);
    await q.query(`DROP FUNCTION central.refuse_board_report_change()`);
    await q.query(`DROP TABLE central.decisions`);
    await q.query(`DROP FUNCTION central.age_on(date, date)`);
  }
}
