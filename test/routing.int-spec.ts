import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import type { RunningMimic } from './support/mimics';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import type { CreatedReferralBody } from './support/bodies';
import { csrfOf, signIn } from './support/web';

/** Intake, router and both case-system mimics, end to end on real PostgreSQL and Redis. */
describe('routing end to end', () => {
  let system: TestSystem;
  let ais: RunningMimic;
  let lcs: RunningMimic;
  let intake: INestApplication<Server>;
  let sql: Client;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({
      env: { ROUTING_ATTEMPTS: 4, ROUTING_BACKOFF_MS: 100, CASE_SYSTEM_TIMEOUT_MS: 2000 },
      mimics: true,
      intake: true,
      router: true,
    });
    ({ ais, lcs, intake, sql } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  afterEach(() => {
    ais.setFaults({ failureRate: 0, latencyMs: 0 });
    lcs.setFaults({ failureRate: 0, latencyMs: 0 });
  });

  const post = async (body: object): Promise<CreatedReferralBody> =>
    (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body;
  const show = async (id: string) => (await request(intake.getHttpServer()).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;
  const routed = (id: string) =>
    eventually(async () => {
      const view = await show(id);
      return view.status === 'routed' ? view : undefined;
    });
  const inAis = async (id: string) =>
    Number((await sql.query('SELECT count(*) FROM ais.safeguarding_concerns WHERE client_reference = $1', [id])).rows[0].count);
  const inLcs = async (id: string) => Number((await sql.query('SELECT count(*) FROM lcs.contacts WHERE external_reference = $1', [id])).rows[0].count);

  it.each([
    ['a child', aChildReferral(), 'LCS', 'under_18', false],
    ['an adult', aReferral(), 'AIS', 'adult', false],
    ['a "not sure"', aChildReferral({ age: { under18: 'not_sure' } }), 'LCS', 'age_not_sure', false],
    [
      'a date-of-birth conflict',
      aChildReferral({
        age: { under18: 'no' },
        potentialVictim: { gender: 'female', nationality: 'GBR', firstName: 'Amy', lastName: 'Cole', dateOfBirth: '2010-01-01' },
      }),
      'LCS',
      'dob_under_18',
      true,
    ],
  ])('delivers %s to the right case system exactly once, with the reason', async (_name, body, system, reason, conflict) => {
    const created = await post(body);
    const view = await routed(created.id);
    expect(view.route).toMatchObject({ system, reason, conflict });
    expect(view.caseRecord.system).toBe(system);
    expect(await inAis(created.id)).toBe(system === 'AIS' ? 1 : 0);
    expect(await inLcs(created.id)).toBe(system === 'LCS' ? 1 : 0);
  });

  it('retries a case system answering 503 and delivers exactly once when it recovers', async () => {
    ais.setFaults({ failureRate: 1 });
    const created = await post(aReferral());
    await eventually(async () => (await show(created.id)).routing.attempts >= 2);
    expect(await inAis(created.id)).toBe(0);
    ais.setFaults({ failureRate: 0 });
    const view = await routed(created.id);
    expect(view.routing.attempts).toBeGreaterThanOrEqual(3);
    expect(await inAis(created.id)).toBe(1);
  });

  it('marks routing_failed after the last attempt, and routes it when re-driven', async () => {
    lcs.setFaults({ failureRate: 1 });
    const created = await post(aChildReferral());
    const failed = await eventually(async () => {
      const view = await show(created.id);
      return view.status === 'routing_failed' ? view : undefined;
    });
    expect(failed.routing).toMatchObject({ attempts: 4 });
    expect(failed.routing.lastError).toMatch(/Unavailable|503/);
    lcs.setFaults({ failureRate: 0 });
    await request(intake.getHttpServer()).post(`/v1/referrals/${created.id}/redrive`).set('Authorization', lead).expect(202);
    await routed(created.id);
    expect(await inLcs(created.id)).toBe(1);
  });

  it('shows a lead a referral the case system never took, and sends it again from its page once', async () => {
    lcs.setFaults({ failureRate: 1 });
    const created = await post(aChildReferral());
    await eventually(async () => ((await show(created.id)).status === 'routing_failed' ? true : undefined));
    const page = `/referrals/${created.id}`;

    const responder = await signIn(intake, 'first_responder', 'Buckinghamshire Council');
    const seen = await responder.get(page).expect(200);
    expect(seen.text).toContain('Not sent: the children');
    expect(seen.text).not.toContain('Send it again');
    await responder
      .post(`${page}/redrive`)
      .type('form')
      .send({ _csrf: csrfOf(seen.text) })
      .expect(403);
    expect((await show(created.id)).status).toBe('routing_failed');

    const agent = await signIn(intake, 'safeguarding_lead');
    const shown = await agent.get(page).expect(200);
    expect(shown.text).toContain('after 4 tries');
    expect(shown.text).toContain('What the case system answered last');
    lcs.setFaults({ failureRate: 0 });
    const sent = await agent
      .post(`${page}/redrive`)
      .type('form')
      .send({ _csrf: csrfOf(shown.text) })
      .expect(303);
    expect(sent.headers.location).toBe(page);
    expect((await agent.get(page).expect(200)).text).toContain('Sent again: the referral is on its way');
    // A second click (or another lead) finds it no longer waiting: the page, no error and no second delivery.
    await agent
      .post(`${page}/redrive`)
      .type('form')
      .send({ _csrf: csrfOf(shown.text) })
      .expect(303);
    await routed(created.id);
    expect(await inLcs(created.id)).toBe(1);
    const audited = await sql.query(`SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'referral.redrive' AND subject_id = $1`, [created.id]);
    expect(audited.rows[0].n).toBe(1);
  });

  it('moves a child whose age assessment finds an adult from LCS to AIS, keeping the referral', async () => {
    const created = await post(
      aChildReferral({ age: { under18: 'not_sure' }, potentialVictim: { gender: 'male', nationality: 'AFG', firstName: 'Ahmad', lastName: 'Rahimi' } }),
    );
    const before = await routed(created.id);
    expect(before.caseRecord.system).toBe('LCS');
    const referralsBefore = Number((await sql.query('SELECT count(*) FROM central.referrals')).rows[0].count);

    const assessed = await request(intake.getHttpServer())
      .post(`/v1/referrals/${created.id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: '2026-06-01', outcome: 'adult', authority: 'Buckinghamshire Council' })
      .expect(201);
    expect(assessed.body.transition).toMatchObject({ reason: 'age_assessment_adult', status: 'pending' });

    const after = await eventually(async () => {
      const view = await show(created.id);
      return view.transitions[0]?.status === 'completed' ? view : undefined;
    });
    expect(after).toMatchObject({ id: created.id, reference: created.reference, caseRecord: { system: 'AIS' } });
    expect(after.transitions[0]).toMatchObject({
      reason: 'age_assessment_adult',
      from: { system: 'LCS', recordId: before.caseRecord.recordId },
      to: { system: 'AIS', recordId: after.caseRecord.recordId },
      effectiveOn: '2026-06-01',
    });
    const aisRecord = await sql.query('SELECT transferred_from_lcs_id FROM ais.safeguarding_concerns WHERE concern_id = $1', [after.caseRecord.recordId]);
    expect(aisRecord.rows[0].transferred_from_lcs_id).toBe(before.caseRecord.recordId);
    expect(Number((await sql.query('SELECT count(*) FROM central.referrals')).rows[0].count)).toBe(referralsBefore);
  });
});
