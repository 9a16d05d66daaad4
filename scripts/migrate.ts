import 'reflect-metadata';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from './schemas';

/** `npm run migrate`: applies every schema's pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const applied = await migrateSchemas(env, ALL_SCHEMAS);
  console.log(applied.length ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'schema up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
