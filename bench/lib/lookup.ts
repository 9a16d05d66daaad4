import type { Client } from 'pg';

/** `map`'s value for a key the benchmark itself put there (every generated record has its true person); a miss is a bug here. */
export function known<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`nothing is held under ${String(key)}`);
  return value;
}

/** The number a `SELECT count(*) AS n …` query answers (PostgreSQL's bigint count arrives as text). */
export async function countOf(sql: Client, text: string, values: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(text, values);
  return Number(rows[0].n);
}
