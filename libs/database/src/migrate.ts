import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Environment } from '@app/config';
import { postgresOptions, SchemaSpec } from './postgres-options';

type Settings = Pick<Environment, 'DATABASE_URL' | 'DATABASE_SSL' | 'DATABASE_SSL_REJECT_UNAUTHORIZED' | 'DATABASE_POOL_SIZE'>;

/**
 * Applies pending migrations of each schema. An advisory lock serialises concurrent runners (several replicas
 * starting at once), and the schema is created first so its migrations table has somewhere to live.
 */
export async function migrateSchemas(settings: Settings, specs: SchemaSpec[]): Promise<string[]> {
  const lockClient = new Client({
    connectionString: settings.DATABASE_URL,
    ssl: settings.DATABASE_SSL ? { rejectUnauthorized: settings.DATABASE_SSL_REJECT_UNAUTHORIZED } : undefined,
  });
  await lockClient.connect();
  const applied: string[] = [];
  try {
    await lockClient.query(`SELECT pg_advisory_lock(hashtext('referral-hub:migrations'))`);
    for (const spec of specs) {
      await lockClient.query(`CREATE SCHEMA IF NOT EXISTS "${spec.schema}"`);
      const dataSource = new DataSource({ ...postgresOptions(settings, spec, `migrate-${spec.schema}`), entities: [] });
      await dataSource.initialize();
      try {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        applied.push(...ran.map((m) => `${spec.schema}/${m.name}`));
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await lockClient.query(`SELECT pg_advisory_unlock(hashtext('referral-hub:migrations'))`).catch(() => undefined);
    await lockClient.end();
  }
  return applied;
}
