import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { signIn } from './support/web';
import { ifStarted } from './support/teardown';

describe('NrmWorklistsController (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    app = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const refer = async (referredAt: string): Promise<string> =>
    (await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(aReferral({ referredAt })).expect(201)).body.id;
  const decide = (id: string, body: object) =>
    request(app.getHttpServer()).post(`/v1/referrals/${id}/decisions`).set('Authorization', lead).send(body).expect(201);
  const worklist = async (
    name: string,
    on: string,
  ): Promise<{
    items: Array<{ referralId: string }>;
    aimWorkingDays?: number;
    until?: string;
    byMonthsWaiting: Array<{ label: string; count: number }>;
  }> => (await request(app.getHttpServer()).get(`/v1/worklists/${name}?on=${on}`).set('Authorization', lead).expect(200)).body;
  const ids = (list: { items: Array<{ referralId: string }> }) => list.items.map((i) => i.referralId);

  it('lists a referral awaiting reasonable grounds after five working days, counting across the August bank holiday', async () => {
    // Thursday 27 August 2026; Monday 31 August is the summer bank holiday, so the fifth working day is Friday 4 September.
    const id = await refer('2026-08-27T10:00:00Z');
    expect(ids(await worklist('reasonable-grounds-overdue', '2026-09-04'))).not.toContain(id);
    const listed = await worklist('reasonable-grounds-overdue', '2026-09-05');
    expect(listed.items.find((i: { referralId: string }) => i.referralId === id)).toMatchObject({
      countedFrom: '2026-08-27',
      dueOn: '2026-09-04',
      submittedOn: null,
    });
    expect(listed.aimWorkingDays).toBe(5);
  });

  it('counts from the Home Office submission where one is recorded', async () => {
    const id = await refer('2026-08-20T10:00:00Z');
    await request(app.getHttpServer())
      .post(`/v1/referrals/${id}/home-office-submission`)
      .set('Authorization', lead)
      .send({ submittedAt: '2026-08-27T09:00:00Z', reference: 'NRM-2026-77', competentAuthority: 'SCA' })
      .expect(201);
    expect(ids(await worklist('reasonable-grounds-overdue', '2026-09-04'))).not.toContain(id);
    expect(ids(await worklist('reasonable-grounds-overdue', '2026-09-05'))).toContain(id);
  });

  it('takes a referral off the list once its reasonable grounds decision is recorded', async () => {
    const id = await refer('2026-08-03T10:00:00Z');
    expect(ids(await worklist('reasonable-grounds-overdue', '2026-09-05'))).toContain(id);
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-08-20' });
    expect(ids(await worklist('reasonable-grounds-overdue', '2026-09-05'))).not.toContain(id);
  });

  it('lists cases awaiting conclusive grounds by whole months since the positive reasonable grounds decision', async () => {
    const id = await refer('2026-02-02T10:00:00Z');
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-02-10' });
    const list = await worklist('awaiting-conclusive-grounds', '2026-11-09');
    expect(list.items.find((i: { referralId: string }) => i.referralId === id)).toMatchObject({ positiveReasonableGroundsOn: '2026-02-10', monthsWaiting: 8 });
    expect(list.byMonthsWaiting.find((b) => b.label === '6 to 11 months')?.count).toBeGreaterThanOrEqual(1);
    await decide(id, { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-11-20' });
    expect(ids(await worklist('awaiting-conclusive-grounds', '2026-11-21'))).not.toContain(id);
  });

  it('lists a pending reconsideration once its due date is within the next 14 days', async () => {
    const id = await refer('2026-11-02T10:00:00Z');
    await decide(id, { type: 'reasonable_grounds', outcome: 'negative', decidedOn: '2026-11-10' });
    await decide(id, { type: 'reconsideration_requested', decidedOn: '2026-11-20' });
    expect(ids(await worklist('reconsideration-deadlines', '2026-12-05'))).not.toContain(id);
    const listed = await worklist('reconsideration-deadlines', '2026-12-06');
    expect(listed.until).toBe('2026-12-20');
    expect(listed.items.find((i: { referralId: string }) => i.referralId === id)).toMatchObject({
      stage: 'reasonable_grounds',
      dueOn: '2026-12-20',
      overdue: false,
    });
  });

  it('lists a positive reasonable grounds decision with no support referral, until one is recorded', async () => {
    const id = await refer('2026-06-01T10:00:00Z');
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-06-05' });
    expect(ids(await worklist('positive-reasonable-grounds-without-support', '2026-06-10'))).toContain(id);
    await system.sql.query(
      `INSERT INTO central.support_referrals (id, referral_id, service, provider, referred_on, recorded_by) VALUES (gen_random_uuid(), $1, 'local_service', 'Willow Project', '2026-06-08', 'test')`,
      [id],
    );
    expect(ids(await worklist('positive-reasonable-grounds-without-support', '2026-06-10'))).not.toContain(id);
  });

  it('refuses a day that is not a calendar date, naming on', async () => {
    const res = await request(app.getHttpServer()).get('/v1/worklists/reasonable-grounds-overdue?on=2026-02-30').set('Authorization', lead).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['on']);
  });

  it('refuses a day outside the days a worklist is drawn up for, naming on, on every list', async () => {
    for (const name of ['reasonable-grounds-overdue', 'awaiting-conclusive-grounds', 'reconsideration-deadlines', 'approaching-adulthood']) {
      for (const on of ['9999-12-31', '1900-01-01']) {
        const res = await request(app.getHttpServer()).get(`/v1/worklists/${name}?on=${on}`).set('Authorization', lead).expect(400);
        expect(res.body.errors).toEqual([{ path: 'on', message: expect.stringMatching(/^on must be a day from 2009-04-01 to \d{4}-12-31$/) }]);
      }
    }
  });

  it('shows the lead the same list as a page, and refuses a first responder', async () => {
    const id = await refer('2026-08-26T10:00:00Z');
    const page = await signIn(app, 'safeguarding_lead');
    const html = (await page.get('/worklists/reasonable-grounds-overdue?on=2026-09-05').expect(200)).text;
    expect(html).toContain(`/referrals/${id}#nrm-case`);
    expect(html).toContain('4 September 2026');
    await page.get('/worklists/awaiting-conclusive-grounds').expect(200);
    await page.get('/worklists/no-such-list').expect(404);
    const responder = await signIn(app, 'first_responder', 'Thames Valley Police');
    await responder.get('/worklists/reasonable-grounds-overdue').expect(403);
    await responder.get('/worklists/not-submitted').expect(200);
  });
});
