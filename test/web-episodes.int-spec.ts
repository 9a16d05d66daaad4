import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import type { StatisticsBody } from './support/bodies';
import { StatisticsFixtures } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import { csrfOf, refusedPost, signIn, type PageAgent } from './support/web';

/**
 * The safeguarding lead's split and join of referral episodes on the pages (docs/referral-episodes.md): offered
 * from the data-quality page, posted to the API's own service, refused with post/redirect/get, and counted by the
 * same statistics the API's tests read.
 */
describe('splitting and joining referral episodes from the pages', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let lead: string;
  let fixtures: StatisticsFixtures;
  let referralId: string;
  let reference: string;
  // Joined to the hub referral's episode by the window rule; and one counted on its own with no NRM/DtN kind.
  let windowJoined: string;
  let ownNoKind: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true, insights: true });
    ({ intake, insights } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
    fixtures = new StatisticsFixtures(system.sql);
    const person = await fixtures.person();
    referralId = await fixtures.referral({ referredAt: '2026-05-04T10:00:00Z' });
    await fixtures.link(referralId, person);
    // A reference as intake draws them (the fixture's carries part of the id).
    reference = 'RH-2026-000042';
    await system.sql.query(`UPDATE central.referrals SET reference = $2 WHERE id = $1`, [referralId, reference]);
    windowJoined = await fixtures.directEntry({ system: 'AIS', referredOn: '2026-05-06', personId: person, joinedReferralId: referralId });
    ownNoKind = await fixtures.directEntry({ system: 'LCS', referredOn: '2026-05-20', personId: person, kind: null });
  });

  afterAll(() => ifStarted(system)?.close());

  /** The month's referrals, as the API's episode tests count them. */
  const referrals = async (): Promise<number> =>
    (
      (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-05-01&to=2026-05-31').set('Authorization', lead).expect(200))
        .body as StatisticsBody
    ).referrals.total;
  const audited = async (recordId: string): Promise<string[]> =>
    (
      await system.sql.query<{ action: string }>(
        `SELECT action FROM central.audit_events WHERE subject_type = 'case_record' AND subject_id = $1 AND action LIKE 'episode.%' ORDER BY id`,
        [recordId],
      )
    ).rows.map((r) => r.action);
  const splitPage = (recordId: string, system = 'AIS') => `/episodes/${system}/${recordId}/split`;
  const joinPage = (recordId: string, system = 'AIS') => `/episodes/${system}/${recordId}/join`;

  async function leadOn(page: string): Promise<{ agent: PageAgent; csrf: string; html: string }> {
    const agent = await signIn(intake, 'safeguarding_lead');
    const html = (await agent.get(page).expect(200)).text;
    return { agent, csrf: csrfOf(html), html };
  }

  it('offers Split and Join for each listed record on the data-quality page, and the forms to a lead only', async () => {
    expect(await referrals()).toBe(2);
    const { agent, html } = await leadOn('/data-quality');
    expect(html).toContain(`href="${splitPage(windowJoined)}"`);
    expect(html).toContain(`href="${joinPage(windowJoined)}"`);
    expect(html).toContain(`href="${joinPage(ownNoKind, 'LCS')}"`);
    // A record counted on its own has nothing to split from.
    expect(html).not.toContain(`href="${splitPage(ownNoKind, 'LCS')}"`);
    expect(html).not.toMatch(/\/v1\/episodes|through the API/);
    // What it is counted with, by the reference the lead reads on that referral's page.
    expect(html).toContain(`Referral Hub referral ${reference}`);

    const split = (await agent.get(splitPage(windowJoined)).expect(200)).text;
    expect(split).toContain(`Count AIS record ${windowJoined} as a referral of its own?`);
    expect(split).toContain(`As the same referral as Referral Hub referral ${reference} (4 May 2026)`);
    expect(split).toContain('The figures will count one more referral');
    expect(split).toContain('name="reason"');
    const join = (await agent.get(joinPage(ownNoKind, 'LCS')).expect(200)).text;
    expect(join).toContain(`Which referral is LCS record ${ownNoKind} the same as?`);
    // The person's hub referral, and their record counted on its own… but not the record itself.
    expect(join).toContain(`value="referral:${referralId}"`);
    expect(join).toContain(`Referral Hub referral ${reference}, referred 4 May 2026`);
    expect(join).not.toContain(`value="LCS:${ownNoKind}"`);
    expect(join).toContain('value="other-referral"');
    expect(join).toContain('value="other-record"');

    // An address naming no record the API could have is a page not found; one it does not hold, too.
    await agent.get('/episodes/XYZ/SC-1/split').expect(404);
    await agent.get('/episodes/AIS/SC-NOT-HELD/join').expect(404);

    const responder = await signIn(intake, 'first_responder', 'Thames Valley Police');
    expect((await responder.get(splitPage(windowJoined)).expect(403)).text).toContain('You cannot see this page');
    expect((await responder.get(joinPage(windowJoined)).expect(403)).text).toContain('You cannot see this page');
    const own = (await responder.get('/referrals/new').expect(200)).text;
    await responder
      .post(splitPage(windowJoined))
      .type('form')
      .send({ _csrf: csrfOf(own), reason: 'Not theirs to decide' })
      .expect(403);
    expect(await referrals()).toBe(2);
    expect(await audited(`AIS:${windowJoined}`)).toEqual([]);
  });

  it('answers a refused split or join with 303 to its page, which names each field and keeps what was typed', async () => {
    const { agent, csrf } = await leadOn(splitPage(windowJoined));
    const split = await refusedPost(agent, splitPage(windowJoined), { _csrf: csrf, reason: '   ' }, splitPage(windowJoined));
    expect(split.text).toContain('govuk-error-summary');
    expect(split.text).toContain('href="#reason"');
    expect(split.text).toContain('Enter why it is a referral of its own');
    expect(split.text).toMatch(/<title>Error: /);

    const join = joinPage(ownNoKind, 'LCS');
    const nothing = await refusedPost(agent, join, { _csrf: csrf }, join);
    expect(nothing.text).toContain('href="#episode"');
    expect(nothing.text).toContain('Select the referral it is the same as');
    expect(nothing.text).toContain('href="#reason"');
    expect(nothing.text).toContain('Enter why they are the same referral');

    const unknown = await refusedPost(agent, join, { _csrf: csrf, episode: 'other-referral', otherReference: 'RH-1999-999999', reason: 'Typed twice' }, join);
    expect(unknown.text).toContain('href="#otherReference"');
    expect(unknown.text).toContain('No Referral Hub referral has that reference');
    expect(unknown.text).toContain('value="RH-1999-999999"');
    expect(unknown.text).toContain('Typed twice');
    expect(unknown.text).not.toContain('href="#reason"');

    const noRecord = await refusedPost(agent, join, { _csrf: csrf, episode: 'other-record', reason: 'Typed twice' }, join);
    expect(noRecord.text).toContain('href="#otherSystem"');
    expect(noRecord.text).toContain('Select AIS or LCS');
    expect(noRecord.text).toContain('href="#otherRecordId"');
    expect(noRecord.text).toContain('Enter the record number in AIS or LCS');

    // The API's 422 (the record itself, or one counted with it), named against the choice.
    const itself = await refusedPost(agent, join, { _csrf: csrf, episode: `LCS:${ownNoKind}`, reason: 'Typed twice' }, join);
    expect(itself.text).toContain('href="#episode"');
    expect(itself.text).toContain('Choose another referral: that one is this record');
    for (const page of [split, nothing, unknown, noRecord, itself])
      expect(page.text).not.toMatch(/should not be empty|must be a string|referralId|recordId must/);

    // Once: a reload shows the page as it is. Nothing was decided or audited.
    expect((await agent.get(join).expect(200)).text).not.toContain('govuk-error-summary');
    expect(await referrals()).toBe(2);
    expect([...(await audited(`AIS:${windowJoined}`)), ...(await audited(`LCS:${ownNoKind}`))]).toEqual([]);
  });

  it('splits a record into a referral of its own: one more referral, audited as the API does, and a second Submit splits nothing more', async () => {
    const { agent, csrf } = await leadOn(splitPage(windowJoined));
    const form = { _csrf: csrf, reason: 'A second referral: a new exploitation' };
    await agent.post(splitPage(windowJoined)).type('form').send(form).expect(303).expect('Location', '/data-quality');
    const shown = (await agent.get('/data-quality').expect(200)).text;
    expect(shown).toContain('govuk-notification-banner--success');
    expect(shown).toContain(`Split: AIS record ${windowJoined} is now counted as a referral of its own. The figures count one more referral.`);
    expect(await referrals()).toBe(3);
    expect(await audited(`AIS:${windowJoined}`)).toEqual(['episode.split']);
    const { rows } = await system.sql.query(`SELECT details FROM central.audit_events WHERE action = 'episode.split' AND subject_id = $1`, [
      `AIS:${windowJoined}`,
    ]);
    expect(rows[0].details).toEqual({ reason: 'A second referral: a new exploitation' });

    // Sent again (a double click, or Back and Submit): the API's split leaves a split record as it is.
    await agent.post(splitPage(windowJoined)).type('form').send(form).expect(303).expect('Location', '/data-quality');
    expect((await agent.get('/data-quality').expect(200)).text).toContain('was counted as a referral of its own already');
    expect(await referrals()).toBe(3);
    const view = (await request(intake.getHttpServer()).get(`/v1/episodes/AIS/${windowJoined}`).set('Authorization', lead).expect(200)).body;
    expect(view).toMatchObject({ joined: null, leadDecision: { decision: 'split', reason: 'A second referral: a new exploitation' } });
    // The reason is kept with the decision, as the split page promised: the data-quality page shows it as a join's.
    const row = /<tr class="govuk-table__row">(?:(?!<\/tr>)[\s\S])*?Split by the lead(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(
      (await agent.get('/data-quality').expect(200)).text,
    );
    expect(row?.[0]).toContain('A second referral: a new exploitation');
    expect((await agent.get(splitPage(windowJoined)).expect(200)).text).toContain('A second referral: a new exploitation');
  });

  it('joins a record to the referral it repeats: one fewer referral, by a listed referral or by its reference, and a second Submit joins nothing more', async () => {
    const { agent, csrf } = await leadOn(joinPage(windowJoined));
    const form = { _csrf: csrf, episode: `referral:${referralId}`, reason: 'The same referral after all' };
    await agent.post(joinPage(windowJoined)).type('form').send(form).expect(303).expect('Location', '/data-quality');
    const shown = (await agent.get('/data-quality').expect(200)).text;
    expect(shown).toContain(
      `Joined: AIS record ${windowJoined} is now counted as the same referral as Referral Hub referral ${reference}. The figures count one fewer referral.`,
    );
    expect(await referrals()).toBe(2);
    await agent.post(joinPage(windowJoined)).type('form').send(form).expect(303);
    expect((await agent.get('/data-quality').expect(200)).text).toContain('It was counted with it already');
    expect(await referrals()).toBe(2);
    expect(await audited(`AIS:${windowJoined}`)).toEqual(['episode.split', 'episode.split', 'episode.join', 'episode.join']);

    // Another referral by the reference on its page, typed in lower case.
    const join = joinPage(ownNoKind, 'LCS');
    await agent
      .post(join)
      .type('form')
      .send({ _csrf: csrf, episode: 'other-referral', otherReference: reference.toLowerCase(), reason: 'Recorded again in LCS' })
      .expect(303)
      .expect('Location', '/data-quality');
    expect(await referrals()).toBe(1);
    const view = (await request(intake.getHttpServer()).get(`/v1/episodes/LCS/${ownNoKind}`).set('Authorization', lead).expect(200)).body;
    expect(view).toMatchObject({ joined: { referralId, rule: 'lead', reason: 'Recorded again in LCS' }, leadDecision: { decision: 'join' } });
    // The data-quality page lists both records as decided, each offering Split again.
    const quality = (await agent.get('/data-quality').expect(200)).text;
    expect(quality).toContain(`href="${splitPage(ownNoKind, 'LCS')}"`);
    expect(quality.match(/Joined by the lead/g)).toHaveLength(2);
  });
  it("offers the same on the person's page, for the records entered directly only, and goes back there", async () => {
    // A person of their own, in April, so the May figures the other tests count are untouched.
    const someone = await fixtures.person();
    const hub = await fixtures.referral({ referredAt: '2026-04-01T10:00:00Z' });
    await fixtures.link(hub, someone);
    const joinedToHub = await fixtures.directEntry({ system: 'AIS', referredOn: '2026-04-03', personId: someone, joinedReferralId: hub });
    const alone = await fixtures.directEntry({ system: 'LCS', referredOn: '2026-04-20', personId: someone });
    const april = async (): Promise<number> =>
      (
        (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-04-01&to=2026-04-30').set('Authorization', lead).expect(200))
          .body as StatisticsBody
      ).referrals.total;
    const { agent, html } = await leadOn(`/persons/${someone}`);
    const fromPerson = (page: string) => `${page}?back=person`;
    expect(html).toContain(`href="${fromPerson(joinPage(joinedToHub))}"`);
    expect(html).toContain(`href="${fromPerson(splitPage(joinedToHub))}"`);
    expect(html).toContain(`href="${fromPerson(joinPage(alone, 'LCS'))}"`);
    expect(html).not.toContain(`href="${fromPerson(splitPage(alone, 'LCS'))}"`);
    // The hub referral's own record is no direct entry: nothing to split or join.
    expect(html.match(/href="\/episodes\//g)).toHaveLength(3);

    // A refusal keeps the way back; a decision returns to the person's page.
    const split = (await agent.get(fromPerson(splitPage(joinedToHub))).expect(200)).text;
    expect(split).toContain(`href="/persons/${someone}"`);
    const refused = await agent
      .post(splitPage(joinedToHub))
      .type('form')
      .send({ _csrf: csrfOf(split), back: 'person' })
      .expect(303);
    expect(refused.headers.location).toBe(fromPerson(splitPage(joinedToHub)));
    // A NUL typed into the reason (PostgreSQL cannot store it) is a refusal naming it, never a 500.
    const nul = await agent
      .post(splitPage(joinedToHub))
      .type('form')
      .send({ _csrf: csrfOf(split), back: 'person', reason: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.text).toContain('must not contain the NUL character');
    expect(await april()).toBe(2);
    const done = await agent
      .post(splitPage(joinedToHub))
      .type('form')
      .send({ _csrf: csrfOf(split), back: 'person', reason: 'A second referral, checked with the practitioner' })
      .expect(303);
    expect(done.headers.location).toBe(`/persons/${someone}`);
    expect(await april()).toBe(3);
  });
});
