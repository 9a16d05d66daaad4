import { Client } from 'pg';
import { bearer } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { TestSystem } from '../support/processes';
import { DurableRedis } from './support/durable-redis';
import { count, notDeliveredOnce, population, postAll, readiness, referralStatuses } from './support/harness';

jest.setTimeout(240_000);

/** Redis killed while first responders post 500 referrals: nothing refused, nothing lost, nothing routed twice. */
describe('Redis outage during intake', () => {
  let db: TestDatabase;
  let redis: DurableRedis;
  let system: TestSystem;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await DurableRedis.start();
    system = await TestSystem.create(['ais', 'lcs', 'intake', 'router'], { databaseUrl: db.url, redisUrl: redis.url });
    await system.start();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await system?.stop();
    await redis?.destroy();
    await sql?.end();
    await db?.drop();
  });

  it('accepts all 500 referrals while Redis is down, says not ready meanwhile, and routes each exactly once when it returns', async () => {
    const intake = system.app('intake');
    const token = await bearer('safeguarding_lead');
    const { bodies } = population(450, 11);
    expect(bodies.length).toBeGreaterThanOrEqual(500);
    const batch = bodies.slice(0, 500);

    // Redis dies after the first 100 answers, with referrals in flight and jobs queued but not yet run.
    let killed: Promise<void> | undefined;
    const answers = await postAll(intake.url, token, batch, 8, (done) => {
      if (done === 100) killed = redis.kill();
    });
    await killed;
    const readyDuringOutage = await readiness(intake.url);

    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    const ids = answers.map((a) => a.id!);
    expect(new Set(ids).size).toBe(500);
    expect(readyDuringOutage).toBe(503);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.referrals')).toBe(500);
    // Referrals posted with Redis away wait in the outbox.
    expect(await count(sql, 'SELECT count(*) AS n FROM central.outbox WHERE sent_at IS NULL')).toBeGreaterThan(0);

    await redis.start();
    await eventually(async () => (await referralStatuses(sql)).routed === 500, 180_000, 1000);
    await eventually(async () => (await readiness(intake.url)) === 200, 20_000, 250);

    expect(await notDeliveredOnce(sql, ids)).toEqual({});
    expect(await count(sql, 'SELECT count(*) AS n FROM central.outbox WHERE sent_at IS NULL')).toBe(0);
  });
});
