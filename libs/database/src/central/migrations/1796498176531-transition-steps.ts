import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Turning 18 as recorded decisions (docs/transitions.md): the steps the lead records on a child's referral, the
 * daily reminder's flags, and transitions that a decision starts (adult services accepted, an adult safeguarding
 * concern, an age assessment finding a child), one of which may leave children's services' record open.
 */
export class TransitionSteps1796498176531 implements MigrationInterface {
  name = 'TransitionSteps1796498176531';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.transition_steps (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        step text NOT NULL CHECK (step IN ('transition_assessment_requested', 'transition_assessment_decided', 'care_leaver',
          'not_care_leaver', 'adult_services_accepted', 'adult_services_declined', 'adult_safeguarding_concern')),
        step_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX transition_steps_referral_idx ON central.transition_steps (referral_id, step_on)`);
    await q.query(`CREATE INDEX transition_steps_step_on_idx ON central.transition_steps (step_on)`);

    // The daily reminder: a birthday passed with nothing recorded is flagged once, on the day it was first seen.
    await q.query(`
      CREATE TABLE central.adulthood_reminders (
        referral_id uuid PRIMARY KEY REFERENCES central.referrals (id),
        eighteenth_birthday date NOT NULL,
        flagged_on date NOT NULL,
        flagged_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`ALTER TABLE central.transitions DROP CONSTRAINT transitions_reason_check`);
    await q.query(`
      ALTER TABLE central.transitions ADD CONSTRAINT transitions_reason_check CHECK (reason IN (
        'age_assessment_adult', 'eighteenth_birthday', 'adult_services_accepted', 'adult_safeguarding_concern', 'age_assessment_child'))`);
    // Children's services keep a duty (a care leaver): the adult record opens and the child's stays open.
    await q.query(`ALTER TABLE central.transitions ADD COLUMN keeps_source_open boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX transitions_effective_on_idx ON central.transitions (effective_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.transitions_effective_on_idx`);
    await q.query(`ALTER TABLE central.transitions DROP COLUMN keeps_source_open`);
    await q.query(`ALTER TABLE central.transitions DROP CONSTRAINT transitions_reason_check`);
    await q.query(`ALTER TABLE central.transitions ADD CONSTRAINT transitions_reason_check CHECK (reason IN ('age_assessment_adult', 'eighteenth_birthday'))`);
    await q.query(`DROP TABLE central.adulthood_reminders`);
    await q.query(`DROP TABLE central.transition_steps`);
  }
}
