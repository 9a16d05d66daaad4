import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { ukDateOn } from '../libs/domain/src';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { csrfOf, refusedPost, signIn, type PageAgent } from './support/web';
import { ifStarted } from './support/teardown';

/** YYYY-MM-DD moved by whole days (UTC, as the dates are calendar days). */
function shift(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A day as a GOV.UK date input's three fields. */
function dateInput(name: string, day: string): Record<string, string> {
  return { [`${name}-day`]: String(Number(day.slice(8))), [`${name}-month`]: String(Number(day.slice(5, 7))), [`${name}-year`]: day.slice(0, 4) };
}

/**
 * The safeguarding lead's "Record an age assessment" page, over HTTP with the page session, against intake, the
 * router and both case-system mimics on real PostgreSQL and Redis: the API's DTO, service, rules and audit
 * (`POST /v1/referrals/:id/age-assessment`), refusals by post/redirect/get, and an adult finding moving the case
 * from LCS to AIS as the API's does (test/routing.int-spec.ts).
 */
describe('age assessment page (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let lead: string;
  const today = ukDateOn();
  // Referred a month ago, so that an assessment a few days ago is after the referral.
  const referredOn = shift(today, -30);

  beforeAll(async () => {
    system = await startSystem({ env: { ROUTING_BACKOFF_MS: 100 }, mimics: true, intake: true, router: true });
    ({ sql } = system);
    app = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const api = () => request(app.getHttpServer());
  const refer = async (firstName: string): Promise<{ id: string; reference: string }> =>
    (
      await api()
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(
          aChildReferral({
            referredAt: `${referredOn}T10:00:00Z`,
            age: { under18: 'not_sure' },
            potentialVictim: { gender: 'male', nationality: 'AFG', firstName, lastName: 'Rahimi' },
          }),
        )
        .expect(201)
    ).body;
  const show = async (id: string) => (await api().get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;
  const routed = (id: string) =>
    eventually(async () => {
      const view = await show(id);
      return view.status === 'routed' ? view : undefined;
    });
  const count = async (table: string, id: string): Promise<number> =>
    (await sql.query(`SELECT count(*)::int AS n FROM central.${table} WHERE referral_id = $1`, [id])).rows[0].n;
  const audited = async (action: string, id: string): Promise<Array<{ details: Record<string, unknown> }>> =>
    (await sql.query(`SELECT details FROM central.audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, id])).rows;

  async function leadOnForm(id: string): Promise<{ agent: PageAgent; csrf: string; form: string }> {
    const agent = await signIn(app, 'safeguarding_lead');
    const form = `/referrals/${id}/age-assessment`;
    const page = await agent.get(form).expect(200);
    return { agent, csrf: csrfOf(page.text), form };
  }

  it('offers the lead the page from the referral, which shows where the case is and what each finding does', async () => {
    const child = await refer('Ahmad');
    const agent = await signIn(app, 'safeguarding_lead');
    const referral = await agent.get(`/referrals/${child.id}`).expect(200);
    expect(referral.text).toContain('Age assessments');
    expect(referral.text).toContain('No age assessment recorded.');
    expect(referral.text).toMatch(new RegExp(`href="/referrals/${child.id}/age-assessment"[^>]*>\\s*Record an age assessment`));

    const readsBefore = (await audited('referral.read', child.id)).length;
    const page = await agent.get(`/referrals/${child.id}/age-assessment`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<title>Record an age assessment – Referral Hub</title>');
    expect(page.text).toContain(`Referral ${child.reference}`);
    expect(page.text).toContain('The children&#39;s case system (LCS)');
    for (const id of ['assessedOn-day', 'outcome', 'assessedDateOfBirth-day', 'authority']) expect(page.text).toContain(`id="${id}"`);
    expect(page.text).toContain('The case moves to adults&#39; services: an adult record is opened in AIS');
    expect(page.text).toContain('The case stays with children&#39;s services (LCS).');
    expect(page.text).toContain(`href="/referrals/${child.id}"`);
    // The page reads the referral, and is audited as reading it, as the referral's page is.
    expect((await audited('referral.read', child.id)).length).toBe(readsBefore + 1);
    expect(csrfOf(page.text)).toBeTruthy();
  });

  it('refuses the page and the form to a first responder, as the API refuses them the call', async () => {
    const child = await refer('Karim');
    const responder = await signIn(app, 'first_responder', 'Buckinghamshire Council');
    // Their own organisation's referral: they see it and its assessments, with nothing to record one.
    const referral = await responder.get(`/referrals/${child.id}`).expect(200);
    expect(referral.text).toContain('Age assessments');
    expect(referral.text).not.toContain('Record an age assessment');
    const refused = await responder.get(`/referrals/${child.id}/age-assessment`).expect(403);
    expect(refused.text).toContain('You cannot see this page');
    await responder
      .post(`/referrals/${child.id}/age-assessment`)
      .type('form')
      .send({ _csrf: csrfOf(referral.text), ...dateInput('assessedOn', shift(today, -1)), outcome: 'adult', authority: 'Buckinghamshire Council' })
      .expect(403);
    expect(await count('age_assessments', child.id)).toBe(0);
    await api()
      .post(`/v1/referrals/${child.id}/age-assessment`)
      .set('Authorization', await bearer('first_responder', 'Buckinghamshire Council'))
      .send({ assessedOn: shift(today, -1), outcome: 'adult', authority: 'Buckinghamshire Council' })
      .expect(403);
  });

  it('answers a refused form with 303 to the page, which names each field and keeps the answers; nothing is recorded', async () => {
    const child = await refer('Farid');
    const { agent, csrf, form } = await leadOnForm(child.id);
    const action = form;

    // Without the CSRF token: refused, as every form is.
    await agent.post(action).type('form').send({ outcome: 'adult' }).expect(403);

    // Nothing answered: each question named, linked to its field, in the order the form asks them.
    const empty = await refusedPost(agent, action, { _csrf: csrf }, form);
    expect(empty.text).toContain('<title>Error: Record an age assessment – Referral Hub</title>');
    expect(empty.text).toContain('govuk-error-summary');
    const summary = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(empty.text)?.[1] ?? '';
    expect([...summary.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['#assessedOn-day', 'Enter the date of the age assessment'],
      ['#outcome', 'Select whether the assessment found an adult or a child'],
      ['#authority', 'Enter the local authority that assessed their age'],
    ]);
    // Once: a reload shows the form as it is.
    expect((await agent.get(form).expect(200)).text).not.toContain('govuk-error-summary');

    // A date in the future is named beside the answer left out, at once, and what was typed stays in the form.
    const tomorrow = shift(today, 1);
    const future = await refusedPost(agent, action, { _csrf: csrf, ...dateInput('assessedOn', tomorrow), outcome: 'adult' }, form);
    expect(future.text).toContain('href="#assessedOn-day"');
    expect(future.text).toContain('Date of the age assessment must not be in the future');
    expect(future.text).toContain('Enter the local authority that assessed their age');
    expect(future.text).toMatch(/value="adult" checked/);
    expect(future.text).toContain(`name="assessedOn-year" type="text" value="${tomorrow.slice(0, 4)}"`);

    // A day before the referral: the service's rule (refuseRecordedDay), named for a person.
    const early = await refusedPost(
      agent,
      action,
      { _csrf: csrf, ...dateInput('assessedOn', shift(referredOn, -1)), outcome: 'adult', authority: 'Buckinghamshire Council Refused' },
      form,
    );
    const referralDay = new Date(`${referredOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(early.text).toContain(`Date of the age assessment must not be before the referral (${referralDay})`);
    expect(early.text).toContain('value="Buckinghamshire Council Refused"');

    // A date of birth that contradicts the finding, named at the date of birth.
    const contradicts = await refusedPost(
      agent,
      action,
      {
        _csrf: csrf,
        ...dateInput('assessedOn', shift(today, -1)),
        outcome: 'adult',
        ...dateInput('assessedDateOfBirth', shift(today, -365 * 15)),
        authority: 'Buckinghamshire Council',
      },
      form,
    );
    expect(contradicts.text).toContain('href="#assessedDateOfBirth-day"');
    expect(contradicts.text).toMatch(/Date of birth the assessment gave makes them 1[45] on the day assessed: for an adult it must be at least 18 years/);

    for (const page of [empty.text, future.text, early.text, contradicts.text]) {
      expect(page).not.toMatch(/assessedOn (is|must)|assessedDateOfBirth (is|must)|must be a date written|is required/);
    }
    expect(await count('age_assessments', child.id)).toBe(0);
    expect(await audited('referral.age_assessment', child.id)).toEqual([]);
  });

  it("records an adult finding on an LCS case as the API does, and moves the case to adults' services", async () => {
    const child = await refer('Hamid');
    const before = await routed(child.id);
    expect(before.caseRecord.system).toBe('LCS');
    const referralsBefore = Number((await sql.query('SELECT count(*) FROM central.referrals')).rows[0].count);
    const assessedOn = shift(today, -2);
    const { agent, csrf, form } = await leadOnForm(child.id);
    const readsBefore = (await audited('referral.read', child.id)).length;

    const saved = await agent
      .post(form)
      .type('form')
      .send({ _csrf: csrf, ...dateInput('assessedOn', assessedOn), outcome: 'adult', authority: 'Buckinghamshire Council' })
      .expect(303);
    expect(saved.headers.location).toBe(`/referrals/${child.id}`);
    // The save reads the referral back to word its banner: a read like any other, audited.
    expect((await audited('referral.read', child.id)).length).toBe(readsBefore + 1);
    const page = await agent.get(saved.headers.location).expect(200);
    expect(page.text).toContain('govuk-notification-banner--success');
    expect(page.text).toContain('which found an adult. The case is moving to adults&#39; services: an adult record is being opened in AIS');
    expect(page.text).toMatch(/id="age-assessment-history"[\s\S]*An adult \(18 or over\)[\s\S]*Buckinghamshire Council/);

    // Recorded once, through the service: its row, its audit row (the finding only), and the move started.
    const { rows: assessments } = await sql.query(
      'SELECT assessed_on::text AS "assessedOn", outcome, assessed_date_of_birth AS dob, authority FROM central.age_assessments WHERE referral_id = $1',
      [child.id],
    );
    expect(assessments).toEqual([{ assessedOn, outcome: 'adult', dob: null, authority: 'Buckinghamshire Council' }]);
    expect((await audited('referral.age_assessment', child.id)).map((a) => a.details)).toEqual([{ outcome: 'adult' }]);

    // As the API's test asserts: the same referral, its LCS contact moved to an AIS record that carries the LCS id.
    const after = await eventually(async () => {
      const view = await show(child.id);
      return view.transitions[0]?.status === 'completed' ? view : undefined;
    });
    expect(after).toMatchObject({ id: child.id, reference: child.reference, caseRecord: { system: 'AIS' } });
    expect(after.transitions).toHaveLength(1);
    expect(after.transitions[0]).toMatchObject({
      reason: 'age_assessment_adult',
      from: { system: 'LCS', recordId: before.caseRecord.recordId },
      to: { system: 'AIS', recordId: after.caseRecord.recordId },
      effectiveOn: assessedOn,
    });
    const aisRecord = await sql.query('SELECT transferred_from_lcs_id FROM ais.safeguarding_concerns WHERE concern_id = $1', [after.caseRecord.recordId]);
    expect(aisRecord.rows[0].transferred_from_lcs_id).toBe(before.caseRecord.recordId);
    expect(Number((await sql.query('SELECT count(*) FROM central.referrals')).rows[0].count)).toBe(referralsBefore);

    // The form page now says where the case is, and that a child finding would move it back.
    const again = await agent.get(form).expect(200);
    expect(again.text).toContain('The adults&#39; case system (AIS)');
    expect(again.text).toContain('The case moves to children&#39;s services');
  });

  it('treats a form sent twice as the API treats a request sent twice: each is recorded, the case moves once', async () => {
    // The API keeps no idempotency for an age assessment (a later challenge is a new assessment, so two alike are
    // two records), and one move under way per direction per referral (insertOnce). The page does exactly the same.
    const byApi = await refer('Jawad');
    await routed(byApi.id);
    const body = { assessedOn: shift(today, -1), outcome: 'adult', authority: 'Buckinghamshire Council' };
    for (let i = 0; i < 2; i += 1) await api().post(`/v1/referrals/${byApi.id}/age-assessment`).set('Authorization', lead).send(body).expect(201);

    const byPage = await refer('Omid');
    await routed(byPage.id);
    const { agent, csrf, form } = await leadOnForm(byPage.id);
    const answers = { _csrf: csrf, ...dateInput('assessedOn', body.assessedOn), outcome: 'adult', authority: body.authority };
    const sent = await Promise.all([agent.post(form).type('form').send(answers), agent.post(form).type('form').send(answers)]);
    expect(sent.map((r) => [r.status, r.headers.location])).toEqual([
      [303, `/referrals/${byPage.id}`],
      [303, `/referrals/${byPage.id}`],
    ]);

    for (const { id } of [byApi, byPage]) {
      expect([await count('age_assessments', id), await count('transitions', id)]).toEqual([2, 1]);
      expect(await audited('referral.age_assessment', id)).toHaveLength(2);
    }
    const outbox = await sql.query(`SELECT count(*)::int AS n FROM central.outbox WHERE aggregate_id = $1 AND topic = 'transfer'`, [byPage.id]);
    expect(outbox.rows[0].n).toBe(1);
  });
  it('shows each finding with the date of birth it gave, in the history and through the API', async () => {
    const { id } = await refer('Farid');
    await routed(id);
    const { agent, csrf, form } = await leadOnForm(id);
    const assessedOn = shift(today, -3);
    await agent
      .post(form)
      .type('form')
      .send({ _csrf: csrf, ...dateInput('assessedOn', assessedOn), outcome: 'child', ...dateInput('assessedDateOfBirth', '2010-05-20'), authority: 'Bucks' })
      .expect(303);
    const page = await agent.get(`/referrals/${id}`).expect(200);
    expect(page.text).toMatch(/id="age-assessment-history"[\s\S]*Date of birth given[\s\S]*A child \(under 18\)[\s\S]*20 May 2010[\s\S]*Bucks/);
    expect((await show(id)).ageAssessments).toEqual([expect.objectContaining({ assessedOn, outcome: 'child', assessedDateOfBirth: '2010-05-20' })]);
  });
});
