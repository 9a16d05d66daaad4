import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '@app/config';
import { CENTRAL_SCHEMA, postgresOptions } from '@app/database';

/** The server tests run against: TEST_DATABASE_URL, else the local trust-auth PostgreSQL. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, copied from the run's template (all migrations applied once in global
 * setup), so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.RH_TEST_TEMPLATE;
  const run = process.env.RH_TEST_RUN;
  if (!template || !run) throw new Error('integration tests need the global setup (jest --selectProjects integration)');
  const name = `rh_t_${run}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** A TypeORM data source on a test database's central schema, initialised, for repositories used without an app. */
export async function centralDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(postgresOptions(validateEnvironment({ DATABASE_URL: url }), CENTRAL_SCHEMA, 'test'));
  await ds.initialize();
  return ds;
}
