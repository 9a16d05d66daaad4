import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit: who read personal data, who was refused, every link, merge and unmerge decision, every board
 * report. Append-only, enforced by the database itself so that no application bug or operator can rewrite it.
 */
export class Audit1764000300000 implements MigrationInterface {
  name = 'Audit1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text NOT NULL,
        actor_role text,
        actor_org text,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'refused')),
        subject_type text,
        subject_id text,
        purpose text,
        request_id text,
        details jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_at_idx ON central.audit_events (at)`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON central.audit_events (subject_type, subject_id, at)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON central.audit_events (actor_sub, at)`);
    await q.query(`
      CREATE FUNCTION central.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'central.audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON central.audit_events
        FOR EACH ROW EXECUTE FUNCTION central.refuse_audit_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON central.audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION central.refuse_audit_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.audit_events`);
    await q.query(`DROP FUNCTION central.refuse_audit_change()`);
  }
}
