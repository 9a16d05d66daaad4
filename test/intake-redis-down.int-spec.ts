import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { createTestDatabase, TestDatabase } from './support/database';
import { eventually, useTestEnvironment } from './support/env';
import { freePort, TestRedis } from './support/redis-server';
import { adultNrm, childNrm } from './support/referrals';

describe('OutboxRelay with Redis down', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let redis: TestRedis;
  let prefix: string;
  let lead: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new TestRedis(await freePort());
    // Redis is not running when intake starts.
    prefix = useTestEnvironment({ DATABASE_URL: db.url, REDIS_URL: redis.url });
    const { createIntakeApp } = await import('../apps/intake/src/intake.app');
    app = await createIntakeApp();
    await app.init();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
    await sql?.end();
    await db?.drop();
  });

  const pending = async () => Number((await sql.query('SELECT count(*) FROM central.outbox WHERE sent_at IS NULL')).rows[0].count);

  it('accepts referrals, reports not ready, and routes every one once Redis is back', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await request(app.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(i % 2 ? adultNrm() : childNrm())
        .expect(201);
      ids.push(res.body.id);
    }
    expect(await pending()).toBe(10);
    await request(app.getHttpServer()).get('/health/ready').expect(503);

    await redis.start();
    await eventually(async () => (await pending()) === 0, 30000);
    const queue = new Queue('routing', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    try {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(jobs.map((j) => j.id).sort()).toEqual(ids.map((id) => `deliver-${id}`).sort());
    } finally {
      await queue.close();
    }
    // The readiness check's own Redis client reconnects on ioredis' backoff (up to 2 s between tries), so it can
    // lag the relay's connection by that much on a busy machine.
    await eventually(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, 10000, 200);
  });
});
