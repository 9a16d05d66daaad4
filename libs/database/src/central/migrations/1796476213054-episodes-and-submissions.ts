import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counting every modern-slavery record once: referrals a practitioner recorded directly in AIS or LCS (the hub's
 * own deliveries are the hub referral's episode, never rows here), the episode each one joined and why, and the
 * submission of a hub referral to the Home Office.
 */
export class EpisodesAndSubmissions1796476213054 implements MigrationInterface {
  name = 'EpisodesAndSubmissions1796476213054';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.home_office_submissions (
        referral_id uuid PRIMARY KEY REFERENCES central.referrals (id),
        submitted_at timestamptz NOT NULL,
        reference text NOT NULL,
        reference_key text NOT NULL,
        competent_authority text NOT NULL CHECK (competent_authority IN ('SCA', 'IECA')),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX home_office_submissions_reference_idx ON central.home_office_submissions (reference_key)`);

    // Only what the statistics count by: age as bands, never a date of birth; no name, no narrative.
    await q.query(`
      CREATE TABLE central.direct_referrals (
        system text NOT NULL CHECK (system IN ('AIS', 'LCS')),
        record_id text NOT NULL,
        record_version integer NOT NULL,
        referred_on date NOT NULL,
        kind text CHECK (kind IN ('nrm', 'dtn')),
        nrm_reference text,
        reference_key text,
        anonymous boolean NOT NULL,
        under18 text NOT NULL CHECK (under18 IN ('yes', 'no')),
        age_disputed boolean NOT NULL,
        age_now_band text CHECK (age_now_band IN ('child', 'adult')),
        gender text,
        nationality text NOT NULL,
        second_nationality text,
        exploitation_types text[] NOT NULL,
        exploitation_location text,
        organisation_type text NOT NULL,
        case_system text NOT NULL CHECK (case_system IN ('AIS', 'LCS')),
        joined_referral_id uuid REFERENCES central.referrals (id),
        joined_system text,
        joined_record_id text,
        join_rule text CHECK (join_rule IN ('same_reference', 'window', 'lead')),
        join_reason text,
        lead_decision text CHECK (lead_decision IN ('split', 'join')),
        lead_decided_by text,
        lead_decided_at timestamptz,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system, record_id),
        FOREIGN KEY (system, record_id) REFERENCES central.case_records (system, record_id),
        FOREIGN KEY (joined_system, joined_record_id) REFERENCES central.direct_referrals (system, record_id),
        CHECK (num_nonnulls(joined_referral_id, joined_record_id) <= 1),
        CHECK ((joined_record_id IS NULL) = (joined_system IS NULL)),
        CHECK ((join_rule IS NULL) = (joined_referral_id IS NULL AND joined_record_id IS NULL))
      )`);
    await q.query(`CREATE INDEX direct_referrals_referred_on_idx ON central.direct_referrals (referred_on)`);
    await q.query(`CREATE INDEX direct_referrals_reference_idx ON central.direct_referrals (reference_key) WHERE reference_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.direct_referrals`);
    await q.query(`DROP TABLE central.home_office_submissions`);
  }
}
