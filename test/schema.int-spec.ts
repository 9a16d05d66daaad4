import { DataSource } from 'typeorm';
import { validateEnvironment } from '@app/config';
import { postgresOptions } from '@app/database';
import { ageOn } from '@app/domain';
import { ALL_SCHEMAS } from '../scripts/schemas';
import type { TestDatabase } from './support/database';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

describe('database schema', () => {
  let system: TestSystem;
  let db: TestDatabase;
  beforeAll(async () => {
    system = await startSystem({});
    ({ db } = system);
  });
  afterAll(() => ifStarted(system)?.close());

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

  it("computes central.age_on as the domain's ageOn does, 29 February and year ends included", async () => {
    const days = [
      '2000-02-29',
      '2001-02-28',
      '2001-03-01',
      '2004-02-29',
      '1999-12-31',
      '2000-01-01',
      '2010-07-15',
      '2018-07-14',
      '2018-07-15',
      '2028-02-28',
      '2028-02-29',
    ];
    const pairs = days.flatMap((born) => days.filter((on) => on >= born).map((on) => [born, on] as const));
    const { rows } = await system.sql.query<{ born: string; on: string; age: number }>(
      `SELECT p.born, p.on, central.age_on(p.born::date, p.on::date) AS age FROM unnest($1::text[], $2::text[]) AS p(born, "on")`,
      [pairs.map(([born]) => born), pairs.map(([, on]) => on)],
    );
    expect(rows.map((r) => [r.born, r.on, r.age])).toEqual(pairs.map(([born, on]) => [born, on, ageOn(born, on)]));
  });
});
