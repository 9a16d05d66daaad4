import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { startSystem, type TestSystem } from './support/system';
import { answerJourney, csrfOf, signIn, type PageAgent } from './support/web';
import { ifStarted } from './support/teardown';

/**
 * The Home Office form's further questions asked by the web journey (after the details, offered from "Check your
 * answers"): what a first responder answers there is stored in the referral, read back before sending, and handed
 * back as the form's answers by GET /v1/referrals/:id/home-office-answers.
 */
describe("the web journey asks the Home Office form's further questions", () => {
  let system: TestSystem;
  let app: INestApplication<Server>;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    app = system.intake!;
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  /** The details of a consenting adult that every referral needs. */
  const DETAILS = {
    'exploitation.types': 'labour',
    'exploitation.location': 'uk',
    'exploitation.ukTowns': 'Slough',
    'exploitation.ongoing': 'no',
    'potentialVictim.firstName': 'Arben',
    'potentialVictim.lastName': 'Gashi',
    'potentialVictim.gender': 'male',
    'potentialVictim.nationality': 'ALB',
    'potentialVictim.contact.email': 'arben@example.com',
    'firstResponder.organisationType': 'police',
    'firstResponder.name': 'Sam Officer',
    'firstResponder.role': 'DC',
    'firstResponder.email': 'sam@police.example',
  };

  /** The age and consent pages of a consenting adult; the details page's HTML. */
  async function adultToDetails(agent: PageAgent): Promise<string> {
    const age = await agent.get('/referrals/new').expect(200);
    await agent
      .post('/referrals/new')
      .type('form')
      .send({ _csrf: csrfOf(age.text), under18: 'no', under18DuringExploitation: 'no' })
      .expect(303);
    const consent = await agent.get('/referrals/new/consent').expect(200);
    await agent
      .post('/referrals/new/consent')
      .type('form')
      .send({ _csrf: csrfOf(consent.text), cooperatesWithAuthorities: 'yes', consentToNrm: 'yes' })
      .expect(303);
    return (await agent.get('/referrals/new/details').expect(200)).text;
  }

  /** Up to "Check your answers". */
  async function adultDetails(agent: PageAgent, extra: Record<string, string | string[]> = {}): Promise<void> {
    const details = await adultToDetails(agent);
    await agent
      .post('/referrals/new/details')
      .type('form')
      .send({ _csrf: csrfOf(details), ...DETAILS, ...extra })
      .expect(303)
      .expect('Location', '/referrals/new/check');
  }

  /** Answers one of the pages and returns where Continue led. */
  async function answer(agent: PageAgent, slug: string, answers: Record<string, string>, query = ''): Promise<string> {
    const page = await agent.get(`/referrals/new/${slug}${query}`).expect(200);
    const res = await agent
      .post(`/referrals/new/${slug}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...(query ? { returnTo: 'check' } : {}), ...answers })
      .expect(303);
    return res.headers.location;
  }

  it("stores the answers, reads them back on Check your answers, and hands them back as the form's answers", async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await adultDetails(agent);
    // Check your answers offers the form's other questions while none is answered.
    const offered = await agent.get('/referrals/new/check').expect(200);
    expect(offered.text).toContain('Answer the Home Office form&#39;s other questions');
    expect(offered.text).toContain('href="/referrals/new/background"');

    const background = await agent.get('/referrals/new/background').expect(200);
    expect(background.text).toContain('Was the potential victim taken somewhere by their exploiters?');
    expect(background.text).toContain('govuk-radios__conditional');
    expect(
      await answer(agent, 'background', {
        'potentialVictim.background.birthplace': 'Durrës, Albania',
        'exploitation.multipleSituations': 'no',
        'exploitation.howItStarted': 'Offered work in a car wash',
        'exploitation.takenSomewhere': 'yes',
        'exploitation.journeyDetails': 'By lorry to Dover',
      }),
    ).toBe('/referrals/new/treatment');
    // Still in the situation was answered "no" on the details page: how they left is asked, not what keeps them.
    const treatment = await agent.get('/referrals/new/treatment').expect(200);
    expect(treatment.text).toContain('How did the potential victim leave the exploitative situation?');
    expect(treatment.text).not.toContain('What is keeping the potential victim in the situation?');
    expect(await answer(agent, 'treatment', { 'exploitation.howTheyLeft': 'Ran to a police station', 'exploitation.lastContact': 'last_month' })).toBe(
      '/referrals/new/assessment',
    );
    expect(
      await answer(agent, 'assessment', {
        'firstResponderAssessment.reportedBefore': 'no',
        'firstResponderAssessment.whyNotReportedSooner': 'Afraid of the exploiters',
        'firstResponderAssessment.modernSlaveryIndicators': 'yes',
        'firstResponderAssessment.modernSlaveryIndicatorsDetails': 'Passport held by the employer',
      }),
    ).toBe('/referrals/new/exploiters');
    expect(
      await answer(agent, 'exploiters', {
        'potentialVictim.currentLocation.town': 'Reading',
        'potentialVictim.currentLocation.region': 'Berkshire',
        'exploitation.exploiters.locationKnown': 'yes',
        'exploitation.exploiters.inUk': 'yes',
        'exploitation.exploiters.locationDetails': 'A car wash in Slough',
        'exploitation.otherVictims': 'not_sure',
        'exploitation.otherVictimsDetailsNotSure': 'Two others at the car wash',
        cooperationDetails: 'Will give a statement',
      }),
    ).toBe('/referrals/new/support');
    // A follow-up the rules need is asked again on its own page, named in the error summary.
    const refused = await answer(agent, 'support', {
      'potentialVictim.needsSupport': 'yes',
      supportContact: 'alternative',
      'potentialVictim.contact.alternativePhone': '07700 900123',
      'potentialVictim.hasChildren': 'yes',
      decisionTo: 'potential_victim',
      'potentialVictim.contact.safeToEmail': 'yes',
      'firstResponder.reportMadeIn': 'england',
    });
    expect(refused).toBe('/referrals/new/support');
    const problems = await agent.get('/referrals/new/support').expect(200);
    expect(problems.text).toContain('govuk-error-summary');
    expect(problems.text).toContain('href="#potentialVictim-numberOfChildren">Enter the number of children</a>');
    expect(problems.text).toContain('href="#potentialVictim-contact-alternativePhoneRelation">Enter who the alternative telephone number belongs to</a>');
    expect(problems.text).toContain('value="07700 900123"');
    expect(
      await answer(agent, 'support', {
        'potentialVictim.needsSupport': 'yes',
        supportContact: 'alternative',
        'potentialVictim.contact.alternativePhone': '07700 900123',
        'potentialVictim.contact.alternativePhoneRelation': 'Solicitor',
        'potentialVictim.hasChildren': 'yes',
        'potentialVictim.numberOfChildren': '2',
        decisionTo: 'potential_victim',
        'potentialVictim.contact.safeToEmail': 'yes',
        'firstResponder.reportMadeIn': 'england',
        'firstResponder.alternativeEmail': 'team@police.example',
      }),
    ).toBe('/referrals/new/check');

    // Check your answers: every answer read back in words, each with a link to change it on its page.
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).not.toContain('Answer the Home Office form&#39;s other questions');
    for (const shown of [
      'Durrës, Albania',
      'By lorry to Dover',
      'Ran to a police station',
      'Within the last month',
      'Afraid of the exploiters',
      'Passport held by the employer',
      'A car wash in Slough',
      'Two others at the car wash',
      'Will give a statement',
      'Solicitor',
      'England',
      'team@police.example',
    ]) {
      expect(check.text).toContain(shown);
    }
    expect(check.text).toContain('href="/referrals/new/background?return=check#exploitation-journeyDetails"');
    expect(check.text).toContain('href="/referrals/new/support?return=check#potentialVictim-numberOfChildren"');
    // Change, from the check, comes back to the check.
    expect(
      await answer(agent, 'treatment', { 'exploitation.howTheyLeft': 'Walked out at night', 'exploitation.lastContact': 'last_month' }, '?return=check'),
    ).toBe('/referrals/new/check');

    const created = await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    const id = /\/referrals\/([0-9a-f-]{36})\/confirmation/.exec(created.headers.location)![1];
    const answers = (
      await request(app.getHttpServer())
        .get(`/v1/referrals/${id}/home-office-answers`)
        .set('Authorization', await bearer('first_responder', 'Thames Valley Police'))
        .expect(200)
    ).body;
    expect(answers).toMatchObject({
      'fr-location': 'england',
      birthplace: 'Durrës, Albania',
      'potential-victim-exploitative-situation-multiple': 'no',
      'how-did-the-exploitation-start': 'Offered work in a car wash',
      'were-they-taken-somewhere-by-their-exploiter': 'yes',
      'were-they-taken-somewhere-by-their-exploiter-journey-details': 'By lorry to Dover',
      'still-in-exploitative-situation': 'no',
      'how-why-did-they-leave-the-situation': 'Walked out at night',
      'when-last-contact': 'within-the-last-month',
      'is-this-the-first-chance-to-report': 'no',
      'why-report-now': 'Afraid of the exploiters',
      'modern-slavery-indicators': 'yes',
      'current-pv-location-uk-city': 'Reading',
      'current-pv-location-uk-region': 'Berkshire',
      'exploiters-location': 'yes',
      'are-exploiters-in-the-uk': 'yes',
      'exploiters-current-location-details': 'A car wash in Slough',
      'any-other-pvs': 'not-sure',
      'other-potential-victims-not-sure-details': 'Two others at the car wash',
      'authorities-cooperation-details': 'Will give a statement',
      'does-pv-need-support': 'yes',
      'pv-phone-number': 'pv-alternative-number',
      'pv-phone-number-alternative': '07700 900123',
      'alternative-number-relation-to-pv': 'Solicitor',
      'does-pv-have-children': 'yes',
      'does-pv-have-children-yes-amount': '2',
      'fr-alternative-contact': 'team@police.example',
    });
    // The journey is over: its pages lead back to the start.
    await agent.get('/referrals/new/support').expect(303).expect('Location', '/referrals/new');
  });

  it('sends the decision to someone else only with permission, asking again on its page from Check your answers', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await adultDetails(agent);
    expect(
      await answer(
        agent,
        'support',
        { decisionTo: 'someone_else', 'decisionRecipient.firstName': 'Mira', 'decisionRecipient.email': 'mira@example.com' },
        '?return=check',
      ),
    ).toBe('/referrals/new/support?return=check');
    // Check your answers cannot be reached past the problem: it leads back to the page that shows it.
    await agent.get('/referrals/new/check').expect(303).expect('Location', '/referrals/new/support?return=check');
    const page = await agent.get('/referrals/new/support?return=check').expect(200);
    expect(page.text).toContain('Confirm that the potential victim has given you permission to send the decision to this person');
    expect(
      await answer(
        agent,
        'support',
        {
          decisionTo: 'someone_else',
          'decisionRecipient.firstName': 'Mira',
          'decisionRecipient.email': 'mira@example.com',
          'decisionRecipient.permissionGiven': 'yes',
        },
        '?return=check',
      ),
    ).toBe('/referrals/new/check');
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('mira@example.com');
    // The pages not answered are said so, each with a link to answer it.
    expect(check.text).toContain('Not answered');
    expect(check.text).toContain('href="/referrals/new/assessment?return=check"');
    const created = await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    const id = /\/referrals\/([0-9a-f-]{36})\/confirmation/.exec(created.headers.location)![1];
    const answers = (
      await request(app.getHttpServer())
        .get(`/v1/referrals/${id}/home-office-answers`)
        .set('Authorization', await bearer('first_responder', 'Thames Valley Police'))
        .expect(200)
    ).body;
    expect(answers).toMatchObject({
      'who-contact': 'someone-else',
      'someone-else-first-name': 'Mira',
      'someone-else-email-input': 'mira@example.com',
      'someone-else-permission-check': 'someone-else-permission-check',
    });
  });

  it("asks the form's detailed types under each type, and county lines under criminal exploitation", async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    const types = { 'exploitation.types': ['labour', 'sexual', 'criminal'], 'exploitation.countyLines': 'yes' };
    // Something ticked under sexual exploitation and nothing under labour: the details page asks for the rest.
    const first = await adultToDetails(agent);
    expect(first).toContain('Forced to commit fraud, such as using their identity to claim benefits');
    await agent
      .post('/referrals/new/details')
      .type('form')
      .send({ _csrf: csrfOf(first), ...DETAILS, ...types, 'exploitation.homeOfficeTypes': 'prostitution' })
      .expect(303)
      .expect('Location', '/referrals/new/details');
    const details = await agent.get('/referrals/new/details').expect(200);
    expect(details.text).toContain('href="#exploitation-types">Select what happened under each type of exploitation you selected, or under none of them</a>');
    await agent
      .post('/referrals/new/details')
      .type('form')
      .send({ _csrf: csrfOf(details.text), ...DETAILS, ...types, 'exploitation.homeOfficeTypes': ['prostitution', 'forced-to-commit-fraud'] })
      .expect(303)
      .expect('Location', '/referrals/new/check');
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('Forced to commit fraud, Forced into prostitution, Forced to commit crime');
    expect(check.text).toMatch(/County lines\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Yes/);
    const created = await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    const id = /\/referrals\/([0-9a-f-]{36})\/confirmation/.exec(created.headers.location)![1];
    const answers = (
      await request(app.getHttpServer())
        .get(`/v1/referrals/${id}/home-office-answers`)
        .set('Authorization', await bearer('first_responder', 'Thames Valley Police'))
        .expect(200)
    ).body;
    expect(answers).toMatchObject({
      'types-of-exploitation-forced-to-commit-fraud': 'true',
      'types-of-exploitation-prostitution': 'true',
      'types-of-exploitation-forced-to-commit-crime': 'true',
    });
    expect(answers['types-of-exploitation-forced-to-work']).toBeUndefined();
  });

  it('keeps the paragraphs of what happened on Check your answers and the answers for the form, escaped', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await adultDetails(agent, { narrative: 'Found at a car wash.\r\n\r\nSaid <b>his passport</b> was kept & he was not paid.' });
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('Found at a car wash.<br><br>Said &lt;b&gt;his passport&lt;/b&gt; was kept &amp; he was not paid.');
    // A screen reader hears "Change consents to an NRM referral", the acronym as written.
    expect(check.text).toContain('<span class="govuk-visually-hidden"> consents to an NRM referral</span>');
    expect(check.text).not.toContain('an nrm referral');
    const created = await agent
      .post('/referrals/new/check')
      .type('form')
      .send({ _csrf: csrfOf(check.text) })
      .expect(303);
    const id = /\/referrals\/([0-9a-f-]{36})\/confirmation/.exec(created.headers.location)![1];
    const page = await agent.get(`/referrals/${id}/home-office-answers`).expect(200);
    expect(page.text).toMatch(/Found at a car wash\.<br \/>\s*<br \/>\s*Said &lt;b&gt;his passport&lt;\/b&gt; was kept &amp; he was not paid\./);
    expect(page.text).not.toContain('<b>his passport</b>');
  });

  it('asks a Duty to Notify why the NRM was declined, and no support or decision questions', async () => {
    const agent = await signIn(app, 'first_responder', 'Thames Valley Police');
    await answerJourney(
      agent,
      { under18: 'no', under18DuringExploitation: 'no' },
      { cooperatesWithAuthorities: 'no', consentToNrm: 'no' },
      {
        'potentialVictim.gender': 'female',
        'potentialVictim.nationality': 'ERI',
        'exploitation.types': 'sexual',
        'exploitation.location': 'overseas',
        'firstResponder.organisationType': 'police',
        'firstResponder.name': 'Sam Officer',
        'firstResponder.role': 'DC',
        'firstResponder.email': 'sam@police.example',
      },
    );
    const exploiters = await agent.get('/referrals/new/exploiters').expect(200);
    expect(exploiters.text).toContain('Why doesn&#39;t the potential victim want their case referred to the NRM?');
    expect(exploiters.text).not.toContain('Where was the potential victim exploited in the UK?');
    const support = await agent.get('/referrals/new/support').expect(200);
    expect(support.text).not.toContain('Does the potential victim want support?');
    expect(support.text).not.toContain('Who should we send our decision to?');
    expect(await answer(agent, 'exploiters', { declinedNrmReason: 'Fears for her family at home' })).toBe('/referrals/new/support');
    const check = await agent.get('/referrals/new/check').expect(200);
    expect(check.text).toContain('Fears for her family at home');
    await agent.get('/referrals/new/nonsense').expect(404);
  });
});
