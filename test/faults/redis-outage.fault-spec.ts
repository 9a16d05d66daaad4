import { Client } from 'pg';
import { bearer } from '../support/auth';
import { eventually } from '../support/env';
import type { TestSystem } from '../support/processes';
import type { DurableRedis } from './support/durable-redis';
import { count, notDeliveredOnce, population, postAll, readiness, referralStatuses } from './support/harness';
import { type FaultRig, startRig } from './support/rig';
import { ifStarted } from '../support/teardown';

jest.setTimeout(240_000);

/** Redis killed while first responders post 500 referrals: nothing refused, nothing lost, nothing routed twice. */
describe('Redis outage during intake', () => {
  let redis: DurableRedis;
  let system: TestSystem;
  let sql: Client;
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startRig(['ais', 'lcs', 'intake', 'router']);
    ({ redis, system, sql } = rig);
  });

  afterAll(() => ifStarted(rig)?.close());

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
