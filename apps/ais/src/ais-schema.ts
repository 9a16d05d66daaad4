import type { SchemaSpec } from '@app/database';

/** The AIS mimic's own schema. */
export const AIS_SCHEMA: SchemaSpec = {
  schema: 'ais',
  entities: [],
  migrations: [],
};
