import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people and places around the potential victim, as the Home Office form asks after referral: whether they want
 * support, their children, where they are now, and why an adult declined the NRM. A "yes" to children on an adult
 * referral raises a prompt to contact children's services, which the lead closes with a note.
 */
export class Circumstances1796480140319 implements MigrationInterface {
  name = 'Circumstances1796480140319';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.referral_circumstances (
        referral_id uuid PRIMARY KEY REFERENCES central.referrals (id),
        wants_support text CHECK (wants_support IN ('yes', 'no', 'not_known')),
        has_children text CHECK (has_children IN ('yes', 'no', 'not_known')),
        children_count integer CHECK (children_count BETWEEN 1 AND 30),
        children_where text CHECK (length(children_where) <= 500),
        current_town text CHECK (length(current_town) <= 100),
        current_local_authority text CHECK (length(current_local_authority) <= 100),
        declined_nrm_reason text CHECK (length(declined_nrm_reason) <= 1000),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (children_count IS NULL OR has_children = 'yes')
      )`);
    await q.query(`
      CREATE TABLE central.children_prompts (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        raised_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_by text,
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        CHECK ((closed_at IS NULL) = (note IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL))
      )`);
    // One open prompt per referral: answering "yes" again does not raise a second.
    await q.query(`CREATE UNIQUE INDEX children_prompts_one_open_idx ON central.children_prompts (referral_id) WHERE closed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.children_prompts`);
    await q.query(`DROP TABLE central.referral_circumstances`);
  }
}
