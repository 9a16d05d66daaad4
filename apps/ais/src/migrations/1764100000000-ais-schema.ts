import { MigrationInterface, QueryRunner } from 'typeorm';

/** The AIS mimic: person register, safeguarding concerns (with transfers in from LCS) and the change feed. */
export class AisSchema1764100000000 implements MigrationInterface {
  name = 'AisSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // AIS's own identifiers: persons P0000001, concerns SC-000001. The padding widens rather than truncates.
    await q.query(`CREATE SEQUENCE ais.person_id_seq`);
    await q.query(`CREATE SEQUENCE ais.concern_id_seq`);
    await q.query(`
      CREATE FUNCTION ais.next_person_id() RETURNS text LANGUAGE sql AS $$
        SELECT 'P' || lpad(n::text, greatest(7, length(n::text)), '0') FROM nextval('ais.person_id_seq') AS n
      $$`);
    await q.query(`
      CREATE FUNCTION ais.next_concern_id() RETURNS text LANGUAGE sql AS $$
        SELECT 'SC-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('ais.concern_id_seq') AS n
      $$`);

    await q.query(`
      CREATE TABLE ais.persons (
        person_id text PRIMARY KEY,
        forename text,
        middle_names text,
        surname text,
        date_of_birth date,
        gender text NOT NULL CHECK (gender IN ('M', 'F', 'I', 'U')),
        nationality text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The legacy register rule: one person per surname + date of birth, compared exactly as a case-insensitive
    // collation would (so "Smith" is "SMITH", but "Smyth" is someone else).
    await q.query(`
      CREATE UNIQUE INDEX persons_register_idx ON ais.persons (lower(surname), date_of_birth)
      WHERE surname IS NOT NULL AND date_of_birth IS NOT NULL`);

    await q.query(`
      CREATE TABLE ais.safeguarding_concerns (
        concern_id text PRIMARY KEY,
        person_id text REFERENCES ais.persons (person_id),
        client_reference text,
        source text NOT NULL CHECK (source IN ('ReferralHub', 'Practitioner')),
        category text NOT NULL,
        referral_type text CHECK (referral_type IN ('NRM', 'DutyToNotify')),
        status text NOT NULL CHECK (status IN ('Open', 'Closed')),
        forename text,
        middle_names text,
        surname text,
        known_as text[] NOT NULL DEFAULT '{}',
        date_of_birth date,
        date_of_birth_estimated boolean NOT NULL DEFAULT false,
        gender text NOT NULL CHECK (gender IN ('M', 'F', 'I', 'U')),
        nationality text,
        second_nationality text,
        nhs_number text,
        concern_date date NOT NULL,
        reported_by jsonb NOT NULL,
        risk_types text[] NOT NULL DEFAULT '{}',
        location_of_risk text,
        consent_to_nrm boolean,
        summary text,
        transferred_from_lcs_id text,
        transfer_reason text CHECK (transfer_reason IN ('AgeAssessment', 'EighteenthBirthday')),
        transfer_effective_date date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((transferred_from_lcs_id IS NULL) = (transfer_reason IS NULL))
      )`);
    // A client reference names one delivered concern (exactly-once delivery); a transfer is unique per LCS
    // record instead, and may carry the same referral id as the child's original delivery to LCS.
    await q.query(`
      CREATE UNIQUE INDEX concerns_client_reference_idx ON ais.safeguarding_concerns (client_reference)
      WHERE client_reference IS NOT NULL AND transferred_from_lcs_id IS NULL`);
    await q.query(`
      CREATE UNIQUE INDEX concerns_transfer_idx ON ais.safeguarding_concerns (transferred_from_lcs_id)
      WHERE transferred_from_lcs_id IS NOT NULL`);
    await q.query(`CREATE INDEX concerns_person_idx ON ais.safeguarding_concerns (person_id)`);

    await q.query(`
      CREATE TABLE ais.change_feed (
        sequence bigserial PRIMARY KEY,
        concern_id text NOT NULL REFERENCES ais.safeguarding_concerns (concern_id),
        concern_version integer NOT NULL,
        change_type text NOT NULL CHECK (change_type IN ('Created', 'Updated', 'TransferIn')),
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (concern_id, concern_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ais.change_feed`);
    await q.query(`DROP TABLE ais.safeguarding_concerns`);
    await q.query(`DROP TABLE ais.persons`);
    await q.query(`DROP FUNCTION ais.next_concern_id()`);
    await q.query(`DROP FUNCTION ais.next_person_id()`);
    await q.query(`DROP SEQUENCE ais.concern_id_seq`);
    await q.query(`DROP SEQUENCE ais.person_id_seq`);
  }
}
