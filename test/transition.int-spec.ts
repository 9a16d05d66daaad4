import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { AdulthoodReminderService } from '../apps/router/src/routing/adulthood-reminder.service';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/**
 * Turning 18 as recorded decisions (docs/transitions.md), through intake, the router and both case-system mimics on
 * real PostgreSQL and Redis: the worklist before the birthday, the reminder that moves nothing, adult services'
 * acceptance opening the adult record, and age assessments moving a case either way.
 */
describe('transition to adulthood', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let router: INestApplicationContext;
  let sql: Client;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ env: { ROUTING_BACKOFF_MS: 100 }, mimics: true, intake: true, router: true });
    ({ intake, router, sql } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const api = () => request(intake.getHttpServer());
  const refer = async (body: object): Promise<{ id: string }> => (await api().post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body;
  const show = async (id: string) => (await api().get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;
  const routed = (id: string) =>
    eventually(async () => {
      const view = await show(id);
      return view.status === 'routed' ? view : undefined;
    });
  const worklist = async (query: string) => (await api().get(`/v1/worklists/approaching-adulthood?${query}`).set('Authorization', lead).expect(200)).body;
  const step = (id: string, body: object) => api().post(`/v1/referrals/${id}/transition-steps`).set('Authorization', lead).send(body);
  const lcsContact = async (id: string) =>
    (await sql.query('SELECT contact_id, status, date_of_birth::text AS dob FROM lcs.contacts WHERE external_reference = $1', [id])).rows;
  const aisConcerns = async (id: string) =>
    (await sql.query('SELECT concern_id, status, transferred_from_lcs_id FROM ais.safeguarding_concerns WHERE client_reference = $1', [id])).rows;
  const transitionCompleted = (id: string) =>
    eventually(async () => {
      const view = await show(id);
      return view.transitions[0]?.status === 'completed' ? view : undefined;
    });
  const child = (firstName: string, dateOfBirth?: string) =>
    aChildReferral({
      referredAt: '2026-06-01T10:00:00Z',
      potentialVictim: { gender: 'female', nationality: 'ALB', firstName, lastName: 'Kola', ...(dateOfBirth ? { dateOfBirth } : {}) },
    });

  it('lists a child with an open LCS contact before their 18th birthday, and does not close the contact on it', async () => {
    const { id } = await refer(child('Elira', '2009-03-01'));
    const before = await routed(id);
    expect(before.caseRecord.system).toBe('LCS');

    const list = await worklist('on=2026-12-01');
    expect(list).toMatchObject({ horizonMonths: 6, horizonEnd: '2027-06-01' });
    const listed = list.items.find((i: { referralId: string }) => i.referralId === id);
    expect(listed).toMatchObject({
      eighteenthBirthday: '2027-03-01',
      dateOfBirthSource: 'referral',
      birthdayPassed: false,
      nrmStatus: 'awaiting_reasonable_grounds',
      consentAtEighteen: 'needed',
      outstanding: ['transition_assessment_request', 'care_leaver_status', 'nrm_consent_at_18', 'adult_support_referral', 'adult_services_decision'],
    });
    expect(listed).not.toHaveProperty('dateOfBirth');
    // Beyond a shorter horizon, not listed.
    expect((await worklist('on=2026-12-01&horizonMonths=2')).items.map((i: { referralId: string }) => i.referralId)).not.toContain(id);
    // The read is audited, naming the referrals it showed.
    const { rows: audited } = await sql.query(
      `SELECT details FROM central.audit_events WHERE action = 'worklist.approaching_adulthood.read' ORDER BY at DESC LIMIT 2`,
    );
    expect(audited.some((a) => (a.details.items as string[]).includes(id))).toBe(true);

    // The birthday passes with nothing recorded: the daily job flags it and moves nothing.
    const reminders = router.get(AdulthoodReminderService);
    expect(await reminders.remindBirthdaysPassed('2027-03-01')).toBeGreaterThanOrEqual(1);
    expect(await reminders.remindBirthdaysPassed('2027-03-02')).toBe(0);
    expect(await lcsContact(id)).toEqual([expect.objectContaining({ status: 'open' })]);
    expect(await aisConcerns(id)).toEqual([]);
    const after = await show(id);
    expect(after.caseRecord).toEqual(before.caseRecord);
    expect(after.transitions).toEqual([]);
    const flagged = (await worklist('on=2027-03-02')).items.find((i: { referralId: string }) => i.referralId === id);
    expect(flagged).toMatchObject({ birthdayPassed: true, birthdayPassedNothingRecorded: true, flaggedOn: '2027-03-01' });
  });

  it('opens the AIS record when adult services accept a care leaver, linked to the LCS one, and leaves the LCS contact open', async () => {
    const { id } = await refer(child('Dora', '2008-12-10'));
    const before = await routed(id);
    await step(id, { step: 'care_leaver', on: '2026-11-20' }).expect(201);
    const accepted = await step(id, { step: 'adult_services_accepted', on: '2026-11-25' }).expect(201);
    expect(accepted.body.transition).toMatchObject({ reason: 'adult_services_accepted', keepsSourceOpen: true, status: 'pending' });

    const after = await transitionCompleted(id);
    expect(after.caseRecord.system).toBe('AIS');
    expect(after.transitions[0]).toMatchObject({
      from: { system: 'LCS', recordId: before.caseRecord.recordId },
      to: { system: 'AIS', recordId: after.caseRecord.recordId },
    });
    // The AIS record carries the LCS id and the referral id: the deduplicator links it to the same person.
    expect(await aisConcerns(id)).toEqual([{ concern_id: after.caseRecord.recordId, status: 'Open', transferred_from_lcs_id: before.caseRecord.recordId }]);
    expect(await lcsContact(id)).toEqual([expect.objectContaining({ contact_id: before.caseRecord.recordId, status: 'open' })]);
    const { rows } = await sql.query(`SELECT details FROM central.audit_events WHERE action = 'referral.transition_step' AND subject_id = $1`, [id]);
    expect(rows.map((r) => r.details.step).sort()).toEqual(['adult_services_accepted', 'care_leaver']);
  });

  it('closes the LCS contact as transferred when adult services accept someone who is not a care leaver', async () => {
    const { id } = await refer(child('Mira', '2008-11-02'));
    const before = await routed(id);
    await step(id, { step: 'not_care_leaver', on: '2026-11-20' }).expect(201);
    await step(id, { step: 'adult_services_accepted', on: '2026-11-21' }).expect(201);
    const after = await transitionCompleted(id);
    expect(after.transitions[0].keepsSourceOpen).toBe(false);
    expect(await lcsContact(id)).toEqual([expect.objectContaining({ contact_id: before.caseRecord.recordId, status: 'closed' })]);
  });

  it('refuses a step naming the field, and writes nothing', async () => {
    const { id } = await refer(child('Lule', '2009-05-05'));
    const refused = await step(id, { step: 'moved_to_adults', on: '1 March' }).expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['on', 'step']);
    const future = await step(id, { step: 'care_leaver', on: '2099-01-01' }).expect(400);
    expect(future.body.errors).toEqual([{ path: 'on', message: 'on must not be in the future' }]);
    const early = await step(id, { step: 'care_leaver', on: '2026-01-01' }).expect(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: 'on' })]);
    expect((await sql.query('SELECT count(*)::int AS n FROM central.transition_steps WHERE referral_id = $1', [id])).rows[0].n).toBe(0);
  });

  it('moves an AIS case to LCS when an age assessment finds a child, with the assessed date of birth', async () => {
    const { id } = await refer(
      aReferral({
        referredAt: '2026-06-01T10:00:00Z',
        potentialVictim: { gender: 'male', nationality: 'AFG', firstName: 'Ahmad', lastName: 'Karimi', dateOfBirth: '2000-01-01' },
      }),
    );
    const before = await routed(id);
    expect(before.caseRecord.system).toBe('AIS');
    const assessed = await api()
      .post(`/v1/referrals/${id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: '2026-09-01', outcome: 'child', assessedDateOfBirth: '2009-05-20', authority: 'Buckinghamshire Council' })
      .expect(201);
    expect(assessed.body.transition).toMatchObject({ reason: 'age_assessment_child', from: { system: 'AIS' }, to: { system: 'LCS' } });

    const after = await transitionCompleted(id);
    expect(after).toMatchObject({ id, caseRecord: { system: 'LCS' } });
    expect(after.transitions[0]).toMatchObject({
      from: { system: 'AIS', recordId: before.caseRecord.recordId },
      to: { system: 'LCS', recordId: after.caseRecord.recordId },
    });
    expect(await lcsContact(id)).toEqual([{ contact_id: after.caseRecord.recordId, status: 'open', dob: '2009-05-20' }]);
    expect(await aisConcerns(id)).toEqual([expect.objectContaining({ concern_id: before.caseRecord.recordId, status: 'Closed' })]);
    // Now a child in LCS, on the worklist by the assessed date of birth; the history of assessments is kept.
    const listed = (await worklist('on=2026-12-01&horizonMonths=6')).items.find((i: { referralId: string }) => i.referralId === id);
    expect(listed).toMatchObject({ eighteenthBirthday: '2027-05-20', dateOfBirthSource: 'age_assessment' });
    // The API reads the finding back as recorded, the date of birth it gave included.
    expect(after.ageAssessments).toEqual([
      expect.objectContaining({ assessedOn: '2026-09-01', outcome: 'child', assessedDateOfBirth: '2009-05-20', authority: 'Buckinghamshire Council' }),
    ]);
  });

  it('moves a case back and forth as findings change, each time to an open record, and counts it once', async () => {
    const { id } = await refer(child('Drita', '2010-05-02'));
    const first = await routed(id);
    expect(first.caseRecord.system).toBe('LCS');
    const assess = (body: object) =>
      api()
        .post(`/v1/referrals/${id}/age-assessment`)
        .set('Authorization', lead)
        .send({ authority: 'Buckinghamshire Council', ...body })
        .expect(201);
    const moved = (n: number, system: string) =>
      eventually(async () => {
        const view = await show(id);
        return view.transitions.length === n && view.transitions.every((t: { status: string }) => t.status === 'completed') && view.caseRecord.system === system
          ? view
          : undefined;
      });

    // An adult finding: to AIS, with the date of birth the assessment found.
    await assess({ assessedOn: '2026-07-01', outcome: 'adult', assessedDateOfBirth: '2007-01-01' });
    const inAis = await moved(1, 'AIS');
    expect(await aisConcerns(id)).toEqual([expect.objectContaining({ concern_id: inAis.caseRecord.recordId, status: 'Open' })]);
    const { rows: aisDob } = await sql.query(`SELECT date_of_birth::text AS dob FROM ais.safeguarding_concerns WHERE concern_id = $1`, [
      inAis.caseRecord.recordId,
    ]);
    expect(aisDob).toEqual([{ dob: '2007-01-01' }]);

    // The finding overturned: back to children's services, to the child's own contact, open again.
    await assess({ assessedOn: '2026-08-01', outcome: 'child', assessedDateOfBirth: '2010-05-02' });
    const back = await moved(2, 'LCS');
    expect(back.caseRecord.recordId).toBe(first.caseRecord.recordId);
    expect(await lcsContact(id)).toEqual([{ contact_id: first.caseRecord.recordId, status: 'open', dob: '2010-05-02' }]);
    expect(await aisConcerns(id)).toEqual([expect.objectContaining({ concern_id: inAis.caseRecord.recordId, status: 'Closed' })]);

    // A later adult finding moves it a third time: the adult concern reopened, the contact closed as transferred.
    await assess({ assessedOn: '2026-09-01', outcome: 'adult', assessedDateOfBirth: '2007-01-01' });
    const again = await moved(3, 'AIS');
    expect(again.caseRecord.recordId).toBe(inAis.caseRecord.recordId);
    expect(await aisConcerns(id)).toEqual([expect.objectContaining({ concern_id: inAis.caseRecord.recordId, status: 'Open' })]);
    expect(await lcsContact(id)).toEqual([expect.objectContaining({ contact_id: first.caseRecord.recordId, status: 'closed' })]);
    expect(again.transitions.map((t: { from: { system: string }; to: { system: string } }) => `${t.from.system}>${t.to.system}`)).toEqual([
      'LCS>AIS',
      'AIS>LCS',
      'LCS>AIS',
    ]);
    // One referral and one person throughout: the moves made no record the deduplicator could count again.
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM central.referrals WHERE id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses an impossible age assessment naming the field, and records and moves nothing', async () => {
    const { id } = await refer(child('Besa', '2012-01-01'));
    const before = await routed(id);
    expect(before.caseRecord.system).toBe('LCS');
    const assess = (body: object) =>
      api()
        .post(`/v1/referrals/${id}/age-assessment`)
        .set('Authorization', lead)
        .send({ authority: 'Bucks', ...body });
    const pathsOf = (res: request.Response): string[] => (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    // The tester's: an "adult" finding in 2030 with a date of birth making the person 14.
    expect(pathsOf(await assess({ assessedOn: '2030-01-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' }).expect(400))).toEqual([
      'assessedOn',
      'assessedDateOfBirth',
    ]);
    expect(pathsOf(await assess({ assessedOn: '1990-01-01', outcome: 'adult' }).expect(400))).toEqual(['assessedOn']);
    expect(pathsOf(await assess({ assessedOn: '2026-09-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' }).expect(400))).toEqual([
      'assessedDateOfBirth',
    ]);
    expect(pathsOf(await assess({ assessedOn: '2026-09-01', outcome: 'child', assessedDateOfBirth: '1990-01-01' }).expect(400))).toEqual([
      'assessedDateOfBirth',
    ]);
    expect(pathsOf(await assess({ assessedOn: '2026-09-01', outcome: 'child', assessedDateOfBirth: '2099-01-01' }).expect(400))).toEqual([
      'assessedDateOfBirth',
    ]);
    const n = async (table: string) => (await sql.query(`SELECT count(*)::int AS n FROM central.${table} WHERE referral_id = $1`, [id])).rows[0].n;
    expect([await n('age_assessments'), await n('transitions')]).toEqual([0, 0]);

    // An adult finding dated before a child finding already recorded is history: recorded, moves nothing.
    await assess({ assessedOn: '2026-10-01', outcome: 'child', assessedDateOfBirth: '2012-01-01' }).expect(201);
    const late = await assess({ assessedOn: '2026-09-01', outcome: 'adult' }).expect(201);
    expect(late.body.transition).toBeNull();
    expect([await n('age_assessments'), await n('transitions')]).toEqual([2, 0]);
    expect((await show(id)).caseRecord).toEqual(before.caseRecord);
  });

  it('lists a child whose only date of birth is an assessed one', async () => {
    const { id } = await refer(child('Noa'));
    await routed(id);
    expect((await worklist('on=2026-12-01')).items.map((i: { referralId: string }) => i.referralId)).not.toContain(id);
    await api()
      .post(`/v1/referrals/${id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: '2026-10-01', outcome: 'child', assessedDateOfBirth: '2009-04-10', authority: 'Buckinghamshire Council' })
      .expect(201);
    const listed = (await worklist('on=2026-12-01')).items.find((i: { referralId: string }) => i.referralId === id);
    expect(listed).toMatchObject({ eighteenthBirthday: '2027-04-10', dateOfBirthSource: 'age_assessment', caseSystem: 'LCS' });
    // Still in LCS: a child finding on a child's case moves nothing.
    expect((await show(id)).transitions).toEqual([]);
  });

  it('orders the list by the oldest deadline first', async () => {
    const items: Array<{ eighteenthBirthday: string }> = (await worklist('on=2026-12-01&pageSize=200')).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.map((i) => i.eighteenthBirthday)).toEqual([...items.map((i) => i.eighteenthBirthday)].sort());
  });
});
