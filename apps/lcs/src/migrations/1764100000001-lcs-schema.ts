import { MigrationInterface, QueryRunner } from 'typeorm';

/** The LCS mimic: child register, contacts (with transfer to adults' services) and the feed. */
export class LcsSchema1764100000001 implements MigrationInterface {
  name = 'LcsSchema1764100000001';

  async up(q: QueryRunner): Promise<void> {
    // LCS's own identifiers: children LCS-000001, contacts plain numbers from 400001.
    await q.query(`CREATE SEQUENCE lcs.child_id_seq`);
    await q.query(`CREATE SEQUENCE lcs.contact_id_seq START 400001`);
    await q.query(`
      CREATE FUNCTION lcs.next_child_id() RETURNS text LANGUAGE sql AS $$
        SELECT 'LCS-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('lcs.child_id_seq') AS n
      $$`);

    await q.query(`
      CREATE TABLE lcs.children (
        child_id text PRIMARY KEY,
        surname text,
        forenames text,
        date_of_birth date,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'not_known')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The legacy register rule: one child per SURNAME + date of birth, exactly (surnames are held in capitals).
    await q.query(`
      CREATE UNIQUE INDEX children_register_idx ON lcs.children (upper(surname), date_of_birth)
      WHERE surname IS NOT NULL AND date_of_birth IS NOT NULL`);

    await q.query(`
      CREATE TABLE lcs.contacts (
        contact_id text PRIMARY KEY,
        child_id text REFERENCES lcs.children (child_id),
        external_reference text,
        source text NOT NULL CHECK (source IN ('INTEGRATION', 'PRACTITIONER')),
        child_name text,
        aliases text[] NOT NULL DEFAULT '{}',
        date_of_birth date,
        date_of_birth_estimated boolean NOT NULL DEFAULT false,
        age_disputed boolean NOT NULL DEFAULT false,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'not_known')),
        nationality text,
        second_nationality text,
        nhs_number text,
        contact_date date NOT NULL,
        referrer jsonb NOT NULL,
        factors text[] NOT NULL DEFAULT '{}',
        summary text,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        closure_reason text,
        closed_on date,
        transferred_to_ais_id text,
        transfer_reason text CHECK (transfer_reason IN ('age_assessment_adult', 'eighteenth_birthday')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((transferred_to_ais_id IS NULL) = (transfer_reason IS NULL))
      )`);
    // An external reference names one contact: the sending system's retries never make a second.
    await q.query(`
      CREATE UNIQUE INDEX contacts_external_reference_idx ON lcs.contacts (external_reference)
      WHERE external_reference IS NOT NULL`);
    await q.query(`CREATE INDEX contacts_child_idx ON lcs.contacts (child_id)`);

    await q.query(`
      CREATE TABLE lcs.feed (
        seq bigserial PRIMARY KEY,
        contact_id text NOT NULL REFERENCES lcs.contacts (contact_id),
        version integer NOT NULL,
        event text NOT NULL CHECK (event IN ('contact.created', 'contact.updated', 'contact.transferred')),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contact_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lcs.feed`);
    await q.query(`DROP TABLE lcs.contacts`);
    await q.query(`DROP TABLE lcs.children`);
    await q.query(`DROP FUNCTION lcs.next_child_id()`);
    await q.query(`DROP SEQUENCE lcs.contact_id_seq`);
    await q.query(`DROP SEQUENCE lcs.child_id_seq`);
  }
}
