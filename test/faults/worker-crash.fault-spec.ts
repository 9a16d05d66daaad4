import { Client } from 'pg';
import { bearer } from '../support/auth';
import { eventually } from '../support/env';
import type { TestSystem } from '../support/processes';
import { count, notDeliveredOnce, population, postAll, sleep } from './support/harness';
import { type FaultRig, startRig } from './support/rig';
import { ifStarted } from '../support/teardown';

jest.setTimeout(300_000);

/**
 * The router and the deduplicator killed with SIGKILL in the middle of their work (jobs active, deliveries and
 * linking transactions in flight) and started again, twice each: every referral arrives once, every record is
 * linked once, every person referred twice is one person.
 */
describe('workers killed mid-run', () => {
  let system: TestSystem;
  let sql: Client;
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startRig(['ais', 'lcs', 'intake', 'router', 'deduplicator'], {
      env: { ROUTING_BACKOFF_MS: 200, FEED_POLL_MS: 100 },
      // Slow enough that deliveries are in flight whenever a worker is killed.
      perApp: { ais: { MIMIC_LATENCY_MS: 40 }, lcs: { MIMIC_LATENCY_MS: 40 } },
    });
    ({ system, sql } = rig);
  });

  afterAll(() => ifStarted(rig)?.close());

  const routed = () => count(sql, `SELECT count(*) AS n FROM central.referrals WHERE status = 'routed'`);
  const links = () => count(sql, 'SELECT count(*) AS n FROM central.record_links');

  it('loses no referral, delivers none twice and links every record once', async () => {
    const token = await bearer('safeguarding_lead');
    const { bodies, people, anonymous } = population(260, 23);
    const router = system.app('router');
    const deduplicator = system.app('deduplicator');

    const posting = postAll(system.app('intake').url, token, bodies, 4);
    const kills: string[] = [];
    for (const round of [1, 2]) {
      await eventually(async () => (await routed()) >= round * 60, 120_000, 50);
      const exit = await router.kill();
      kills.push(`router:${String(exit.signal)}`);
      await eventually(async () => (await links()) >= round * 40, 120_000, 50);
      kills.push(`deduplicator:${String((await deduplicator.kill()).signal)}`);
      await sleep(500);
      await router.start();
      await deduplicator.start();
    }
    const answers = await posting;
    expect(kills).toEqual(['router:SIGKILL', 'deduplicator:SIGKILL', 'router:SIGKILL', 'deduplicator:SIGKILL']);
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const ids = answers.map((a) => a.id!);

    // Jobs the killed workers held come back when their locks expire (BullMQ's stalled-job check).
    await eventually(async () => (await routed()) === bodies.length, 180_000, 1000);
    const named = ids.filter((_, i) => !anonymous.has(i));
    await eventually(async () => (await count(sql, 'SELECT count(*) AS n FROM central.referrals WHERE person_id IS NOT NULL')) === named.length, 180_000, 1000);

    expect(await notDeliveredOnce(sql, ids)).toEqual({});
    // One link per non-anonymous case record, none for anonymous notifications.
    expect(await count(sql, 'SELECT count(*) AS n FROM central.record_links')).toBe(named.length);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.case_records WHERE NOT anonymous')).toBe(named.length);
    expect(
      await count(
        sql,
        `SELECT count(*) AS n FROM central.referrals r LEFT JOIN central.record_links l ON l.system = r.case_system AND l.record_id = r.case_record_id WHERE NOT r.anonymous AND l.person_id IS DISTINCT FROM r.person_id`,
      ),
    ).toBe(0);
    // A linking transaction cut short leaves no person behind; each person referred twice is one person.
    expect(
      await count(
        sql,
        'SELECT count(*) AS n FROM central.persons p WHERE merged_into IS NULL AND NOT EXISTS (SELECT 1 FROM central.record_links l WHERE l.person_id = p.id)',
      ),
    ).toBe(0);
    const personOf = new Map(
      (await sql.query<{ id: string; person_id: string }>('SELECT id, person_id FROM central.referrals')).rows.map((r) => [r.id, r.person_id]),
    );
    const persons = people.map((indexes) => new Set(indexes.map((i) => personOf.get(ids[i]))));
    expect(persons.filter((s) => s.size !== 1)).toEqual([]);
    expect(new Set(persons.map((s) => [...s][0])).size).toBe(people.length);
  });
});
