import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from '../../scripts/schemas';
import { databaseUrl, withAdmin } from './database';

/** Once per run: a template database with every migration applied, which each test file copies. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const template = `rh_tpl_${run}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${template}`));
  await migrateSchemas(validateEnvironment({ DATABASE_URL: databaseUrl(template) }), ALL_SCHEMAS);
  process.env.RH_TEST_RUN = run;
  process.env.RH_TEST_TEMPLATE = template;
}
