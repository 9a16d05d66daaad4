import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { bearer } from '../support/auth';
import { createTestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { TestSystem } from '../support/processes';
import { aReferral, aChildReferral } from '../support/fixtures';
import { count, postAll } from './support/harness';
import { DurableRedis } from './support/durable-redis';
import { ifStarted } from '../support/teardown';

jest.setTimeout(300_000);

const BODIES = [
  aChildReferral(),
  aReferral(),
  aReferral({ potentialVictim: { gender: 'male', nationality: 'POL', firstName: 'Tomasz', lastName: 'Nowak', dateOfBirth: '1988-11-02' } }),
];

/**
 * A database reset (a developer deleting `.data/`, a restore, a new environment) while Redis keeps its data: the
 * case systems hand out the same record ids again. Every referral must still be routed and linked, with no job
 * silently dropped as a duplicate of one Redis remembers from the first database.
 */
describe('a fresh database beside the same Redis and queue prefix', () => {
  let redis: DurableRedis;
  const queuePrefix = `rhreset${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    redis = await DurableRedis.start();
  });

  afterAll(() => ifStarted(redis)?.destroy());

  async function runPipeline(): Promise<Array<{ system: string; recordId: string }>> {
    const db = await createTestDatabase();
    const system = await TestSystem.create(['ais', 'lcs', 'intake', 'router', 'deduplicator'], {
      databaseUrl: db.url,
      redisUrl: redis.url,
      env: { QUEUE_PREFIX: queuePrefix, FEED_POLL_MS: 100, ROUTING_BACKOFF_MS: 200 },
    });
    const sql = new Client({ connectionString: db.url });
    try {
      await system.start();
      await sql.connect();
      const answers = await postAll(system.app('intake').url, await bearer('safeguarding_lead'), BODIES, 1);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      const linked = `SELECT count(*) AS n FROM central.referrals WHERE status = 'routed' AND person_id IS NOT NULL`;
      await eventually(async () => (await count(sql, linked)) === BODIES.length, 120_000, 200);
      expect(await count(sql, 'SELECT count(*) AS n FROM central.record_links')).toBe(BODIES.length);
      const { rows } = await sql.query<{ system: string; recordId: string }>(
        `SELECT case_system AS system, case_record_id AS "recordId" FROM central.referrals ORDER BY case_system, case_record_id`,
      );
      return rows;
    } finally {
      await system.stop();
      await sql.end();
      await db.drop();
    }
  }

  it('routes and links every referral both times, although the case-record ids repeat', async () => {
    const first = await runPipeline();
    const second = await runPipeline();
    // The scenario only proves something if the second database really reissued the first one's ids.
    expect(second).toEqual(first);
  });
});
