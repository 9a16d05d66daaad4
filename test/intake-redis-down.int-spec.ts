import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import type { TestRedis } from './support/redis-server';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import type { CreatedReferralBody } from './support/bodies';

describe('OutboxRelay with Redis down', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let redis: TestRedis;
  let lead: string;

  beforeAll(async () => {
    // Redis is not running when intake starts.
    system = await startSystem({ ownRedis: 'stopped', intake: true });
    ({ intake: app, sql, redis } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const pending = async () => Number((await sql.query('SELECT count(*) FROM central.outbox WHERE sent_at IS NULL')).rows[0].count);

  it('accepts referrals, reports not ready, and routes every one once Redis is back', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await request(app.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(i % 2 ? aReferral() : aChildReferral())
        .expect(201);
      const { id }: CreatedReferralBody = res.body;
      ids.push(id);
    }
    expect(await pending()).toBe(10);
    await request(app.getHttpServer()).get('/health/ready').expect(503);

    await redis.start();
    await eventually(async () => (await pending()) === 0, 30000);
    const jobs = await system.queue('routing').getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.id).sort()).toEqual(ids.map((id) => `deliver-${id}`).sort());
    // The readiness check's own Redis client reconnects on ioredis' backoff (up to 2 s between tries), so it can
    // lag the relay's connection by that much on a busy machine.
    await eventually(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, 10000, 200);
  });
});
