import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

interface Cell {
  label: string;
  count: number;
}

/**
 * The Home Office step: Referral Hub logs a referral but cannot submit it to the Home Office, so a referral stays
 * "logged" until someone records its submission; after the configured working days it is on the not-submitted
 * worklist, and it leaves the list when the submission is recorded.
 */
describe('HomeOfficeSubmission', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let lead: string;
  let police: string;

  beforeAll(async () => {
    system = await startSystem({ env: { HOME_OFFICE_SUBMISSION_WORKING_DAYS: 2 }, intake: true, insights: true });
    ({ intake, insights } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
    police = await bearer('first_responder', 'Thames Valley Police');
  });

  afterAll(() => ifStarted(system)?.close());

  const api = () => request(intake.getHttpServer());
  const log = async (referredAt: string): Promise<string> =>
    (await api().post('/v1/referrals').set('Authorization', lead).send(aReferral({ referredAt })).expect(201)).body.id;
  // The referral was logged some days ago: the clock cannot be moved, the row can.
  const loggedDaysAgo = (id: string, days: number) =>
    system.sql.query(`UPDATE central.referrals SET received_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  const worklist = async (token = lead) => (await api().get('/v1/worklists/not-submitted').set('Authorization', token).expect(200)).body;
  const submission = (id: string, token = lead) => api().post(`/v1/referrals/${id}/home-office-submission`).set('Authorization', token);
  const submissionCells = async () => {
    const body = (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-01-01&to=2026-12-31').set('Authorization', lead).expect(200)).body;
    return Object.fromEntries((body.referrals.breakdowns.submission.cells as Cell[]).map((c) => [c.label, c.count]));
  };

  it('lists a referral not submitted after the configured working days, oldest first, and takes it off once submitted', async () => {
    const older = await log('2026-03-02T10:00:00Z');
    const newer = await log('2026-03-03T10:00:00Z');
    const today = await log('2026-03-04T10:00:00Z');
    await loggedDaysAgo(older, 20);
    await loggedDaysAgo(newer, 10);

    const before = await worklist();
    expect(before.items.map((i: { referralId: string }) => i.referralId)).toEqual([older, newer]);
    expect(before.afterWorkingDays).toBe(2);
    expect(before.items[0]).toMatchObject({
      reference: expect.any(String),
      kind: 'nrm',
      organisation: 'Thames Valley Police',
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(await submissionCells()).toEqual({ 'Submitted to the Home Office': 0, 'Logged, not yet submitted': 3 });

    const recorded = await submission(older).send({ submittedAt: '2026-03-03T09:00:00Z', reference: 'NRM-2026-000101', competentAuthority: 'SCA' }).expect(201);
    expect(recorded.body.homeOfficeSubmission).toMatchObject({
      reference: 'NRM-2026-000101',
      competentAuthority: 'SCA',
      submittedAt: '2026-03-03T09:00:00.000Z',
    });

    expect((await worklist()).items.map((i: { referralId: string }) => i.referralId)).toEqual([newer]);
    expect(await submissionCells()).toEqual({ 'Submitted to the Home Office': 1, 'Logged, not yet submitted': 2 });
    // Logged against submitted by quarter, in the exact figures; a board sees the period's breakdown instead.
    const byQuarter = (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-01-01&to=2026-12-31').set('Authorization', lead).expect(200)).body
      .quarters;
    expect(byQuarter.map((q: { code: string; referrals: number; submitted: number }) => [q.code, q.referrals, q.submitted])).toEqual([
      ['2026-Q1', 3, 1],
      ['2026-Q2', 0, 0],
      ['2026-Q3', 0, 0],
      ['2026-Q4', 0, 0],
    ]);
    const published = (
      await request(insights.getHttpServer()).get('/v1/statistics?period=2026-Q1&figures=disclosure_controlled').set('Authorization', lead).expect(200)
    ).body;
    expect(published.quarters.map((q: { submitted: unknown }) => q.submitted)).toEqual([null]);
    const view = (await api().get(`/v1/referrals/${older}`).set('Authorization', lead).expect(200)).body;
    expect(view.homeOfficeSubmission).toMatchObject({ reference: 'NRM-2026-000101', competentAuthority: 'SCA' });
    expect((await api().get(`/v1/referrals/${today}`).set('Authorization', lead).expect(200)).body.homeOfficeSubmission).toBeNull();
  });

  it('audits the submission in the same transaction as it is recorded', async () => {
    const id = await log('2026-04-01T10:00:00Z');
    await submission(id).send({ submittedAt: '2026-04-01', reference: 'NRM-2026-000202', competentAuthority: 'IECA' }).expect(201);
    const { rows } = await system.sql.query(
      `SELECT a.action, a.details, s.recorded_at = a.at AS same_transaction
         FROM central.audit_events a JOIN central.home_office_submissions s ON s.referral_id::text = a.subject_id
        WHERE a.subject_id = $1 AND a.action = 'referral.home_office_submission'`,
      [id],
    );
    expect(rows).toEqual([{ action: 'referral.home_office_submission', details: { competentAuthority: 'IECA' }, same_transaction: true }]);
  });

  it('answers the same submission again with 200, and refuses a different one with 409', async () => {
    const id = await log('2026-04-02T10:00:00Z');
    const body = { submittedAt: '2026-04-02T12:00:00Z', reference: 'NRM-2026-000303', competentAuthority: 'SCA' };
    await submission(id).send(body).expect(201);
    await submission(id).send(body).expect(200);
    await submission(id)
      .send({ ...body, reference: 'NRM-2026-000304' })
      .expect(409);
  });

  it('names every failing field, and refuses unknown fields', async () => {
    const id = await log('2026-04-03T10:00:00Z');
    const res = await submission(id).send({ submittedAt: 'yesterday', reference: '', competentAuthority: 'UKVI', extra: 1 }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['competentAuthority', 'extra', 'reference', 'submittedAt']);
    const future = await submission(id).send({ submittedAt: '2999-01-01T00:00:00Z', reference: 'NRM-1', competentAuthority: 'SCA' }).expect(400);
    expect(future.body.errors).toEqual([{ path: 'submittedAt', message: expect.stringContaining('future') }]);
    const { rows } = await system.sql.query(`SELECT count(*)::int AS n FROM central.home_office_submissions WHERE referral_id = $1`, [id]);
    expect(rows[0].n).toBe(0);
  });

  it("keeps a first responder to their own organisation's referrals", async () => {
    const id = await log('2026-04-04T10:00:00Z');
    await loggedDaysAgo(id, 30);
    const other = await bearer('first_responder', 'Another Council');
    await submission(id, other).send({ submittedAt: '2026-04-04', reference: 'NRM-9', competentAuthority: 'SCA' }).expect(404);
    expect((await worklist(other)).items).toEqual([]);
    expect((await worklist(police)).items.map((i: { referralId: string }) => i.referralId)).toContain(id);
    await submission(id, police).send({ submittedAt: '2026-04-04', reference: 'NRM-9', competentAuthority: 'SCA' }).expect(201);
  });
});
