import { Client } from 'pg';
import { bearer } from '../support/auth';
import { eventually } from '../support/env';
import type { TestSystem } from '../support/processes';
import { count, metricValue, notDeliveredOnce, population, postAll, referralStatuses } from './support/harness';
import { type FaultRig, startRig } from './support/rig';
import { ifStarted } from '../support/teardown';

jest.setTimeout(300_000);

/**
 * Both case systems answer every call after 2 s and refuse half of them (503). The router's timeout must outlast
 * the 2 s (CASE_SYSTEM_TIMEOUT_MS 5 s), and its attempts must outlast a run of refusals: at 50 % one of 40
 * referrals needs more than 24 attempts about once in 400,000 runs. The backoff is 1 ms (doubling) so that the
 * rare referral needing 12 attempts still arrives within the test's time; production keeps its seconds.
 */
describe('case systems slow and failing half their calls', () => {
  let system: TestSystem;
  let sql: Client;
  let rig: FaultRig;

  beforeAll(async () => {
    const faulty = { MIMIC_LATENCY_MS: 2000, MIMIC_FAILURE_RATE: 0.5 };
    rig = await startRig(['ais', 'lcs', 'intake', 'router'], {
      env: { CASE_SYSTEM_TIMEOUT_MS: 5000, ROUTING_ATTEMPTS: 25, ROUTING_BACKOFF_MS: 1, ROUTER_CONCURRENCY: 16 },
      perApp: { ais: faulty, lcs: faulty },
    });
    ({ system, sql } = rig);
  });

  afterAll(() => ifStarted(rig)?.close());

  it('delivers every referral exactly once', async () => {
    const token = await bearer('safeguarding_lead');
    const bodies = population(40, 37).bodies.slice(0, 40);
    const answers = await postAll(system.app('intake').url, token, bodies, 8);
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const ids = answers.map((a) => a.id!);

    await eventually(async () => (await referralStatuses(sql)).routed === ids.length, 240_000, 1000);
    expect(await referralStatuses(sql)).toEqual({ routed: ids.length });
    expect(await notDeliveredOnce(sql, ids)).toEqual({});
    // The faults were real: some referrals needed more than one attempt.
    expect(await count(sql, `SELECT count(*) AS n FROM central.referrals WHERE routing_attempts > 1`)).toBeGreaterThan(0);
  });

  it("counts the retries and the deliveries in the router's metrics, and request latency by route template in intake's", async () => {
    const retried = await count(sql, `SELECT coalesce(sum(routing_attempts - 1), 0) AS n FROM central.referrals`);
    const router = await (await fetch(`${system.app('router').url}/metrics`)).text();
    expect(metricValue(router, 'rh_routing_retries_total')).toBe(retried);
    expect(metricValue(router, 'rh_routing_deliveries_total', { outcome: 'routed' })).toBe(40);
    expect(metricValue(router, 'rh_queue_jobs_completed_total', { queue: 'routing', job: 'deliver' })).toBe(40);
    expect(metricValue(router, 'rh_queue_up', { queue: 'routing' })).toBe(1);
    expect(metricValue(router, 'rh_queue_jobs', { queue: 'routing', state: 'failed' })).toBe(0);

    // An HTTP app's /metrics is for the admin (or service) role only.
    expect((await fetch(`${system.app('intake').url}/metrics`)).status).toBe(401);
    const intake = await (await fetch(`${system.app('intake').url}/metrics`, { headers: { authorization: await bearer('admin') } })).text();
    expect(metricValue(intake, 'rh_http_request_duration_seconds_count', { route: '/v1/referrals', method: 'POST', status_code: '201' })).toBe(40);
    // Route templates only: no referral id ever becomes a label.
    expect(intake).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
