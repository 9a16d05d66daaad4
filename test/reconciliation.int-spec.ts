import request from 'supertest';
import { AisClient } from '@app/case-systems';
import { partitionByJobState, QueueName } from '@app/queues';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

const AFTER_MS = 1000;

/**
 * Work that should have been done by now and was not — a job Redis lost, or one dropped because its id was
 * taken — is found by the reconciliation sweeps of the router and the deduplicator and enqueued again.
 */
describe('reconciliation sweeps', () => {
  let system: TestSystem;
  let lead: string;

  beforeAll(async () => {
    // Sweeps every second in this file, for work a second old; the router and deduplicator start in the tests.
    system = await startSystem({ env: { FEED_POLL_MS: 100, RECONCILE_EVERY_MS: 1000, RECONCILE_AFTER_MS: AFTER_MS }, mimics: true, intake: true });
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const refer = async (body: object): Promise<string> =>
    (await request(system.intake!.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id;
  const referral = async (id: string) =>
    (
      await system.sql.query<{ status: string; person_id: string | null; case_record_id: string | null }>(
        'SELECT status, person_id, case_record_id FROM central.referrals WHERE id = $1',
        [id],
      )
    ).rows[0];

  it('delivers a referral whose delivery job Redis lost', async () => {
    const id = await refer(aReferral());
    // The relay sent the job; with no router running it waits. Then Redis loses it (a flush, a failover without
    // persistence).
    await eventually(async () => (await system.sql.query('SELECT 1 FROM central.outbox WHERE aggregate_id = $1 AND sent_at IS NOT NULL', [id])).rowCount);
    await system.queue(QueueName.Routing).obliterate({ force: true });

    await system.startRouter();
    const routed = await eventually(
      async () => {
        const row = await referral(id);
        return row.status === 'routed' ? row : undefined;
      },
      30000,
      200,
    );
    expect(routed.case_record_id).toBeTruthy();
    const redrives = await system.sql.query<{ job_id: string }>(`SELECT job_id FROM central.outbox WHERE aggregate_id = $1 AND job_id LIKE '%-reconcile-%'`, [
      id,
    ]);
    expect(redrives.rows.map((r) => r.job_id)).toEqual([`deliver-${id}-reconcile-1`]);
  });

  it('links a change read from the feed whose linking job was queued and then lost', async () => {
    const id = await refer(
      aReferral({ potentialVictim: { gender: 'male', nationality: 'ROU', firstName: 'Andrei', lastName: 'Popa', dateOfBirth: '1990-02-03' } }),
    );
    const delivered = await eventually(
      async () => {
        const row = await referral(id);
        return row.status === 'routed' ? row : undefined;
      },
      30000,
      200,
    );
    // As if a poller had recorded the page, moved the cursor and queued the job, and Redis then lost it.
    const feed = await system.router!.get(AisClient).changes(null, 1000);
    const change = feed.changes.find((c) => c.recordId === delivered.case_record_id)!;
    await system.sql.query(
      `INSERT INTO central.feed_changes (system, record_id, version, seen_at, enqueued_at) VALUES ('AIS', $1, $2, now() - interval '1 hour', now() - interval '1 hour')`,
      [change.recordId, change.version],
    );
    await system.sql.query(`INSERT INTO central.feed_cursors (system, cursor) VALUES ('AIS', $1)`, [feed.nextCursor]);

    await system.restartDeduplicator();
    const linked = await eventually(async () => (await referral(id)).person_id, 30000, 200);
    expect(linked).toBeTruthy();
    const { rows } = await system.sql.query<{ redrives: number; processed: boolean }>(
      `SELECT redrives, processed_at IS NOT NULL AS processed FROM central.feed_changes WHERE system = 'AIS' AND record_id = $1`,
      [change.recordId],
    );
    expect(rows).toEqual([{ redrives: 1, processed: true }]);
  });

  it('leaves a job that still waits in the queue alone, and re-drives one the queue does not hold', async () => {
    const scratch = system.queue(`scratch-${Date.now()}`);
    try {
      await scratch.add('work', {}, { jobId: 'waiting-one' });
      const { pending, lost } = await partitionByJobState(scratch, ['waiting-one', 'never-added'], (id) => id);
      expect({ pending, lost }).toEqual({ pending: ['waiting-one'], lost: ['never-added'] });
    } finally {
      await scratch.obliterate({ force: true });
    }
  });
});
