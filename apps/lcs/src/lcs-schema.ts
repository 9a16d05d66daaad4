import type { SchemaSpec } from '@app/database';

/** The LCS mimic's own schema. */
export const LCS_SCHEMA: SchemaSpec = {
  schema: 'lcs',
  entities: [],
  migrations: [],
};
