import { DataSource } from 'typeorm';
import { validateEnvironment } from '@app/config';
import { postgresOptions } from '@app/database';
import { ALL_SCHEMAS } from '../scripts/schemas';
import type { TestDatabase } from './support/database';
import { startSystem, type TestSystem } from './support/system';

describe('database schema', () => {
  let system: TestSystem;
  let db: TestDatabase;
  beforeAll(async () => {
    system = await startSystem({});
    ({ db } = system);
  });
  afterAll(() => system?.close());

  it('is built by migrations only: synchronize is off for every schema', () => {
    const env = validateEnvironment({ DATABASE_URL: db.url });
    for (const spec of ALL_SCHEMAS) {
      expect(postgresOptions(env, spec, 'test')).toMatchObject({ synchronize: false, migrationsRun: false });
    }
  });

  it('has no entity that disagrees with the migrated tables', async () => {
    for (const spec of ALL_SCHEMAS) {
      const ds = new DataSource(postgresOptions(validateEnvironment({ DATABASE_URL: db.url }), spec, 'test'));
      await ds.initialize();
      try {
        const pending = await ds.driver.createSchemaBuilder().log();
        // Constraints, defaults and indexes live in the migrations only; columns and types must agree.
        const disagreements = pending.upQueries
          .map((q) => q.query)
          .filter((sql) => /CREATE TABLE|ADD "|DROP COLUMN|TYPE |SET NOT NULL|DROP NOT NULL/.test(sql));
        expect({ schema: spec.schema, disagreements }).toEqual({ schema: spec.schema, disagreements: [] });
      } finally {
        await ds.destroy();
      }
    }
  });
});
