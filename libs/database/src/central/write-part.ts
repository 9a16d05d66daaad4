import type { DataSource, EntityManager } from 'typeorm';

/** One data-modifying SQL statement with its own $1…$n parameters. */
export interface WritePart {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Several writes as one statement (each a data-modifying WITH query): one round trip, and atomic on its own —
 * either every row lands or none does — so it needs no transaction around it. PostgreSQL runs every part to
 * completion whether or not anything reads its output, and checks foreign keys at the end of the statement, so a
 * part may insert a row that refers to another part's row.
 */
export function combineWrites(parts: readonly WritePart[]): WritePart {
  if (parts.length === 1) return parts[0];
  const params: unknown[] = [];
  const queries = parts.map((part, i) => {
    const offset = params.length;
    params.push(...part.params);
    // Parts are parameterised, so a "$n" in their SQL is always a placeholder.
    return `w${i} AS (${part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  return { sql: `WITH ${queries.join(', ')} SELECT 1`, params };
}

export async function runWrite(manager: EntityManager, part: WritePart): Promise<void> {
  await manager.query(part.sql, part.params as unknown[]);
}

/**
 * Runs one statement on the pool as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call, and the query skips TypeORM's query runner. For the hot paths only (a
 * referral's writes, the outbox relay); `name` must be unique to `text`.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  // The postgres driver's pool (pg.Pool), which TypeORM's own queries use too.
  const pool = (dataSource.driver as unknown as { master: unknown }).master as {
    query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
  };
  const { rows } = await pool.query({ name, text, values: values as unknown[] });
  return rows;
}
