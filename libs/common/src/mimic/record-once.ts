import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { GeneratedMigration } from './feed-sequence';

/**
 * A case-system mimic's record (an AIS concern, an LCS contact) created in one statement: its register entry found or
 * made, the record written and its change-feed entry appended, by a database function. The record and its feed
 * entry used to be written in a transaction of eight round trips (a look for an existing record, BEGIN, the
 * register's insert and perhaps a read, the next id, the insert, the feed entry, COMMIT, a read back). On two busy
 * cores each round trip waits its turn for the CPU, so a mimic answered a delivery in about 110 ms at 60 a second,
 * and the router, holding a slot per delivery, fell behind. One statement is atomic without a transaction of its own,
 * and the feed's sequence is still drawn at commit (`CommitSequencedFeed`).
 *
 * The register rule stays the legacy one: one register entry per surname and date of birth, compared
 * case-insensitively (`lower` in AIS, `upper` in LCS); two records about one person arriving at once meet on the
 * register's unique index, and the loser reads the winner's entry (a statement in a function sees rows committed
 * since the function began, which one plain statement could not).
 */
export interface RecordOnceSchema {
  /** The register: `ais.persons`, its id column, the function giving the next id, how surnames compare. */
  readonly register: { table: string; id: string; nextId: string; surnameCase: 'lower' | 'upper' };
  /** The records: `ais.safeguarding_concerns`, its id column, the next-id expression, the register id column. */
  readonly record: { table: string; id: string; nextId: string; registerId: string };
  /** The change feed: its table and the columns naming the record, its version and the kind of change. */
  readonly feed: { table: string; recordId: string; version: string; change: string };
}

/** `ais.register_resolve(subject jsonb)` and `ais.record_create(record jsonb, subject jsonb, change text)`. */
export function recordOnceFunctions(spec: RecordOnceSchema): { resolve: string; create: string } {
  const schema = spec.record.table.split('.')[0];
  return { resolve: `${schema}.register_resolve`, create: `${schema}.record_create` };
}

export function recordOnceUp(spec: RecordOnceSchema): string[] {
  const { register, record, feed } = spec;
  const fn = recordOnceFunctions(spec);
  const key = `${register.surnameCase}(surname), date_of_birth`;
  return [
    `CREATE FUNCTION ${fn.resolve}(subject jsonb) RETURNS text LANGUAGE plpgsql AS $$
     DECLARE
       entry ${register.table} := jsonb_populate_record(NULL::${register.table}, subject);
       found text;
     BEGIN
       entry.${register.id} := ${register.nextId};
       entry.created_at := now();
       INSERT INTO ${register.table} SELECT (entry).*
         ON CONFLICT (${key}) WHERE surname IS NOT NULL AND date_of_birth IS NOT NULL DO NOTHING
         RETURNING ${register.id} INTO found;
       IF found IS NULL THEN
         SELECT ${register.id} INTO found FROM ${register.table}
          WHERE ${register.surnameCase}(surname) = ${register.surnameCase}(entry.surname) AND date_of_birth = entry.date_of_birth;
       END IF;
       RETURN found;
     END $$`,
    `CREATE FUNCTION ${fn.create}(record jsonb, subject jsonb, change text) RETURNS ${record.table} LANGUAGE plpgsql AS $$
     DECLARE
       created ${record.table} := jsonb_populate_record(NULL::${record.table}, record);
     BEGIN
       created.${record.id} := ${record.nextId};
       created.${record.registerId} := CASE WHEN subject IS NULL THEN NULL ELSE ${fn.resolve}(subject) END;
       created.created_at := now();
       created.updated_at := created.created_at;
       INSERT INTO ${record.table} SELECT (created).*;
       INSERT INTO ${feed.table} (${feed.recordId}, ${feed.version}, ${feed.change}) VALUES (created.${record.id}, created.version, change);
       RETURN created;
     END $$`,
  ];
}

export function recordOnceDown(spec: RecordOnceSchema): string[] {
  const fn = recordOnceFunctions(spec);
  return [`DROP FUNCTION ${fn.create}(jsonb, jsonb, text)`, `DROP FUNCTION ${fn.resolve}(jsonb)`];
}

/** A mimic's migration adding its record-once functions: a subclass names itself and its tables. */
export abstract class RecordOnceMigration extends GeneratedMigration {
  protected abstract readonly tables: RecordOnceSchema;
  protected upStatements(): string[] {
    return recordOnceUp(this.tables);
  }

  protected downStatements(): string[] {
    return recordOnceDown(this.tables);
  }
}

/** An entity's values keyed by column name, as the functions take them (`jsonb_populate_record`). */
export function columnsOf<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E>, values: Partial<E>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of dataSource.getMetadata(target).columns) {
    const value: unknown = column.getEntityValue(values);
    if (value !== undefined) row[column.databaseName] = value;
  }
  return row;
}

/** A row as the database answered it, hydrated by TypeORM's driver as a find would (dates as text, jsonb parsed). */
export function entityOf<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E>, row: Record<string, unknown>): E {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as E;
  for (const column of metadata.columns) column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  return entity;
}

/**
 * Creates a record through `record_create`: one statement, its own transaction. The row is built from the entity's
 * columns, so a table column the entity does not map would be written NULL rather than its default (the schema test
 * checks that entities and tables agree).
 */
export async function createRecord<E extends ObjectLiteral>(
  dataSource: DataSource,
  spec: RecordOnceSchema,
  target: EntityTarget<E>,
  record: Partial<E>,
  subject: Record<string, unknown> | null,
  change: string,
): Promise<E> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM ${recordOnceFunctions(spec).create}($1, $2, $3)`, [
    columnsOf(dataSource, target, record),
    subject,
    change,
  ]);
  return entityOf(dataSource, target, rows[0]);
}

/** The register entry for a subject (found or made) inside the caller's transaction. */
export async function resolveRegister(manager: EntityManager, spec: RecordOnceSchema, subject: Record<string, unknown>): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await manager.query(`SELECT ${recordOnceFunctions(spec).resolve}($1) AS id`, [subject]);
  return id;
}
