import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person index: every case-system record belongs to exactly one person; links carry the engine's
 * explanation and who decided them; history records every change; reviewers' decisions are locked.
 */
export class PersonIndex1764000100000 implements MigrationInterface {
  name = 'PersonIndex1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.persons (
        id uuid PRIMARY KEY,
        merged_into uuid REFERENCES central.persons (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX persons_merged_into_idx ON central.persons (merged_into) WHERE merged_into IS NOT NULL`);

    // A restricted copy of each record as the engine reads it (normalised from the vendor's format), so the
    // deduplicator can rebuild its in-memory index without calling every case system at start.
    await q.query(`
      CREATE TABLE central.case_records (
        system text NOT NULL CHECK (system IN ('AIS', 'LCS')),
        record_id text NOT NULL,
        version integer NOT NULL,
        referral_id uuid,
        anonymous boolean NOT NULL,
        record jsonb NOT NULL,
        fetched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system, record_id)
      )`);
    await q.query(`CREATE INDEX case_records_referral_idx ON central.case_records (referral_id) WHERE referral_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE central.record_links (
        system text NOT NULL,
        record_id text NOT NULL,
        person_id uuid NOT NULL REFERENCES central.persons (id),
        match_status text NOT NULL CHECK (match_status IN ('MATCH', 'POSSIBLE_MATCH', 'NO_MATCH')),
        probability double precision,
        decided_by text NOT NULL CHECK (decided_by IN ('engine', 'reviewer', 'transfer', 'anonymous')),
        locked boolean NOT NULL DEFAULT false,
        explanation jsonb,
        record_version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system, record_id),
        FOREIGN KEY (system, record_id) REFERENCES central.case_records (system, record_id)
      )`);
    await q.query(`CREATE INDEX record_links_person_idx ON central.record_links (person_id)`);

    await q.query(`
      CREATE TABLE central.link_history (
        id bigserial PRIMARY KEY,
        system text NOT NULL,
        record_id text NOT NULL,
        action text NOT NULL,
        person_before uuid,
        person_after uuid,
        actor text NOT NULL,
        reason text,
        probability double precision,
        explanation jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX link_history_record_idx ON central.link_history (system, record_id, at)`);
    await q.query(`CREATE INDEX link_history_person_idx ON central.link_history (person_after, at)`);

    await q.query(`
      CREATE TABLE central.review_items (
        id uuid PRIMARY KEY,
        system text NOT NULL,
        record_id text NOT NULL,
        candidate_person_id uuid NOT NULL REFERENCES central.persons (id),
        reason text NOT NULL,
        probability double precision NOT NULL,
        explanation jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'decided', 'superseded')),
        decision text CHECK (decision IN ('match', 'not_a_match')),
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX review_items_open_idx ON central.review_items (system, record_id, candidate_person_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX review_items_status_idx ON central.review_items (status, created_at)`);

    // "Not the same person", as a reviewer said: no later automatic run may link the two again.
    await q.query(`
      CREATE TABLE central.non_matches (
        system text NOT NULL,
        record_id text NOT NULL,
        person_id uuid NOT NULL REFERENCES central.persons (id),
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system, record_id, person_id)
      )`);

    await q.query(`
      CREATE TABLE central.feed_cursors (
        system text PRIMARY KEY,
        cursor text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['feed_cursors', 'non_matches', 'review_items', 'link_history', 'record_links', 'case_records', 'persons']) {
      await q.query(`DROP TABLE central.${t}`);
    }
  }
}
