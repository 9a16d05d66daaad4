import { Client } from 'pg';
import { enterDirectly, type RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/**
 * The deduplicator reads each mimic's feed as "changes after the last one seen", so a change must never become
 * visible with a number below one a reader has already seen. The numbers are drawn at commit, under the writers'
 * lock, so a writer holds no lock while its app works and numbers still follow commit order.
 */
describe.each([
  {
    system: 'AIS' as const,
    feed: 'ais.change_feed',
    seq: 'sequence',
    record: 'concern_id',
    version: 'concern_version',
    columns: 'change_type',
    value: 'Updated',
  },
  { system: 'LCS' as const, feed: 'lcs.feed', seq: 'seq', record: 'contact_id', version: 'version', columns: 'event', value: 'contact.updated' },
])('$system feed numbers', ({ system: name, feed, seq, record, version, columns, value }) => {
  let system: TestSystem;
  let mimic: RunningMimic;
  let first: Client;
  let second: Client;

  beforeAll(async () => {
    system = await startSystem(name === 'AIS' ? { ais: true } : { lcs: true });
    mimic = (name === 'AIS' ? system.ais : system.lcs)!;
    first = new Client({ connectionString: system.db.url });
    second = new Client({ connectionString: system.db.url });
    await first.connect();
    await second.connect();
  });

  afterAll(async () => {
    await ifStarted(first)?.end();
    await ifStarted(second)?.end();
    await ifStarted(system)?.close();
  });

  const append = (c: Client, id: string, v: number) => c.query(`INSERT INTO ${feed} (${record}, ${version}, ${columns}) VALUES ($1, $2, $3)`, [id, v, value]);
  const numberOf = async (id: string, v: number) =>
    Number((await system.sql.query(`SELECT ${seq} AS n FROM ${feed} WHERE ${record} = $1 AND ${version} = $2`, [id, v])).rows[0].n);
  const after = async (n: number) =>
    (await system.sql.query(`SELECT ${record} AS id FROM ${feed} WHERE ${seq} > $1 ORDER BY ${seq}`, [n])).rows.map((r) => r.id as string);

  it('follow commit order, and a writer that has not committed holds up no other', async () => {
    const early = await enterDirectly(mimic, { subject: { firstName: 'Ardit', lastName: 'Hoxha', dateOfBirth: '1990-02-03', sex: 'male' } });
    const late = await enterDirectly(mimic, { subject: { firstName: 'Besa', lastName: 'Krasniqi', dateOfBirth: '1991-04-05', sex: 'female' } });
    const seen = await numberOf(late, 1);

    // The first writer appends and has not committed; the second appends and commits meanwhile (with the lock
    // taken when a change was written, it would wait here for the first).
    await first.query('BEGIN');
    await append(first, early, 2);
    await second.query('BEGIN');
    await append(second, late, 2);
    await second.query('COMMIT');
    expect(await after(seen)).toEqual([late]);

    await first.query('COMMIT');
    // Committed last, numbered last: a reader that had already seen the second writer's change still finds it.
    expect(await numberOf(early, 2)).toBeGreaterThan(await numberOf(late, 2));
    expect(await after(await numberOf(late, 2))).toEqual([early]);
    // No provisional number is ever committed.
    expect(Number((await system.sql.query(`SELECT count(*) AS n FROM ${feed} WHERE ${seq} <= 0`)).rows[0].n)).toBe(0);
  });

  it('numbers a transaction of several changes in the order it wrote them', async () => {
    const id = await enterDirectly(mimic, { subject: { firstName: 'Drita', lastName: 'Gashi', dateOfBirth: '1992-06-07', sex: 'female' } });
    await first.query('BEGIN');
    await append(first, id, 2);
    await append(first, id, 3);
    await first.query('COMMIT');
    expect(await numberOf(id, 3)).toBe((await numberOf(id, 2)) + 1);
  });
});
