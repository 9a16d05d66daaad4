import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { Environment } from '@app/config';

export interface SchemaSpec {
  /** The PostgreSQL schema this app owns: central, ais or lcs. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

type DatabaseSettings = Pick<Environment, 'DATABASE_URL' | 'DATABASE_SSL' | 'DATABASE_SSL_REJECT_UNAUTHORIZED' | 'DATABASE_POOL_SIZE'>;

/**
 * TypeORM options for one app's schema. The schema is changed only by migrations: synchronize is off
 * everywhere, tests included (docs/conventions.md, 8), and each schema keeps its own migrations table.
 */
export function postgresOptions(settings: DatabaseSettings, spec: SchemaSpec, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.DATABASE_URL,
    schema: spec.schema,
    entities: spec.entities,
    migrations: spec.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName,
    ssl: settings.DATABASE_SSL ? { rejectUnauthorized: settings.DATABASE_SSL_REJECT_UNAUTHORIZED } : false,
    extra: { max: settings.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
  };
}
