import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { ukDateOn } from '../libs/domain/src';
import { bearer } from './support/auth';
import { aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { csrfOf, refusedPost, signIn } from './support/web';
import { ifStarted } from './support/teardown';

/** YYYY-MM-DD moved by whole days or calendar months (UTC, as the dates are calendar days). */
function shift(day: string, by: { days?: number; months?: number; years?: number }): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCFullYear(at.getUTCFullYear() + (by.years ?? 0), at.getUTCMonth() + (by.months ?? 0), at.getUTCDate() + (by.days ?? 0));
  return at.toISOString().slice(0, 10);
}

/**
 * The safeguarding lead's "Approaching adulthood" page and a child's transition page, over HTTP with the page
 * session, on real PostgreSQL and Redis: the same service, roles and audit actions as the API's worklist and
 * transition steps (docs/transitions.md).
 */
describe('approaching adulthood pages (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let lead: string;
  const today = ukDateOn();
  // Referred a month ago, so that a step taken yesterday is after the referral.
  const referredAt = `${shift(today, { days: -30 })}T10:00:00Z`;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    ({ sql } = system);
    app = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const refer = async (firstName: string, dateOfBirth?: string): Promise<{ id: string; reference: string }> =>
    (
      await request(app.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(
          aChildReferral({
            referredAt,
            potentialVictim: { gender: 'female', nationality: 'ALB', firstName, lastName: 'Hoxha', ...(dateOfBirth ? { dateOfBirth } : {}) },
          }),
        )
        .expect(201)
    ).body;

  /** The table row of a referral on the worklist page, as text. */
  function rowOf(html: string, reference: string): string | undefined {
    return html.split('<tr class="govuk-table__row">').find((row) => row.includes(`>${reference}</a>`));
  }

  it('lists a child turning 18 within the horizon, with what is outstanding, nearest birthday first, and audits the read like the API', async () => {
    // Turns 18 in three months (best date of birth: the referral's), and in five months with only an assessed one.
    const soon = await refer('Elira', shift(today, { months: 3, years: -18 }));
    const assessedOnly = await refer('Drita');
    const assessedBirth = shift(today, { months: 5, years: -18 });
    await request(app.getHttpServer())
      .post(`/v1/referrals/${assessedOnly.id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: shift(today, { days: -2 }), outcome: 'child', assessedDateOfBirth: assessedBirth, authority: 'Buckinghamshire Council' })
      .expect(201);

    const agent = await signIn(app, 'safeguarding_lead');
    const page = await agent.get('/worklists/approaching-adulthood').expect(200);
    // The lead's navigation holds the page, marked as the current one.
    expect(page.text).toMatch(
      /<a class="govuk-service-navigation__link" href="\/worklists\/approaching-adulthood" aria-current="true">\s*<strong[^>]*>Approaching adulthood</,
    );
    // The horizon is the configured default (6 months) until the lead chooses another.
    expect(page.text).toMatch(/id="horizonMonths" name="horizonMonths" type="text" value="6"/);

    const row = rowOf(page.text, soon.reference)!;
    expect(row).toBeDefined();
    expect(row).toContain(`href="/referrals/${soon.id}"`);
    expect(row).toContain(`href="/referrals/${soon.id}/transition"`);
    expect(row).toContain('Date of birth from the referral');
    expect(row).toMatch(/\d+ days until 18/);
    expect(row).toContain('Transition assessment: Not requested');
    expect(row).toContain('Care leaver: Not recorded');
    expect(row).toContain('NRM: Awaiting reasonable grounds decision; consent to stay at 18 not recorded');
    expect(row).toContain('Adult victim support: Not referred');
    for (const task of [
      'Request the transition assessment',
      'Record whether they are a care leaver',
      'Record their consent to stay in the NRM at 18',
      'Refer them for adult victim support (MSVCC)',
      'Record adult services&#39; decision',
    ]) {
      expect({ task, listed: row.includes(task) }).toEqual({ task, listed: true });
    }
    expect(row).toContain(`href="/referrals/${soon.id}#nrm-case"`);
    expect(row).not.toContain('Passed, nothing recorded');

    const assessedRow = rowOf(page.text, assessedOnly.reference)!;
    expect(assessedRow).toContain('Date of birth from the age assessment');
    // Oldest deadline first: the birthday in three months before the one in five.
    expect(page.text.indexOf(soon.reference)).toBeLessThan(page.text.indexOf(assessedOnly.reference));
    // No date of birth on the list: only the 18th birthday.
    expect(page.text).not.toContain(assessedBirth);

    const { rows: audited } = await sql.query(
      `SELECT actor_role, details FROM central.audit_events WHERE action = 'worklist.approaching_adulthood.read' ORDER BY at DESC LIMIT 1`,
    );
    expect(audited[0].actor_role).toBe('safeguarding_lead');
    expect(audited[0].details.items).toEqual(expect.arrayContaining([soon.id, assessedOnly.id]));

    // A shorter horizon leaves out the birthday three months away; the filter keeps what the lead chose.
    const shorter = await agent.get('/worklists/approaching-adulthood?horizonMonths=2').expect(200);
    expect(shorter.text).not.toContain(soon.reference);
    expect(shorter.text).toMatch(/name="horizonMonths" type="text" value="2"/);
    // A horizon the API refuses is named beside the filter, not an error page.
    const refused = await agent.get('/worklists/approaching-adulthood?horizonMonths=99').expect(400);
    expect(refused.text).toContain('govuk-error-summary');
    expect(refused.text).toContain('Months ahead must not be greater than 36');
  });

  it('flags a birthday passed with nothing recorded', async () => {
    const passed = await refer('Besa', shift(today, { days: -10, years: -18 }));
    const agent = await signIn(app, 'safeguarding_lead');
    const page = await agent.get('/worklists/approaching-adulthood').expect(200);
    const row = rowOf(page.text, passed.reference)!;
    expect(row).toContain('Passed, nothing recorded');
    expect(row).toContain('Turned 18 10 days ago');
    expect(page.text).toMatch(/turned 18 with nothing recorded/);
  });

  it('records a transition step from the page: errors name the field, then post/redirect/get, audited', async () => {
    const child = await refer('Mira', shift(today, { months: 4, years: -18 }));
    const agent = await signIn(app, 'safeguarding_lead');
    const shown = await agent.get(`/referrals/${child.id}/transition`).expect(200);
    expect(shown.text).toContain(child.reference);
    expect(shown.text).toContain('from the referral');
    expect(shown.text).toContain('No step recorded yet.');
    const { rows: read } = await sql.query(
      `SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'referral.transition_steps.read' AND subject_id = $1`,
      [child.id],
    );
    expect(read[0].n).toBe(1);
    const csrf = csrfOf(shown.text);

    // Without the CSRF token: refused, nothing stored.
    await agent.post(`/referrals/${child.id}/transition-steps`).type('form').send({ step: 'care_leaver' }).expect(403);

    const transition = `/referrals/${child.id}/transition`;
    const empty = await refusedPost(agent, `/referrals/${child.id}/transition-steps`, { _csrf: csrf }, transition);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('href="#step"');
    expect(empty.text).toContain('Select the step taken');
    expect(empty.text).toContain('href="#on-day"');
    expect(empty.text).toContain('Enter the date the step was taken');

    const tomorrow = shift(today, { days: 1 });
    const future = await refusedPost(
      agent,
      `/referrals/${child.id}/transition-steps`,
      {
        _csrf: csrf,
        step: 'transition_assessment_requested',
        'on-day': tomorrow.slice(8),
        'on-month': tomorrow.slice(5, 7),
        'on-year': tomorrow.slice(0, 4),
      },
      transition,
    );
    expect(future.text).toContain('Date the step was taken must not be in the future');
    // The answers stay in the form.
    expect(future.text).toMatch(/value="transition_assessment_requested" checked/);
    expect((await sql.query('SELECT count(*)::int AS n FROM central.transition_steps WHERE referral_id = $1', [child.id])).rows[0].n).toBe(0);

    const yesterday = shift(today, { days: -1 });
    const saved = await agent
      .post(`/referrals/${child.id}/transition-steps`)
      .type('form')
      .send({
        _csrf: csrf,
        step: 'transition_assessment_requested',
        'on-day': yesterday.slice(8),
        'on-month': yesterday.slice(5, 7),
        'on-year': yesterday.slice(0, 4),
      })
      .expect(303);
    expect(saved.headers.location).toBe(`/referrals/${child.id}/transition`);
    const after = await agent.get(saved.headers.location).expect(200);
    expect(after.text).toContain('Saved: transition assessment requested');
    expect(after.text).toContain('Transition assessment requested');
    expect(after.text).toContain('Record the transition assessment decision');
    expect(after.text).not.toContain('Request the transition assessment<');
    const { rows: stepAudit } = await sql.query(`SELECT details FROM central.audit_events WHERE action = 'referral.transition_step' AND subject_id = $1`, [
      child.id,
    ]);
    expect(stepAudit.map((a) => a.details.step)).toEqual(['transition_assessment_requested']);

    // The worklist shows the step taken.
    const list = await agent.get('/worklists/approaching-adulthood').expect(200);
    expect(rowOf(list.text, child.reference)).toContain('Transition assessment: Requested, no decision yet');
  });

  it('refuses the pages to a first responder, as the API refuses its worklist', async () => {
    const child = await refer('Lule', shift(today, { months: 2, years: -18 }));
    const before = (await sql.query(`SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'worklist.approaching_adulthood.read'`)).rows[0].n;
    const responder = await signIn(app, 'first_responder', 'Buckinghamshire Council');
    const refused = await responder.get('/worklists/approaching-adulthood').expect(403);
    expect(refused.text).not.toContain(child.reference);
    await responder.get(`/referrals/${child.id}/transition`).expect(403);
    const form = await responder.get('/referrals/new').expect(200);
    await responder
      .post(`/referrals/${child.id}/transition-steps`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), step: 'care_leaver', 'on-day': '1', 'on-month': '1', 'on-year': '2026' })
      .expect(403);
    // Not offered in their navigation either.
    expect(form.text).not.toContain('Approaching adulthood');
    expect((await sql.query(`SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'worklist.approaching_adulthood.read'`)).rows[0].n).toBe(
      before,
    );
    expect((await sql.query('SELECT count(*)::int AS n FROM central.transition_steps WHERE referral_id = $1', [child.id])).rows[0].n).toBe(0);
    // The API answers the same role the same way.
    await request(app.getHttpServer())
      .get('/v1/worklists/approaching-adulthood')
      .set('Authorization', await bearer('first_responder', 'Buckinghamshire Council'))
      .expect(403);
  });
});
