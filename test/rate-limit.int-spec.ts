import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer } from './support/auth';
import { createTestDatabase, TestDatabase } from './support/database';
import { useTestEnvironment } from './support/env';

describe('CallerThrottlerGuard', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    useTestEnvironment({ DATABASE_URL: db.url, THROTTLE_LIMIT: 3, THROTTLE_TTL_MS: 60_000 });
    const { createIntakeApp } = await import('../apps/intake/src/intake.app');
    app = await createIntakeApp();
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 429 once a caller passes the limit, counting each caller apart, in Redis', async () => {
    const busy = await bearer('safeguarding_lead', undefined, 'busy-caller');
    const other = await bearer('safeguarding_lead', undefined, 'other-caller');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', busy)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', other).expect(200);
  });

  it('does not limit health checks', async () => {
    for (let i = 0; i < 6; i += 1) await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
