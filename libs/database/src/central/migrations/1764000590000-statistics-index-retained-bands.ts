import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read the age bands an anonymised referral keeps (Retention1764000500000) beside the rest of a
 * referral's statistics columns. An index-only scan needs every column it reads in the index, so the covering
 * index of Insights1764000200000 is rebuilt to include them; without them a quarter's statistics visit a heap page
 * per referral.
 *
 * TypeORM orders migrations by the timestamp at the end of `name` and records `name` in central.migrations, so the
 * class keeps 1764000590000 (after Retention1764000500000, whose columns it covers) and is never renamed: a new
 * name would run it again on every database that has it. The file was once named 1764000200000-…; only the file
 * name changed, which TypeORM never sees.
 */
export class StatisticsIndexRetainedBands1764000590000 implements MigrationInterface {
  name = 'StatisticsIndexRetainedBands1764000590000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.referrals_statistics_idx`);
    await q.query(`
      CREATE INDEX referrals_statistics_idx ON central.referrals (referred_at)
        INCLUDE (id, kind, anonymous, person_id, organisation_type, under18, under18_during_exploitation, age_disputed,
                 date_of_birth, gender, nationality, second_nationality, exploitation_types, exploitation_location,
                 exploitation_start, case_system, retained_age_now_band, retained_age_start_band)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.referrals_statistics_idx`);
    await q.query(`
      CREATE INDEX referrals_statistics_idx ON central.referrals (referred_at)
        INCLUDE (id, kind, anonymous, person_id, organisation_type, under18, under18_during_exploitation, age_disputed,
                 date_of_birth, gender, nationality, second_nationality, exploitation_types, exploitation_location,
                 exploitation_start, case_system)`);
  }
}
