import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { CASE_SYSTEM_LIMITS } from '@app/domain';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { answerJourney, csrfOf, signIn, cookieHeader, refusedPost } from './support/web';
import { ifStarted } from './support/teardown';

/** The pages' sign-in, sessions, CSRF and role rules, over HTTP (the browser suite drives the pages themselves). */
describe('web pages (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    ({ sql } = system);
    app = system.intake!;
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const server = () => request(app.getHttpServer());

  /** A new referral made through the API, and a safeguarding lead signed in on its page. */
  async function leadOnNewReferral() {
    const lead = await bearer('safeguarding_lead');
    const made = await server().post('/v1/referrals').set('Authorization', lead).send(aReferral()).expect(201);
    const referral = `/referrals/${made.body.id}`;
    const agent = await signIn(app, 'safeguarding_lead');
    const page = await agent.get(referral).expect(200);
    return { id: made.body.id as string, referral, agent, page };
  }

  /** Every session record stored under a pattern, as Redis holds it. */
  async function redisValues(pattern: string): Promise<string[]> {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(pattern);
      return keys.length > 0 ? (await redis.mget(keys)).filter((v) => v !== null) : [];
    } finally {
      redis.disconnect();
    }
  }

  it('sends a visitor without a session to sign in, and back to the page asked for', async () => {
    const res = await server().get('/referrals/new').expect(303);
    expect(res.headers.location).toBe('/sign-in?returnTo=%2Freferrals%2Fnew');
    const agent = request.agent(app.getHttpServer());
    const page = await agent.get('/sign-in?returnTo=%2Freferrals').expect(200);
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'safeguarding_lead', returnTo: '/referrals' })
      .expect(303);
    expect(signedIn.headers.location).toBe('/referrals');
  });

  it('puts each sign-in refusal beside its own field', async () => {
    const agent = request.agent(app.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    const noRole = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(400);
    expect(noRole.text).toMatch(/id="role-error"[^>]*>[\s\S]*?Select the role to sign in as/);
    expect(noRole.text).not.toContain('id="organisation-error"');
    const noOrganisation = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(noRole.text), role: 'first_responder' })
      .expect(400);
    expect(noOrganisation.text).toMatch(/id="organisation-error"[^>]*>[\s\S]*?Enter the organisation of the first responder/);
    expect(noOrganisation.text).not.toContain('id="role-error"');
  });

  it('never returns to another site after sign-in', async () => {
    const agent = request.agent(app.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'safeguarding_lead', returnTo: '//evil.example/x' })
      .expect(303);
    expect(signedIn.headers.location).toBe('/referrals');
  });

  it('sets an httpOnly, SameSite=Lax session cookie and a new session id on sign-in', async () => {
    const agent = request.agent(app.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    const before = /rh\.sid=([^;]+)/.exec(cookieHeader(page))?.[1];
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'safeguarding_lead' })
      .expect(303);
    const cookie = cookieHeader(res);
    expect(cookie).toMatch(/rh\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(/rh\.sid=([^;]+)/.exec(cookie)?.[1]).not.toBe(before);
  });

  it('refuses a form posted without the CSRF token, and audits the refusal', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    const res = await agent.post('/referrals/new').type('form').send({ under18: 'yes' }).expect(403);
    expect(res.text).toContain('Your answers could not be sent');
    const forged = await agent.post('/referrals/new').type('form').send({ under18: 'yes', _csrf: 'forged' }).expect(403);
    expect(forged.text).toContain('Your answers could not be sent');
    const audited = await sql.query(
      `SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'access.refused' AND details->>'reason' = 'CSRF token missing or wrong'`,
    );
    expect(audited.rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('refuses sign-in without the CSRF token of the sign-in page', async () => {
    await server().post('/sign-in').type('form').send({ role: 'safeguarding_lead' }).expect(403);
  });

  it('keeps a first responder to the referral journey and their own organisation', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await agent.get('/referrals/new').expect(200);
    await agent.get('/reviews').expect(403);
    const other = await server()
      .post('/v1/referrals')
      .set('Authorization', await bearer('safeguarding_lead'))
      .send(
        aReferral({
          firstResponder: { organisation: 'Hope for Justice', organisationType: 'ngo', name: 'A Worker', role: 'Caseworker', email: 'a@hope.example' },
        }),
      )
      .expect(201);
    const own = await server()
      .post('/v1/referrals')
      .set('Authorization', await bearer('first_responder', 'Thames Valley Police'))
      .send(aReferral())
      .expect(201);
    const list = await agent.get('/referrals').expect(200);
    expect(list.text).toContain(own.body.reference);
    expect(list.text).not.toContain(other.body.reference);
    await agent.get(`/referrals/${other.body.id}`).expect(404);
    await agent.get(`/referrals/${own.body.id}`).expect(200);
  });

  it("filters the safeguarding lead's referrals list with the API's own query rules", async () => {
    const lead = await bearer('safeguarding_lead');
    const dtn = await server()
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send({ ...aReferral(), kind: 'dtn', consentToNrm: false, potentialVictim: { gender: 'male', nationality: 'ERI' } })
      .expect(201);
    const nrm = await server().post('/v1/referrals').set('Authorization', lead).send(aReferral()).expect(201);
    const agent = await signIn(app, 'safeguarding_lead');
    const filtered = await agent.get('/referrals?kind=dtn&status=&caseSystem=&organisation=&from=&to=').expect(200);
    expect(filtered.text).toContain(dtn.body.reference);
    expect(filtered.text).not.toContain(nrm.body.reference);
    const bad = await agent.get('/referrals?from=2026-02-30').expect(400);
    expect(bad.text).toContain('Enter the date referred from as a real date, like 5/12/2026');
    expect(bad.text).toContain('govuk-error-summary');
  });

  it('takes dates as people type them and an organisation by part of its name, in any case', async () => {
    const lead = await bearer('safeguarding_lead');
    const today = new Date();
    // 9am today, or now when that is still to come (a referral is never dated in the future).
    const referredAt = new Date(Math.min(Date.now(), Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 9))).toISOString();
    const dtn = await server()
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send({ ...aReferral({ referredAt }), kind: 'dtn', consentToNrm: false, potentialVictim: { gender: 'male', nationality: 'ERI' } })
      .expect(201);
    const agent = await signIn(app, 'safeguarding_lead');
    const [y, m, d] = referredAt.slice(0, 10).split('-').map(Number);
    const typed = await agent
      .get(
        `/referrals?kind=dtn&organisation=thames+valley&from=${d}/${m}/${y}&to=${encodeURIComponent(`${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`)}`,
      )
      .expect(200);
    expect(typed.text).toContain(dtn.body.reference);
    expect(typed.text).toContain('Anonymous: never linked to a person');
    const parts = await agent.get(`/referrals?kind=dtn&from-day=${d}&from-month=${m}&from-year=${y}`).expect(200);
    expect(parts.text).toContain(dtn.body.reference);
    const none = await agent.get(`/referrals?organisation=hope+for`).expect(200);
    expect(none.text).not.toContain(dtn.body.reference);
  });

  it('names an unreadable filter beside its control, ignores what the page does not ask, refuses dates in the wrong order, and keeps page numbers to real pages', async () => {
    const lead = await bearer('safeguarding_lead');
    const made = await server().post('/v1/referrals').set('Authorization', lead).send(aReferral()).expect(201);
    const agent = await signIn(app, 'safeguarding_lead');
    const status = await agent.get('/referrals?status=sent&kind=nrm').expect(400);
    expect(status.text).toContain('Select a status from the list');
    expect(status.text).toContain('href="#status"');
    expect(status.text).not.toContain('must be one of');
    expect(status.text).not.toContain(made.body.reference);
    const backwards = await agent.get('/referrals?from=5/12/2026&to=1/12/2026').expect(400);
    expect(backwards.text).toContain('Referred to must be the same as or after referred from');
    expect(backwards.text).toContain('Correct the filters to list referrals.');
    expect(backwards.text).not.toContain('No referrals match');
    await agent.get('/referrals?kind=nrm&utm_source=email').expect(200);
    const zero = await agent.get('/referrals?kind=nrm&page=0').expect(302);
    expect(zero.headers.location).toBe('/referrals?kind=nrm&page=1');
    const huge = await agent.get('/referrals?kind=nrm&page=200000').expect(302);
    expect(huge.headers.location).toBe('/referrals?kind=nrm&page=1');
    const beyond = await agent.get('/referrals?kind=nrm&page=9999').expect(302);
    expect(beyond.headers.location).toMatch(/^\/referrals\?kind=nrm&page=\d+$/);
    const last = await agent.get(beyond.headers.location).expect(200);
    expect(last.text).not.toContain('No referrals match');
  });

  it("words the NRM decision form's refusals for a caseworker, naming each question", async () => {
    const { referral, agent, page } = await leadOnNewReferral();
    const empty = await refusedPost(agent, `${referral}/decisions`, { _csrf: csrfOf(page.text) }, referral);
    expect(empty.text).toContain('Select what was decided');
    expect(empty.text).toContain('Enter the date of the decision letter');
    const noOutcome = await refusedPost(
      agent,
      `${referral}/decisions`,
      { _csrf: csrfOf(page.text), type: 'reasonable_grounds', 'decidedOn-day': '1', 'decidedOn-month': '12', 'decidedOn-year': '2026' },
      referral,
    );
    // The outcomes the decision takes, by the radios' names.
    expect(noOutcome.text).toContain('Select Positive or Negative for a reasonable grounds decision');
    expect(noOutcome.text).toContain('href="#decision-outcome"');
    for (const text of [empty.text, noOutcome.text]) {
      expect(text).not.toMatch(/must be one of|must be a real date|is required|decidedOn (is|must)/);
    }
  });

  it('answers a refused lead form with 303 to its page, which shows the refusal and the answers typed once (post/redirect/get)', async () => {
    const { id, referral, agent, page } = await leadOnNewReferral();
    const typed = { _csrf: csrfOf(page.text), provider: 'Willow Project Refused', 'referredOn-day': '3', 'referredOn-month': '12', 'referredOn-year': '2026' };
    // The refusal is a redirect to the page, with no #fragment (it would take focus from the error summary).
    const refused = await agent.post(`${referral}/support-referrals`).type('form').send(typed).expect(303);
    expect(refused.headers.location).toBe(referral);
    expect(refused.text).not.toContain('Willow Project Refused');
    // Kept for that GET, sealed: the session record in Redis does not hold the answer typed.
    const sessions = await redisValues(`${process.env.QUEUE_PREFIX ?? ''}:session:*`);
    expect(sessions.some((v) => v.includes('refusedForm'))).toBe(true);
    expect(sessions.some((v) => v.includes('Willow Project Refused'))).toBe(false);
    const shown = await agent.get(referral).expect(400);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.text).toContain('govuk-error-summary');
    expect(shown.text).toContain('href="#service"');
    expect(shown.text).toContain('Select the service');
    expect(shown.text).toContain('value="Willow Project Refused"');
    expect(csrfOf(shown.text)).toBe(csrfOf(page.text));
    // Once: a reload or Back shows the page as it is.
    const again = await agent.get(referral).expect(200);
    expect(again.text).not.toContain('Select the service');
    expect(again.text).not.toContain('Willow Project Refused');
    // Another page shown first drops it: it never turns up later.
    await agent.post(`${referral}/support-referrals`).type('form').send(typed).expect(303);
    await agent.get('/referrals').expect(200);
    expect((await agent.get(referral).expect(200)).text).not.toContain('Willow Project Refused');
    // The Home Office submission on the same page: its own error summary, with the reference typed.
    const submission = await refusedPost(agent, `${referral}/home-office-submission`, { _csrf: csrfOf(page.text), reference: 'NRM-2026-REFUSED' }, referral);
    expect(submission.text).toContain('href="#submittedAt-day"');
    expect(submission.text).toContain('Enter the date it was submitted to the Home Office');
    expect(submission.text).toContain('value="NRM-2026-REFUSED"');
    expect(submission.text).not.toContain('Select the service');
    // Nothing was stored.
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM central.support_referrals WHERE referral_id = $1`, [id]);
    expect(rows[0].n).toBe(0);
  });

  it('names a date in the future beside the missing answers, in one refusal', async () => {
    const { referral, agent, page } = await leadOnNewReferral();
    const nextYear = String(new Date().getUTCFullYear() + 1);
    const support = await refusedPost(
      agent,
      `${referral}/support-referrals`,
      { _csrf: csrfOf(page.text), 'referredOn-day': '1', 'referredOn-month': '1', 'referredOn-year': nextYear },
      referral,
    );
    expect(support.text).toContain('Select the service');
    expect(support.text).toContain('href="#referredOn-day"');
    expect(support.text).toMatch(/Date referred must not be in the future|must not be in the future/);
    const submission = await refusedPost(
      agent,
      `${referral}/home-office-submission`,
      { _csrf: csrfOf(page.text), 'submittedAt-day': '1', 'submittedAt-month': '1', 'submittedAt-year': nextYear },
      referral,
    );
    expect(submission.text).toContain('href="#submittedAt-day"');
    expect(submission.text).toMatch(/must not be in the future/);
  });

  it('admits a board viewer to no intake page', async () => {
    const agent = request.agent(app.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    // Intake offers only its own roles at sign-in.
    expect(page.text).not.toContain('value="board_viewer"');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'board_viewer' })
      .expect(400);
  });

  it("answers a browser at an address no page has with the service's own Page not found, and an API caller with JSON", async () => {
    const agent = await signIn(app, 'safeguarding_lead');
    const page = await agent.get('/referals').set('Accept', 'text/html,application/xhtml+xml').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Page not found');
    expect(page.text).toContain('Sign out');
    const signedOut = await server().get('/no/such/page').set('Accept', 'text/html').expect(404);
    expect(signedOut.text).toContain('Page not found');
    const api = await server()
      .get('/v1/no-such-thing')
      .set('Accept', 'text/html')
      .set('Authorization', await bearer('safeguarding_lead'))
      .expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
    await server().get('/no/such/page').set('Accept', 'application/json').expect(404).expect('Content-Type', /json/);
  });

  it('answers a malformed id in a page address with Page not found, and a mistyped filter in words', async () => {
    const agent = await signIn(app, 'safeguarding_lead');
    const addresses = ['/referrals/not-a-uuid', '/persons/not-a-uuid', '/referrals/not-a-uuid/age-assessment', '/referrals/not-a-uuid/confirmation'];
    for (const address of [...addresses, '/persons/7d0c5b6e-2a51-4c1d-9a55-1f1f1f1f1f1f/merge/not-a-uuid']) {
      const page = await agent.get(address).expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Page not found');
      expect(page.text).not.toContain('Sorry, there is a problem');
      expect(page.text).not.toContain('There is a problem with the address');
    }
    // The API keeps its 400 for a malformed id, in the shape of every other 400.
    const api = await server()
      .get('/v1/referrals/not-a-uuid')
      .set('Authorization', await bearer('safeguarding_lead'))
      .expect(400);
    expect(api.body).toEqual({ statusCode: 400, errors: [{ path: 'id', message: 'id must be a UUID' }] });
    const status = await agent.get('/reviews?status=bogus').expect(400);
    expect(status.text).toContain('There is a problem with the address');
    expect(status.text).toContain('The status in the address must be open, decided or superseded');
    expect(status.text).not.toContain('must be one of the following values');
    const page = await agent.get('/reviews?page=abc').expect(400);
    expect(page.text.match(/in the address must/g)).toEqual(['in the address must']);
    expect(page.text).toContain('The page number in the address must be a whole number, like 2');
  });

  it('keeps /v1 bearer-only: a page session is no API credential', async () => {
    const agent = await signIn(app, 'safeguarding_lead');
    await agent.get('/v1/referrals').expect(401);
  });

  it('creates a referral from the pages with the API rules, and audits it like the API', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    const age = await agent.get('/referrals/new').expect(200);
    await agent
      .post('/referrals/new')
      .type('form')
      .send({ _csrf: csrfOf(age.text), under18: 'no', under18DuringExploitation: 'no' })
      .expect(303);
    const consent = await agent.get('/referrals/new/consent').expect(200);
    const toDetails = await agent
      .post('/referrals/new/consent')
      .type('form')
      .send({ _csrf: csrfOf(consent.text), cooperatesWithAuthorities: 'no', consentToNrm: 'no' })
      .expect(303);
    expect(toDetails.headers.location).toBe('/referrals/new/details');
    const details = await agent.get('/referrals/new/details').expect(200);
    // An anonymous Duty to Notify asks no name, date of birth or contact.
    expect(details.text).not.toContain('name="potentialVictim.firstName"');
    expect(details.text).not.toContain('potentialVictim.dateOfBirth-day');
    expect(details.text).not.toContain('name="potentialVictim.contact.email"');
    // A name slipped in anyway is refused by the API's own rules: the answers are kept and the page shows why.
    const refused = await agent
      .post('/referrals/new/details')
      .type('form')
      .send({
        _csrf: csrfOf(details.text),
        'potentialVictim.firstName': 'Smuggled',
        'potentialVictim.gender': 'male',
        'potentialVictim.nationality': 'ERI',
        'exploitation.types': 'labour',
        'exploitation.location': 'uk',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Sam Officer',
        'firstResponder.role': 'DC',
        'firstResponder.email': 'sam@police.example',
      })
      .expect(303);
    expect(refused.headers.location).toMatch(/^\/referrals\/new\/details/);
    expect((await agent.get('/referrals/new/details').expect(200)).text).toContain('must not be given in an anonymous Duty to Notify notification');
    await agent.get('/referrals/new/check').expect(303).expect('Location', '/referrals/new/details');
    const referralsBefore = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM central.referrals`)).rows[0].n;
    const toCheck = await agent
      .post('/referrals/new/details')
      .type('form')
      .send({
        _csrf: csrfOf(details.text),
        'potentialVictim.gender': 'male',
        'potentialVictim.nationality': 'ERI',
        'exploitation.types': ['labour', 'criminal'],
        'exploitation.location': 'uk',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Sam Officer',
        'firstResponder.role': 'DC',
        'firstResponder.email': 'sam@police.example',
      })
      .expect(303);
    expect(toCheck.headers.location).toBe('/referrals/new/check');
    // Check your answers: read back in words, nothing written yet, nothing personal in the page's form.
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('Check your answers before sending');
    for (const shown of ['Eritrea', 'Labour and financial exploitation, Criminal exploitation', 'Sam Officer', 'Police']) expect(check.text).toContain(shown);
    expect(check.text).not.toMatch(/<input type="hidden" name="(?!_csrf)/);
    expect((await sql.query(`SELECT count(*)::int AS n FROM central.referrals`)).rows[0].n).toBe(referralsBefore);
    // The answers are kept server-side, sealed: the session record in Redis does not hold them in the clear.
    const sessions = await redisValues(`${process.env.QUEUE_PREFIX ?? ''}:session:*`);
    expect(sessions.some((v) => v.includes('journeyAnswers'))).toBe(true);
    expect(sessions.some((v) => v.includes('sam@police.example') || v.includes('Sam Officer'))).toBe(false);
    // "Change your answers" is a link to the details page, which shows them again.
    expect(check.text).toContain('href="/referrals/new/details"');
    const again = await agent.get('/referrals/new/details').expect(200);
    expect(again.text).toContain('value="sam@police.example"');
    const created = await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    // Submitting again (Back, then Submit, or a second click the browser sent after the first was answered)
    // sends nothing twice, and shows the confirmation of the referral already made.
    await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303)
      .expect('Location', created.headers.location);
    expect((await sql.query(`SELECT count(*)::int AS n FROM central.referrals`)).rows[0].n).toBe(referralsBefore + 1);
    const id = /\/referrals\/([0-9a-f-]{36})\/confirmation/.exec(created.headers.location)![1];
    const row = await sql.query(`SELECT kind, anonymous, organisation, route_system FROM central.referrals WHERE id = $1`, [id]);
    expect(row.rows[0]).toEqual({ kind: 'dtn', anonymous: true, organisation: 'Thames Valley Police', route_system: 'AIS' });
    const audit = await sql.query(`SELECT action FROM central.audit_events WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['referral.create']);
    const confirmation = await agent.get(created.headers.location).expect(200);
    expect(confirmation.text).toContain('the adults&#39; case system (AIS)');
  });

  it('answers an unanswered age or consent page with 303 to itself, which shows the error once', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    const age = await agent.get('/referrals/new').expect(200);
    const refusedAge = await refusedPost(agent, '/referrals/new', { _csrf: csrfOf(age.text) }, '/referrals/new');
    expect(refusedAge.text).toContain('govuk-error-summary');
    expect((await agent.get('/referrals/new').expect(200)).text).not.toContain('govuk-error-summary');
    await agent
      .post('/referrals/new')
      .type('form')
      .send({ _csrf: csrfOf(age.text), under18: 'no', under18DuringExploitation: 'no' })
      .expect(303)
      .expect('Location', '/referrals/new/consent');
    const consent = await agent.get('/referrals/new/consent').expect(200);
    const refusedConsent = await refusedPost(agent, '/referrals/new/consent', { _csrf: csrfOf(consent.text) }, '/referrals/new/consent');
    expect(refusedConsent.text).toContain('govuk-error-summary');
    expect((await agent.get('/referrals/new/consent').expect(200)).text).not.toContain('govuk-error-summary');
  });

  it('makes one referral of Submits sent at once from one journey, and answers each with its confirmation', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await answerJourney(
      agent,
      { under18: 'no', under18DuringExploitation: 'no' },
      { cooperatesWithAuthorities: 'no', consentToNrm: 'no' },
      {
        'potentialVictim.gender': 'female',
        'potentialVictim.nationality': 'VNM',
        'exploitation.types': 'labour',
        'exploitation.location': 'uk',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Ash Officer',
        'firstResponder.role': 'PC',
        'firstResponder.email': 'ash@police.example',
      },
    );
    const check = await agent.get('/referrals/new/check').expect(200);
    const before = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM central.referrals`)).rows[0].n;
    // Three Submits before any is answered (two tabs, a form sent again): each finds the journey's answers.
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        agent
          .post('/referrals/new/check')
          .type('form')
          .send({ _csrf: csrfOf(check.text) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303]);
    const locations = new Set(answers.map((a) => a.headers.location));
    expect(locations.size).toBe(1);
    expect([...locations][0]).toMatch(/^\/referrals\/[0-9a-f-]{36}\/confirmation$/);
    expect((await sql.query(`SELECT count(*)::int AS n FROM central.referrals`)).rows[0].n).toBe(before + 1);
  });

  /** Every Change link of Check your answers leads to a page that asks that answer, at the answer itself. */
  async function expectChangeLinksLand(agent: Awaited<ReturnType<typeof signIn>>, check: string): Promise<string[]> {
    const hrefs = [...check.matchAll(/<a class="govuk-link" href="([^"]+)">Change<span class="govuk-visually-hidden"> ([^<]+)<\/span>/g)].map((m) => ({
      href: m[1].replace(/&amp;/g, '&'),
      what: m[2],
    }));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const { href, what } of hrefs) {
      const [path, anchor] = href.split('#');
      const page = await agent.get(path).expect(200);
      if (anchor) expect({ what, href, found: page.text.includes(`id="${anchor}"`) }).toEqual({ what, href, found: true });
    }
    return hrefs.map((h) => h.what);
  }

  it("links each answer's Change on Check your answers to the page that asks it, and offers none for a fixed organisation", async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await answerJourney(
      agent,
      { under18: 'no' },
      { cooperatesWithAuthorities: 'yes', consentToNrm: 'yes' },
      {
        'exploitation.types': 'labour',
        'exploitation.location': 'uk',
        'potentialVictim.firstName': 'Arben',
        'potentialVictim.lastName': 'Krasniqi',
        'potentialVictim.gender': 'male',
        'potentialVictim.nationality': 'ALB',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Sam Officer',
        'firstResponder.role': 'DC',
        'firstResponder.email': 'sam@police.example',
      },
    );
    const check = await agent.get('/referrals/new/check').expect(200);
    // Co-operation is asked with consent, on the adult's consent page.
    expect(check.text).toContain('href="/referrals/new/consent">Change<span class="govuk-visually-hidden"> co-operation</span>');
    const changeable = await expectChangeLinksLand(agent, check.text);
    expect(changeable).toEqual(expect.arrayContaining(['co-operation', 'first name', 'your name']));
    // The organisation comes with the first responder's sign-in: read back, with nothing to change it.
    expect(check.text).toContain('Thames Valley Police');
    expect(changeable).not.toContain('organisation');
  });

  it('shows on the field a name longer than the case systems take, or with a comma, and keeps the referral back', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await answerJourney(
      agent,
      { under18: 'no' },
      { cooperatesWithAuthorities: 'yes', consentToNrm: 'yes' },
      {
        'exploitation.types': 'labour',
        'exploitation.location': 'uk',
        'potentialVictim.firstName': 'A'.repeat(CASE_SYSTEM_LIMITS.forename + 1),
        'potentialVictim.lastName': 'Krasniqi, Arben',
        'potentialVictim.gender': 'male',
        'potentialVictim.nationality': 'ALB',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Sam Officer',
        'firstResponder.role': 'DC',
        'firstResponder.email': 'sam@police.example',
      },
      '/referrals/new/details',
    );
    const shown = (await agent.get('/referrals/new/details').expect(200)).text;
    expect(shown).toMatch(/id="potentialVictim-firstName-error"[^>]*>[\s\S]{0,200}First name must be 100 characters or fewer/);
    expect(shown).toMatch(/id="potentialVictim-lastName-error"[^>]*>[\s\S]{0,200}Last name must not contain a comma/);
    await agent.get('/referrals/new/check').expect(303).expect('Location', '/referrals/new/details');
  });

  it('lets a safeguarding lead change the organisation they typed, from Check your answers', async () => {
    const agent = await signIn(app, 'safeguarding_lead');
    await answerJourney(agent, { under18: 'yes' }, null, {
      'localAuthorityContact.authority': 'Buckinghamshire Council',
      'localAuthorityContact.phone': '01296 395000',
      'localAuthorityContact.email': 'mash@buckinghamshire.example',
      'exploitation.types': 'criminal',
      'exploitation.location': 'uk',
      cooperatesWithAuthorities: 'yes',
      'potentialVictim.gender': 'male',
      'potentialVictim.nationality': 'VNM',
      'firstResponder.organisation': "Barnardo's",
      'firstResponder.organisationType': 'ngo',
      'firstResponder.name': 'Sam Worker',
      'firstResponder.role': 'Support worker',
      'firstResponder.email': 'sam@barnardos.example',
    });
    const check = await agent.get('/referrals/new/check').expect(200);
    // A child is asked co-operation on the details page; the lead typed the organisation there.
    expect(check.text).toContain('href="/referrals/new/details#cooperatesWithAuthorities">Change');
    expect(await expectChangeLinksLand(agent, check.text)).toEqual(expect.arrayContaining(['co-operation', 'organisation']));
  });

  it('warns on Check your answers, before Submit, when under 18 and the date of birth disagree', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await answerJourney(agent, { under18: 'yes' }, null, {
      'localAuthorityContact.authority': 'Buckinghamshire Council',
      'localAuthorityContact.phone': '01296 395000',
      'localAuthorityContact.email': 'mash@buckinghamshire.example',
      'exploitation.types': 'criminal',
      'exploitation.location': 'uk',
      'potentialVictim.dateOfBirth-day': '1',
      'potentialVictim.dateOfBirth-month': '1',
      'potentialVictim.dateOfBirth-year': '2000',
      'potentialVictim.gender': 'male',
      'potentialVictim.nationality': 'VNM',
      'firstResponder.organisationType': 'police',
      'firstResponder.name': 'Sam Officer',
      'firstResponder.role': 'DC',
      'firstResponder.email': 'sam@police.example',
    });
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('govuk-warning-text');
    expect(check.text).toMatch(/You answered that they are under 18, but the date of birth makes them \d+\./);
    // Left unfinished, the journey is offered again, and can be forgotten before a referral about someone else.
    const again = await agent.get('/referrals/new').expect(200);
    expect(again.text).toContain('You have a referral in progress');
    await agent
      .post('/referrals/new/discard')
      .type('form')
      .send({ _csrf: csrfOf(again.text) })
      .expect(303)
      .expect('Location', '/referrals/new');
    expect((await agent.get('/referrals/new').expect(200)).text).not.toContain('You have a referral in progress');
    await agent.get('/referrals/new/check').expect(303).expect('Location', '/referrals/new');
  });

  it('serves GOV.UK Frontend from node_modules and nothing outside its folders', async () => {
    const css = await server().get('/assets/govuk-frontend.min.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    await server().get('/assets/fonts/bold-b542beb274-v2.woff2').expect(200);
    await server().get('/assets/web/init.js').expect(200);
    await server().get('/assets/../package.json').expect(404);
    await server().get('/assets/%2e%2e/%2e%2e/package.json').expect(404);
    await server().get('/assets/web/../../../package.json').expect(404);
  });

  it('lets the page run only scripts from this origin and its own nonce', async () => {
    const page = await server().get('/sign-in').expect(200);
    const nonce = /<script nonce="([^"]+)">/.exec(page.text)?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect(page.headers['content-security-policy']).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(page.headers['cache-control']).toBe('no-store');
  });
});
