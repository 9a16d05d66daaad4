import { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from '../../scripts/schemas';
import { bearer } from '../support/auth';
import { eventually } from '../support/env';
import { TestSystem } from '../support/processes';
import { DurableRedis } from './support/durable-redis';
import { notDeliveredOnce, population, Posted, postAll, readiness, referralStatuses, sleep } from './support/harness';
import { PrivatePostgres } from './support/private-postgres';
import { ifStarted } from '../support/teardown';

jest.setTimeout(300_000);

/**
 * PostgreSQL crashes (immediate stop: every connection cut) with referrals being routed and linked, and comes back
 * a few seconds later. No app is restarted: each must say it is not ready while the database is away, and carry on
 * by itself once it returns. The cluster is this test's own; the shared server is never touched.
 */
describe('PostgreSQL restarted mid-run', () => {
  let pg: PrivatePostgres;
  let redis: DurableRedis;
  let system: TestSystem;

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    pg.start();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE referral_hub');
    await admin.end();
    await migrateSchemas(validateEnvironment({ DATABASE_URL: pg.url('referral_hub') }), ALL_SCHEMAS);
    redis = await DurableRedis.start();
    system = await TestSystem.create(['ais', 'lcs', 'intake', 'router', 'deduplicator'], {
      databaseUrl: pg.url('referral_hub'),
      redisUrl: redis.url,
      env: { ROUTING_ATTEMPTS: 12, ROUTING_BACKOFF_MS: 200 },
      // Slow case systems keep deliveries in flight when PostgreSQL goes.
      perApp: { ais: { MIMIC_LATENCY_MS: 400 }, lcs: { MIMIC_LATENCY_MS: 400 } },
    });
    await system.start();
  });

  afterAll(async () => {
    await ifStarted(system)?.stop();
    await ifStarted(redis)?.destroy();
    ifStarted(pg)?.destroy();
  });

  async function withSql<T>(work: (sql: Client) => Promise<T>): Promise<T> {
    const sql = new Client({ connectionString: pg.url('referral_hub') });
    await sql.connect();
    try {
      return await work(sql);
    } finally {
      await sql.end();
    }
  }

  it('says not ready while PostgreSQL is down and recovers by itself: every accepted referral routed once and linked', async () => {
    const token = await bearer('safeguarding_lead');
    const { bodies, anonymous } = population(140, 53);
    const intake = system.app('intake');
    const before = await postAll(intake.url, token, bodies.slice(0, 80), 4);
    expect(before.filter((a) => a.status !== 201)).toEqual([]);

    // Crash PostgreSQL while the router and the deduplicator are busy with those referrals.
    const routedBeforeCrash = await withSql(async (sql) => (await referralStatuses(sql)).routed ?? 0);
    pg.stop('immediate');
    const notReady = await Promise.all(['intake', 'ais', 'lcs'].map((name) => readiness(system.app(name as 'intake').url)));
    const during: Posted[] = await postAll(intake.url, token, bodies.slice(80, 90), 2);
    await sleep(3000);
    pg.start();

    expect(routedBeforeCrash).toBeLessThan(80);
    expect(notReady).toEqual([503, 503, 503]);
    // With nowhere to write, intake accepts nothing, and says so with an error rather than hanging.
    expect(during.filter((a) => a.status === 201 || a.status === 0)).toEqual([]);
    await eventually(async () => (await readiness(intake.url)) === 200, 30_000, 250);
    const after = await postAll(intake.url, token, bodies.slice(90), 4);
    expect(after.filter((a) => a.status !== 201)).toEqual([]);
    expect([...system.apps.values()].filter((app) => !app.running).map((app) => app.name)).toEqual([]);

    const accepted = [...before, ...after].map((a) => a.id!);
    const named = [...before.map((a, i) => ({ a, i })), ...after.map((a, i) => ({ a, i: i + 90 }))].filter(({ i }) => !anonymous.has(i)).map(({ a }) => a.id!);
    await eventually(() => withSql(async (sql) => (await referralStatuses(sql)).routed === accepted.length), 180_000, 1000);
    await withSql(async (sql) => {
      expect(await referralStatuses(sql)).toEqual({ routed: accepted.length });
      expect(await notDeliveredOnce(sql, accepted)).toEqual({});
    });
    await eventually(
      () =>
        withSql(async (sql) => Number((await sql.query(`SELECT count(*) AS n FROM central.referrals WHERE person_id IS NOT NULL`)).rows[0].n) === named.length),
      120_000,
      1000,
    );
  });
});
