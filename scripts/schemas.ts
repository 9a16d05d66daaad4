import { CENTRAL_SCHEMA, type SchemaSpec } from '@app/database';
import { AIS_SCHEMA } from '../apps/ais/src/ais-schema';
import { LCS_SCHEMA } from '../apps/lcs/src/lcs-schema';

/** Every schema of the system, in the order migrations apply: the central store, then each case system's own. */
export const ALL_SCHEMAS: SchemaSpec[] = [CENTRAL_SCHEMA, AIS_SCHEMA, LCS_SCHEMA];
