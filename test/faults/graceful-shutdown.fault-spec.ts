import { Client } from 'pg';
import { bearer } from '../support/auth';
import type { TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import type { TestSystem } from '../support/processes';
import { aReferral } from '../support/fixtures';
import { count, metricValue, postOne, sleep } from './support/harness';
import { type FaultRig, startRig } from './support/rig';
import { ifStarted } from '../support/teardown';

jest.setTimeout(180_000);

/** SIGTERM (an orchestrator scaling down or rolling out) lets in-flight requests and jobs finish before exit. */
describe('graceful shutdown on SIGTERM', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let sql: Client;
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startRig(['ais', 'lcs', 'intake', 'router'], {
      // Every call to AIS takes 3 s: a delivery is surely in flight when the router is told to stop.
      perApp: { ais: { MIMIC_LATENCY_MS: 3000 } },
    });
    ({ db, system, sql } = rig);
  });

  afterAll(() => ifStarted(rig)?.close());

  it('intake answers a request in flight with 201, writes it whole, and only then exits', async () => {
    const intake = system.app('intake');
    const token = await bearer('safeguarding_lead');
    // Hold the referrals table so the next POST waits inside its transaction.
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE central.referrals IN EXCLUSIVE MODE');
    const inFlight = postOne(intake.url, token, aReferral(), 60_000);
    await eventually(
      async () => (await count(sql, `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [db.name])) > 0,
      10_000,
    );

    const exit = intake.signal('SIGTERM');
    await sleep(1000);
    const stillRunning = intake.running;
    await blocker.query('COMMIT');
    await blocker.end();

    const answer = await inFlight;
    const ended = await exit;
    expect(stillRunning).toBe(true);
    expect(answer.status).toBe(201);
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.referrals WHERE id = $1', [answer.id])).toBe(1);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.outbox WHERE aggregate_id = $1', [answer.id])).toBe(1);
    await intake.start();
  });

  it('router finishes a delivery in flight, records it once, and only then exits', async () => {
    const router = system.app('router');
    // The previous scenario's referral is delivered first, so that the one active job below is this one's.
    await eventually(async () => (await count(sql, `SELECT count(*) AS n FROM central.referrals WHERE status <> 'routed'`)) === 0, 30_000);
    const posted = await postOne(system.app('intake').url, await bearer('safeguarding_lead'), aReferral());
    expect(posted.status).toBe(201);
    // The job is active: the router is inside its 3 s call to AIS.
    await eventually(
      async () => metricValue(await (await fetch(`${router.url}/metrics`)).text(), 'rh_queue_jobs', { queue: 'routing', state: 'active' }) === 1,
      10_000,
    );

    const ended = await router.signal('SIGTERM', 30_000);
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    // Nothing runs the job after the router exited: the delivery finished and was recorded before the exit.
    expect(await count(sql, `SELECT count(*) AS n FROM central.referrals WHERE id = $1 AND status = 'routed'`, [posted.id])).toBe(1);
    expect(await count(sql, 'SELECT count(*) AS n FROM ais.safeguarding_concerns WHERE client_reference = $1', [posted.id])).toBe(1);
  });
});
