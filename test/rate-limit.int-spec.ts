import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import Redis from 'ioredis';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { startSystem, type TestSystem } from './support/system';
import { csrfOf, cookieHeader } from './support/web';
import { ifStarted } from './support/teardown';

/**
 * One limit per signed-in principal and one per client address for everything anonymous, on the API and the pages
 * alike, with counters in Redis. Tests run in order: the anonymous flood comes last, as it uses up this address.
 */
describe('AppThrottlerGuard', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let prefix: string;

  beforeAll(async () => {
    system = await startSystem({ env: { THROTTLE_LIMIT: 3, THROTTLE_ANONYMOUS_LIMIT: 8, THROTTLE_TTL_MS: 60_000 }, intake: true });
    ({ intake: app, sql, prefix } = system as Required<TestSystem>);
  });

  afterAll(() => ifStarted(system)?.close());

  it('answers 429 once a principal passes the limit, counting each principal apart, in Redis', async () => {
    const busy = await bearer('safeguarding_lead', undefined, 'busy-caller');
    const other = await bearer('safeguarding_lead', undefined, 'other-caller');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', busy)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', other).expect(200);
    // One count per principal across routes: another route is refused too.
    await request(app.getHttpServer()).get('/v1/reviews').set('Authorization', busy).expect(429);
  });

  it('does not limit health checks or static assets', async () => {
    for (let i = 0; i < 6; i += 1) await request(app.getHttpServer()).get('/health/live').expect(200);
    for (let i = 0; i < 6; i += 1) await request(app.getHttpServer()).get('/assets/govuk-frontend.min.css').expect(200);
  });

  it('shows the sign-in form without storing a session, and a sign-in with its cookie token works', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const before = await redis.keys(`${prefix}:session:*`);
      const agent = request.agent(app.getHttpServer());
      const page = await agent.get('/sign-in').expect(200);
      expect(cookieHeader(page)).not.toMatch(/rh\.sid=/);
      expect(await redis.keys(`${prefix}:session:*`)).toEqual(before);
      // The form's token without its cookie is refused (a forged sign-in from another site).
      await request(app.getHttpServer())
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), role: 'safeguarding_lead' })
        .expect(403);
      await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), role: 'safeguarding_lead' })
        .expect(303);
      expect((await redis.keys(`${prefix}:session:*`)).length).toBe(before.length + 1);
    } finally {
      redis.disconnect();
    }
  });

  it('limits anonymous traffic per client address on the API and the pages, ignores a forged X-Forwarded-For, and counts refusals per minute instead of auditing each', async () => {
    const auditedBefore = Number((await sql.query(`SELECT count(*) AS n FROM central.audit_events WHERE actor_sub = 'anonymous'`)).rows[0].n);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await request(app.getHttpServer()).get('/v1/referrals').set('X-Forwarded-For', `203.0.113.${i}`)).status);
    }
    // The sign-in test above used three anonymous requests of this address's eight.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    await request(app.getHttpServer()).get('/sign-in').expect(429);
    await request(app.getHttpServer()).post('/sign-in').type('form').send({ role: 'safeguarding_lead' }).expect(429);
    // Signed in, the same address is still served: the limit is per principal then.
    await request(app.getHttpServer())
      .get('/v1/referrals')
      .set('Authorization', await bearer('safeguarding_lead', undefined, 'calm-caller'))
      .expect(200);

    const counts = await eventually(async () => {
      const rows = (await sql.query(`SELECT client_address, reason, count, minute FROM central.refused_anonymous_requests ORDER BY reason`)).rows as Array<{
        client_address: string;
        reason: string;
        count: number;
        minute: Date;
      }>;
      return rows.filter((r) => r.reason === 'throttled').reduce((n, r) => n + r.count, 0) >= 5 ? rows : undefined;
    }, 10_000);
    // A test may straddle a minute: sum each reason's rows.
    const total = (reason: string) => counts.filter((r) => r.reason === reason).reduce((n, r) => n + r.count, 0);
    expect(total('missing_token')).toBe(5);
    expect(total('csrf')).toBe(1);
    for (const row of counts) {
      expect(row.client_address).toMatch(/127\.0\.0\.1|::1/);
      expect(row.minute.getSeconds()).toBe(0);
    }
    const auditedAfter = Number((await sql.query(`SELECT count(*) AS n FROM central.audit_events WHERE actor_sub = 'anonymous'`)).rows[0].n);
    expect(auditedAfter).toBe(auditedBefore);
  });
});
