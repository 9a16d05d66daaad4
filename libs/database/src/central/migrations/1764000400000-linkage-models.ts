import { MigrationInterface, QueryRunner } from 'typeorm';

/** The linkage model (m and u probabilities, term frequencies) the deduplicator learned from the records it holds. */
export class LinkageModels1764000400000 implements MigrationInterface {
  name = 'LinkageModels1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.linkage_models (
        id bigserial PRIMARY KEY,
        trained_at timestamptz NOT NULL DEFAULT now(),
        record_count integer NOT NULL,
        model jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.linkage_models`);
  }
}
