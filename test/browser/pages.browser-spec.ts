import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { eventually, useTestEnvironment } from '../support/env';
import { enterDirectly, RunningMimic, startAis, startLcs } from '../support/mimics';
import { aChildReferral } from '../support/fixtures';
import { axeViolations, axeViolationsBesideRevealingRadios, launchChromium, screenshot } from './support/browser';
import { ifStarted } from '../support/teardown';
import { dropPrefixKeys } from '../support/redis-server';

/**
 * The pages in a real browser: intake and insights in-process on free ports, with both case-system mimics, the
 * router and the deduplicator, on real PostgreSQL and Redis.
 */
describe('web pages in Chromium', () => {
  let db: TestDatabase;
  let ais: RunningMimic;
  let lcs: RunningMimic;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let router: INestApplicationContext;
  let deduplicator: INestApplicationContext;
  let browser: Browser;
  let sql: Client;
  let intakeUrl: string;
  let insightsUrl: string;
  const contexts: BrowserContext[] = [];
  let prefix: string | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = useTestEnvironment({ DATABASE_URL: db.url, FEED_POLL_MS: 100, ROUTING_BACKOFF_MS: 100 });
    ais = await startAis({ databaseUrl: db.url });
    lcs = await startLcs({ databaseUrl: db.url });
    process.env.AIS_URL = ais.url;
    process.env.LCS_URL = lcs.url;
    const { createIntakeApp } = await import('../../apps/intake/src/intake.app');
    const { createInsightsApp } = await import('../../apps/insights/src/insights.app');
    const { RouterModule } = await import('../../apps/router/src/router.module');
    const { DeduplicatorModule } = await import('../../apps/deduplicator/src/deduplicator.module');
    intake = await createIntakeApp();
    insights = await createInsightsApp();
    await intake.listen(0, '127.0.0.1');
    await insights.listen(0, '127.0.0.1');
    intakeUrl = `http://127.0.0.1:${(intake.getHttpServer().address() as AddressInfo).port}`;
    insightsUrl = `http://127.0.0.1:${(insights.getHttpServer().address() as AddressInfo).port}`;
    router = await NestFactory.createApplicationContext(RouterModule, { logger: false });
    await router.init();
    deduplicator = await NestFactory.createApplicationContext(DeduplicatorModule, { logger: false });
    await deduplicator.init();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ifStarted(browser)?.close();
    await ifStarted(deduplicator)?.close();
    await ifStarted(router)?.close();
    await ifStarted(insights)?.close();
    await ifStarted(intake)?.close();
    await ifStarted(ais)?.close();
    await ifStarted(lcs)?.close();
    await ifStarted(sql)?.end();
    await ifStarted(db)?.drop();
    if (prefix) await dropPrefixKeys(process.env.REDIS_URL!, prefix);
  });

  async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      acceptDownloads: true,
      viewport: { width: options.width ?? 1100, height: 900 },
    });
    contexts.push(context);
    return context.newPage();
  }

  /** Development sign-in, through the page as a person would use it. */
  async function signIn(page: Page, base: string, role: string, organisation?: string): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await page.check(`input[name="role"][value="${role}"]`);
    if (organisation) await page.fill('#organisation', organisation);
    if (role === 'board_viewer') await page.selectOption('#board', 'community_safety_partnership');
    await page.click('button:has-text("Sign in")');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  async function expectNoAxeViolations(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  /** As expectNoAxeViolations, setting aside GOV.UK's aria-expanded on radios that reveal a question (see the helper). */
  async function expectNoAxeViolationsWithRevealingRadios(page: Page): Promise<void> {
    expect(await axeViolationsBesideRevealingRadios(page)).toEqual([]);
  }

  /** The engine's own terms never reach a page a social worker reads. */
  async function expectPlainWords(page: Page): Promise<void> {
    const text = (await page.textContent('body')) ?? '';
    for (const term of ['NO_MATCH', 'POSSIBLE_MATCH', 'sibling_guard', 'age_at_referral', 'log2', 'referral_hub', 'SDN', 'VNM', 'NGA']) {
      expect({ term, found: text.includes(term) }).toEqual({ term, found: false });
    }
    // One date style: no ISO dates beside "5 December 2026".
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  }

  /** Answers of "Your details" that every referral needs. */
  async function fillFirstResponder(page: Page): Promise<void> {
    await page.selectOption('#firstResponder-organisationType', 'police');
    await page.fill('#firstResponder-name', 'Sam Officer');
    await page.fill('#firstResponder-role', 'Detective Constable');
    await page.fill('#firstResponder-email', 'sam.officer@police.example');
  }

  async function fillChildDetails(page: Page, name: { first: string; last: string }): Promise<void> {
    await page.fill('#localAuthorityContact-authority', 'Buckinghamshire Council');
    await page.fill('#localAuthorityContact-phone', '01296 395000');
    await page.fill('#localAuthorityContact-email', 'mash@buckinghamshire.example');
    await page.check('input[name="exploitation.types"][value="criminal"]');
    await page.check('input[name="exploitation.location"][value="uk"]');
    await page.fill('#exploitation-ukTowns', 'Aylesbury\nHigh Wycombe');
    await page.fill('#potentialVictim-firstName', name.first);
    await page.fill('#potentialVictim-lastName', name.last);
    await page.fill('#potentialVictim-dateOfBirth-day', '14');
    await page.fill('#potentialVictim-dateOfBirth-month', '2');
    await page.fill('#potentialVictim-dateOfBirth-year', '2011');
    await page.check('input[name="potentialVictim.gender"][value="male"]');
    await page.selectOption('#potentialVictim-nationality', 'VNM');
    await fillFirstResponder(page);
  }

  it('logs a child referral: the local-authority contact asked, no consent, sent to LCS', async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    expect(new URL(page.url()).pathname).toBe('/referrals/new');
    await expectNoAxeViolations(page);
    await screenshot(page, '01-age-question');
    await page.check('#under18');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    expect(await page.isVisible('#localAuthorityContact-authority')).toBe(true);
    expect(await page.locator('#consentToNrm').count()).toBe(0);
    await fillChildDetails(page, { first: 'Minh', last: 'Tran' });
    await expectNoAxeViolations(page);
    await screenshot(page, '02-child-details');
    await page.click('button:has-text("Continue")');
    // Check your answers: nothing sent yet, the answers read back.
    expect(await page.textContent('h1')).toContain('Check your answers');
    expect(await page.textContent('main')).toContain('Tran');
    await expectNoAxeViolations(page);
    await screenshot(page, '02b-check-answers');
    await page.click('button:has-text("Submit referral")');
    await page.waitForURL('**/confirmation');
    const panel = await page.innerText('.govuk-panel');
    expect(panel).toMatch(/Referral logged for the council\s+Council reference number\s*RH-\d{4}-\d+/);
    const confirmation = await page.innerText('main');
    expect(confirmation).toContain("the children's case system (LCS)");
    // Referral Hub sends nothing to the Home Office: the page says so and where it must also be submitted.
    expect(confirmation).toContain('This has not been sent to the Home Office');
    expect(confirmation).not.toMatch(/Home Office aims to decide|Referral submitted/);
    expect(await page.getAttribute('a:has-text("Home Office\'s online form")', 'href')).toBe(
      'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, '03-child-confirmation');

    // The router delivers it: the referral's page shows it sent.
    await page.click('text=See the referral and its status');
    await eventually(
      async () => {
        await page.reload();
        return (await page.textContent('h1'))?.includes('Sent');
      },
      20000,
      300,
    );
    expect(await page.textContent('main')).toMatch(/LCS \S+/);
    await expectNoAxeViolations(page);

    // The Home Office step on the referral's page: a missing answer is named, then the submission is recorded.
    expect(await page.textContent('#main-content')).toContain('no submission to the Home Office has been recorded');
    await page.fill('#submittedAt-day', '3');
    await page.fill('#submittedAt-month', '12');
    await page.fill('#submittedAt-year', '2026');
    await page.click('button:has-text("Record the submission")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the reference the Home Office gave it');
    await expectNoAxeViolations(page);
    await page.fill('#reference', 'NRM-2026-000777');
    await page.check('input[name="competentAuthority"][value="SCA"]');
    await page.click('button:has-text("Record the submission")');
    expect(await page.textContent('main')).toContain('NRM-2026-000777');
    expect(await page.textContent('main')).toContain('Single Competent Authority (SCA)');
    await expectNoAxeViolations(page);
    await screenshot(page, '03a-home-office-submission');

    // Their organisation's referrals, filtered.
    await page.click('nav a:has-text("Referrals")');
    await page.selectOption('#kind', 'nrm');
    await page.click('button:has-text("Apply filters")');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('nrm');
    expect(await page.locator('table.govuk-table tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);
    await screenshot(page, '03b-referrals-list');
  });

  it('logs an adult Duty to Notify: consent asked, identity fields hidden, sent to AIS', async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    await page.check('input[name="under18"][value="no"]');
    await page.check('input[name="under18DuringExploitation"][value="no"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/consent');
    await expectNoAxeViolations(page);
    await screenshot(page, '04-consent');
    await page.check('input[name="cooperatesWithAuthorities"][value="no"]');
    await page.check('input[name="consentToNrm"][value="no"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    expect(await page.textContent('.govuk-inset-text')).toContain('anonymous');
    for (const hidden of [
      '#potentialVictim-firstName',
      '#potentialVictim-lastName',
      '#potentialVictim-dateOfBirth-day',
      '#potentialVictim-nhsNumber',
      '#potentialVictim-contact-email',
      '#localAuthorityContact-authority',
    ]) {
      expect({ hidden, count: await page.locator(hidden).count() }).toEqual({ hidden, count: 0 });
    }
    await page.check('input[name="exploitation.types"][value="labour"]');
    await page.check('input[name="exploitation.location"][value="overseas"]');
    await page.fill('#exploitation-countries', 'Libya');
    await page.check('input[name="potentialVictim.gender"][value="male"]');
    await page.selectOption('#potentialVictim-nationality', 'ERI');
    await fillFirstResponder(page);
    await screenshot(page, '05-dtn-details');
    await page.click('button:has-text("Continue")');
    await page.click('button:has-text("Submit notification")');
    await page.waitForURL('**/confirmation');
    expect(await page.textContent('.govuk-panel')).toContain('Notification logged for the council');
    expect(await page.textContent('main')).toContain("the adults' case system (AIS)");
    const id = /\/referrals\/([0-9a-f-]{36})\//.exec(page.url())![1];
    const row = await sql.query(
      `SELECT kind, anonymous, details->'potentialVictim' AS victim, details->'exploitation'->'countries' AS countries FROM central.referrals WHERE id = $1`,
      [id],
    );
    expect(row.rows[0]).toEqual({ kind: 'dtn', anonymous: true, victim: { gender: 'male', nationality: 'ERI' }, countries: ['LBY'] });

    // Logged a week ago (the clock cannot move, the row can) and not submitted: it is on the worklist.
    await sql.query(`UPDATE central.referrals SET received_at = now() - interval '7 days' WHERE id = $1`, [id]);
    const {
      rows: [logged],
    } = await sql.query(`SELECT reference FROM central.referrals WHERE id = $1`, [id]);
    await page.click('nav a:has-text("Not yet submitted")');
    await page.waitForURL('**/worklists/not-submitted');
    expect(await page.textContent('table.govuk-table')).toContain(logged.reference);
    await expectNoAxeViolations(page);
    await screenshot(page, '05b-not-submitted-worklist');
  });

  it('keeps every answer, names included, through Back from Check your answers and Back after Change', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    await page.check('input[name="under18"][value="no"]');
    await page.check('input[name="under18DuringExploitation"][value="no"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/consent');
    await page.check('input[name="cooperatesWithAuthorities"][value="yes"]');
    await page.check('input[name="consentToNrm"][value="yes"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    await page.check('input[name="exploitation.types"][value="labour"]');
    await page.check('input[name="exploitation.location"][value="uk"]');
    await page.fill('#potentialVictim-firstName', 'Dritan');
    await page.fill('#potentialVictim-lastName', 'Hoxha');
    await page.fill('#potentialVictim-dateOfBirth-day', '3');
    await page.fill('#potentialVictim-dateOfBirth-month', '9');
    await page.fill('#potentialVictim-dateOfBirth-year', '1998');
    await page.check('input[name="potentialVictim.gender"][value="male"]');
    await page.selectOption('#potentialVictim-nationality', 'ALB');
    await fillFirstResponder(page);
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/check');
    expect(await page.textContent('main')).toContain('Hoxha');
    await screenshot(page, '05b-adult-check-answers');

    // The browser's Back button: the details page again, every answer still there.
    await page.goBack();
    await page.waitForURL('**/referrals/new/details');
    const expectFilled = async () => {
      expect(await page.inputValue('#potentialVictim-firstName')).toBe('Dritan');
      expect(await page.inputValue('#potentialVictim-lastName')).toBe('Hoxha');
      expect(await page.inputValue('#potentialVictim-dateOfBirth-day')).toBe('3');
      expect(await page.inputValue('#potentialVictim-dateOfBirth-year')).toBe('1998');
      expect(await page.isChecked('input[name="exploitation.types"][value="labour"]')).toBe(true);
      expect(await page.isChecked('input[name="potentialVictim.gender"][value="male"]')).toBe(true);
      expect(await page.inputValue('#potentialVictim-nationality')).toBe('ALB');
      expect(await page.inputValue('#firstResponder-name')).toBe('Sam Officer');
    };
    await expectFilled();
    await screenshot(page, '05c-details-after-back');

    // Forward again, then "Change your answers", then Back: the check page, not a browser error.
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/check');
    await page.click('a.govuk-button:has-text("Change your answers")');
    await page.waitForURL('**/referrals/new/details');
    await expectFilled();
    await page.goBack();
    await page.waitForURL('**/referrals/new/check');
    expect(await page.textContent('h1')).toContain('Check your answers');
    expect(await page.textContent('main')).toContain('Dritan');
    expect(await page.content()).not.toContain('ERR_CACHE_MISS');
    await screenshot(page, '05d-check-after-change-and-back');
    await page.click('button:has-text("Submit referral")');
    await page.waitForURL('**/confirmation');
    // Back from the confirmation cannot send it twice: the journey is over.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/referrals/new');
    const id = /\/referrals\/([0-9a-f-]{36})\//.exec(
      (await sql.query(`SELECT '/referrals/' || id || '/' AS p FROM central.referrals WHERE details->'potentialVictim'->>'lastName' = 'Hoxha'`)).rows[0]
        .p as string,
    )![1];
    expect(id).toBeDefined();
    expect(errors).toEqual([]);
  });

  it("asks the Home Office form's further questions on their own pages, with reveals, and reads them back", async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    await page.check('input[name="under18"][value="no"]');
    await page.check('input[name="under18DuringExploitation"][value="no"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/consent');
    await page.check('input[name="cooperatesWithAuthorities"][value="yes"]');
    await page.check('input[name="consentToNrm"][value="yes"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    // The form's detailed types are revealed under the statistics type they count as.
    expect(await page.isVisible('text=Forced to commit fraud, such as using their identity to claim benefits')).toBe(false);
    await page.check('input[name="exploitation.types"][value="labour"]');
    await page.check('input[name="exploitation.homeOfficeTypes"][value="forced-to-commit-fraud"]');
    await page.check('input[name="exploitation.types"][value="criminal"]');
    await page.check('#exploitation-countyLines');
    await page.check('input[name="exploitation.location"][value="uk"]');
    await page.fill('#exploitation-ukTowns', 'Slough');
    await page.check('input[name="exploitation.ongoing"][value="no"]');
    await page.fill('#potentialVictim-firstName', 'Arben');
    await page.fill('#potentialVictim-lastName', 'Gashi');
    await page.check('input[name="potentialVictim.gender"][value="male"]');
    await page.selectOption('#potentialVictim-nationality', 'ALB');
    await page.fill('#potentialVictim-contact-email', 'arben@example.com');
    await fillFirstResponder(page);
    await expectNoAxeViolations(page);
    await screenshot(page, '06a-details-detailed-types');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/check');
    await screenshot(page, '06b-check-offers-questions');
    await page.click('a:has-text("Answer the Home Office form\'s other questions")');

    await page.waitForURL('**/referrals/new/background');
    await page.fill('#potentialVictim-background-birthplace', 'Durrës, Albania');
    expect(await page.isVisible('#exploitation-journeyDetails')).toBe(false);
    await page.check('input[name="exploitation.takenSomewhere"][value="yes"]');
    await page.fill('#exploitation-journeyDetails', 'By lorry to Dover');
    await expectNoAxeViolationsWithRevealingRadios(page);
    await screenshot(page, '06c-questions-background');
    await page.click('button:has-text("Continue")');

    await page.waitForURL('**/referrals/new/treatment');
    await page.fill('#exploitation-howTheyLeft', 'Ran to a police station');
    await page.check('input[name="exploitation.lastContact"][value="last_month"]');
    await expectNoAxeViolationsWithRevealingRadios(page);
    await screenshot(page, '06d-questions-treatment');
    await page.click('button:has-text("Continue")');

    await page.waitForURL('**/referrals/new/assessment');
    await page.check('input[name="firstResponderAssessment.reportedBefore"][value="no"]');
    await page.fill('#firstResponderAssessment-whyNotReportedSooner', 'Afraid of the exploiters');
    await expectNoAxeViolationsWithRevealingRadios(page);
    await screenshot(page, '06e-questions-assessment');
    await page.click('button:has-text("Continue")');

    await page.waitForURL('**/referrals/new/exploiters');
    await page.check('input[name="exploitation.exploiters.locationKnown"][value="yes"]');
    await page.check('input[name="exploitation.exploiters.inUk"][value="yes"]');
    await page.fill('#exploitation-exploiters-locationDetails', 'A car wash in Slough');
    await expectNoAxeViolationsWithRevealingRadios(page);
    await screenshot(page, '06f-questions-exploiters');
    await page.click('button:has-text("Continue")');

    await page.waitForURL('**/referrals/new/support');
    await page.check('input[name="potentialVictim.needsSupport"][value="yes"]');
    await page.check('input[name="supportContact"][value="alternative"]');
    await page.fill('#potentialVictim-contact-alternativePhone', '07700 900123');
    await page.check('input[name="decisionTo"][value="someone_else"]');
    await page.fill('#decisionRecipient-email', 'mira@example.com');
    await page.click('button:has-text("Continue")');
    // The rules' problems, on the page that asks the questions, named in the error summary.
    const summary = (await page.textContent('.govuk-error-summary')) ?? '';
    expect(summary).toContain('Enter who the alternative telephone number belongs to');
    expect(summary).toContain('Confirm that the potential victim has given you permission to send the decision to this person');
    expect(await page.inputValue('#decisionRecipient-email')).toBe('mira@example.com');
    await expectNoAxeViolationsWithRevealingRadios(page);
    await screenshot(page, '06g-questions-support-errors');
    await page.fill('#potentialVictim-contact-alternativePhoneRelation', 'Solicitor');
    await page.check('#decisionRecipient-permissionGiven');
    await page.check('input[name="firstResponder.reportMadeIn"][value="england"]');
    await page.click('button:has-text("Continue")');

    await page.waitForURL('**/referrals/new/check');
    const main = (await page.textContent('main')) ?? '';
    for (const shown of [
      'Forced to commit fraud, Forced to commit crime',
      'Durrës, Albania',
      'By lorry to Dover',
      'Within the last month',
      'Afraid of the exploiters',
      'A car wash in Slough',
      'Solicitor',
      'mira@example.com',
      'England',
    ])
      expect(main).toContain(shown);
    await expectNoAxeViolations(page);
    await screenshot(page, '06h-check-with-questions');
    // Change returns to the check.
    await page.click('a[href="/referrals/new/treatment?return=check#exploitation-howTheyLeft"]');
    await page.waitForURL('**/referrals/new/treatment?return=check*');
    await page.fill('#exploitation-howTheyLeft', 'Walked out at night');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/check');
    expect(await page.textContent('main')).toContain('Walked out at night');
    await page.click('button:has-text("Submit referral")');
    await page.waitForURL('**/confirmation');
    const id = /\/referrals\/([0-9a-f-]{36})\//.exec(page.url())![1];
    const row = await sql.query(
      `SELECT details->'exploitation'->'homeOfficeTypes' AS types, details->'decisionRecipient'->>'email' AS recipient, county_lines FROM central.referrals WHERE id = $1`,
      [id],
    );
    expect(row.rows[0]).toEqual({ types: ['forced-to-commit-fraud', 'forced-to-commit-crime'], recipient: 'mira@example.com', county_lines: true });
  }, 240_000);

  it('shows the GOV.UK error summary and inline messages from the API rules, keeping the answers', async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'safeguarding_lead');
    await page.goto(`${intakeUrl}/referrals/new`);
    await page.click('button:has-text("Continue")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select whether the potential victim is under 18');
    await page.check('input[name="under18"][value="not_sure"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    await page.fill('#potentialVictim-firstName', 'Keep');
    await page.fill('#potentialVictim-dateOfBirth-day', '30');
    await page.fill('#potentialVictim-dateOfBirth-month', '2');
    await page.fill('#potentialVictim-dateOfBirth-year', '2012');
    await page.fill('#potentialVictim-nhsNumber', '123 456 7890');
    await page.check('input[name="exploitation.types"][value="other"]');
    await page.click('button:has-text("Continue")');
    const summary = (await page.textContent('.govuk-error-summary')) ?? '';
    for (const message of [
      'Enter the local authority you contacted about the child',
      "Enter the local authority's phone number",
      "Enter the local authority's email address",
      'Describe the other exploitation',
      'Date of birth must be a real date',
      'NHS number must be a 10-digit NHS number with a valid check digit',
      "Select the potential victim's gender",
      "Select the potential victim's nationality",
      'Enter your organisation',
    ]) {
      expect(summary).toContain(message);
    }
    expect(summary).not.toContain('characters or fewer');
    // The error summary has the keyboard focus, as GOV.UK Frontend gives it on load: a #main-content fragment on the
    // redirect made Chromium focus <main> instead.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate("document.activeElement?.classList.contains('govuk-error-summary')")).toBe(true);
    // Each summary item links to its field, and each field shows its own message.
    const dobLink = page.locator('.govuk-error-summary a', { hasText: 'Date of birth' });
    expect(await dobLink.getAttribute('href')).toBe('#potentialVictim-dateOfBirth-day');
    expect(await page.textContent('#potentialVictim-dateOfBirth-error')).toContain('Date of birth must be a real date');
    expect(await page.inputValue('#potentialVictim-firstName')).toBe('Keep');
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
    await screenshot(page, '06-form-errors');
    await dobLink.click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('potentialVictim-dateOfBirth-day');
  });

  it('submits a referral with JavaScript disabled: plain POSTs and redirects', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    expect(await page.evaluate('document.body.className')).not.toContain('js-enabled');
    await page.check('input[name="under18"][value="yes"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL('**/referrals/new/details');
    await fillChildDetails(page, { first: 'Anh', last: 'Pham' });
    await screenshot(page, '07-no-javascript-details');
    await page.click('button:has-text("Continue")');
    await page.click('button:has-text("Submit referral")');
    await page.waitForURL('**/confirmation');
    expect(await page.textContent('.govuk-panel')).toContain('Referral logged for the council');
    const id = /\/referrals\/([0-9a-f-]{36})\//.exec(page.url())![1];
    const row = await sql.query(`SELECT kind, route_system, organisation FROM central.referrals WHERE id = $1`, [id]);
    expect(row.rows[0]).toEqual({ kind: 'nrm', route_system: 'LCS', organisation: 'Thames Valley Police' });
  });

  /** Twins entered straight into AIS: one family name and date of birth, other given names — a possible match. */
  async function possibleMatch(first: string, second: string, family: string, dateOfBirth: string): Promise<{ a: string; b: string }> {
    const a = await enterDirectly(ais, { subject: { firstName: first, lastName: family, dateOfBirth, sex: 'male', nationality: 'SDN' } });
    await eventually(async () => (await sql.query(`SELECT 1 FROM central.record_links WHERE system = 'AIS' AND record_id = $1`, [a])).rowCount);
    const b = await enterDirectly(ais, { subject: { firstName: second, lastName: family, dateOfBirth, sex: 'male', nationality: 'SDN' } });
    await eventually(
      async () => (await sql.query(`SELECT 1 FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open'`, [b])).rowCount,
    );
    return { a, b };
  }

  it('decides possible matches side by side: not a match, match, merge, and unmerge on the timeline', async () => {
    const first = await possibleMatch('Ahmed', 'Yusuf', 'Hassan', '1999-04-04');
    const page = await newPage();
    await signIn(page, intakeUrl, 'safeguarding_lead');
    await page.goto(`${intakeUrl}/reviews`);
    const compare = (await page.textContent('table.rh-compare')) ?? '';
    expect(compare).toContain('Yusuf');
    expect(compare).toContain('Ahmed');
    // Each comparison as a sentence; the weights only behind "How the score was worked out".
    const explanation = page.locator('table', { hasText: 'What speaks for and against a match' });
    expect(await explanation.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await explanation.textContent()).toContain('Dates of birth are the same');
    expect(await explanation.textContent()).toContain('Last names are the same');
    expect(await explanation.textContent()).not.toMatch(/[+\u2212]\d+\.\d/);
    expect(await page.isVisible('text=How the score was worked out')).toBe(true);
    expect(await page.locator('details table').textContent()).toMatch(/[+\u2212]\d+\.\d/);
    expect(compare).toContain('Sudan');
    expect(compare).toContain('4 April 1999');
    await expectPlainWords(page);
    await expectNoAxeViolations(page);
    await screenshot(page, '08-review');
    await page.click('button:has-text("Save decision")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Select whether these records are the same person');
    expect(await page.textContent('table.rh-compare')).toContain('Yusuf');
    // Post/redirect/get: the refusal is shown by a GET page, with the error summary focused, as on load.
    expect(new URL(page.url()).pathname).toBe('/reviews');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate("document.activeElement?.classList.contains('govuk-error-summary')")).toBe(true);
    // On to another page and Back: the review page again, never "Confirm form resubmission" (ERR_CACHE_MISS).
    await page.goto(`${intakeUrl}/referrals`);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/reviews');
    expect(await page.content()).not.toContain('ERR_CACHE_MISS');
    expect(await page.textContent('table.rh-compare')).toContain('Yusuf');
    await page.check('input[name="decision"][value="not_a_match"]');
    await page.click('button:has-text("Save decision")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('not a match');
    const decided = await sql.query(`SELECT decision FROM central.review_items WHERE system = 'AIS' AND record_id = $1`, [first.b]);
    expect(decided.rows.map((r) => r.decision)).toEqual(['not_a_match']);

    const second = await possibleMatch('Adam', 'Bilal', 'Osman', '2003-03-03');
    await page.goto(`${intakeUrl}/reviews`);
    expect(await page.textContent('table.rh-compare')).toContain('Bilal');
    await page.check('input[name="decision"][value="match"]');
    await page.fill('#reason', 'same person, spelling');
    await page.click('button:has-text("Save decision")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('the same person');
    const linked = await sql.query(`SELECT record_id, person_id FROM central.record_links WHERE system = 'AIS' AND record_id = ANY($1)`, [
      [second.a, second.b],
    ]);
    const persons = new Set(linked.rows.map((r) => r.person_id));
    expect(persons.size).toBe(1);
    const personId = [...persons][0] as string;

    // The Decided tab shows the reviewer's reason.
    await page.click('nav a:has-text("Decided")');
    await page.goto(`${intakeUrl}/reviews?status=decided&page=1`);
    const decidedPages = await page.locator('.govuk-pagination__item').count();
    let reasons = (await page.textContent('main')) ?? '';
    for (let n = 2; n <= Math.max(decidedPages, 2) && !reasons.includes('same person, spelling'); n += 1) {
      await page.goto(`${intakeUrl}/reviews?status=decided&page=${n}`);
      reasons = (await page.textContent('main')) ?? '';
    }
    expect(reasons).toContain("Reviewer's reason: same person, spelling");

    // The person's timeline holds both records, titled by name and date of birth; take one out, with a reason.
    await page.goto(`${intakeUrl}/persons/${personId}`);
    expect(await page.textContent('h1')).toMatch(/^(Adam|Bilal) Osman, born 3 March 2003$/);
    expect(await page.locator('table tbody tr').count()).toBe(2);
    await expectPlainWords(page);
    await expectNoAxeViolations(page);
    await page.click(`a:has-text("Take out AIS record ${second.b}")`);
    expect(await page.textContent('h1')).toContain(`Take AIS record ${second.b} out of this person?`);
    const unmergeUrl = page.url();
    await page.click('button:has-text("Take the record out")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter why, for the link history');
    // Shown by the confirmation page itself (post/redirect/get), not by the answer to the POST.
    expect(page.url()).toBe(unmergeUrl);
    await expectNoAxeViolations(page);
    await page.fill('#reason', 'different mothers named in the referrals');
    await page.click('button:has-text("Take the record out")');
    expect(await page.textContent('.govuk-notification-banner')).toContain(`AIS record ${second.b}`);
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.textContent('main')).toContain('Reason given: different mothers named in the referrals');
    const unmerged = await sql.query(`SELECT reason FROM central.link_history WHERE system = 'AIS' AND record_id = $1 AND action = 'unmerge'`, [second.b]);
    expect(unmerged.rows.map((r) => r.reason)).toEqual(['different mothers named in the referrals']);
    await screenshot(page, '09a-person-after-unmerge');

    // Merge found by searching a name: no id is ever typed or shown as a heading.
    const third = await possibleMatch('Musa', 'Isa', 'Adam', '2001-01-01');
    const thirdPersons = await sql.query(`SELECT record_id, person_id FROM central.record_links WHERE system = 'AIS' AND record_id = ANY($1)`, [
      [third.a, third.b],
    ]);
    const personOfA = thirdPersons.rows.find((r) => r.record_id === third.a).person_id as string;
    await page.goto(`${intakeUrl}/persons/${personOfA}`);
    expect(await page.textContent('h1')).toBe('Musa Adam, born 1 January 2001');
    await page.click('text=Find a person to merge into this one');
    await page.fill('#q', 'isa adam');
    await page.click('button:has-text("Search")');
    expect(await page.textContent('main')).toContain('1 person found');
    // Or by the other record's AIS number, as AIS writes it (SC-000060), typed in lower case.
    await page.fill('#q', third.b.toLowerCase());
    await page.click('button:has-text("Search")');
    expect(await page.textContent('main')).toContain('1 person found');
    expect(await page.textContent('main')).toContain('Isa Adam, born 1 January 2001');
    await expectNoAxeViolations(page);
    await screenshot(page, '09b-merge-search');
    await page.click('a:has-text("Isa Adam, born 1 January 2001")');
    expect(await page.textContent('h1')).toBe('Merge these persons?');
    const mergeUrl = page.url();
    await page.fill('#reason', '   ');
    await page.click('button:has-text("Merge these persons")');
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter why, for the link history');
    expect(page.url()).toBe(mergeUrl);
    await page.fill('#reason', 'same mobile number in both referrals');
    await expectNoAxeViolations(page);
    await screenshot(page, '09c-merge-confirm');
    await page.click('button:has-text("Merge these persons")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('Merged: 1 record');
    const merged = await sql.query(`SELECT count(DISTINCT person_id)::int AS n FROM central.record_links WHERE system = 'AIS' AND record_id = ANY($1)`, [
      [third.a, third.b],
    ]);
    expect(merged.rows[0].n).toBe(1);
    const history = await sql.query(`SELECT reason FROM central.link_history WHERE system = 'AIS' AND record_id = $1 AND action = 'merge'`, [third.b]);
    expect(history.rows.map((r) => r.reason)).toEqual(['same mobile number in both referrals']);
    const headings = await page.locator('h1, h2, .govuk-caption-l').allTextContents();
    expect(headings.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectPlainWords(page);
    await screenshot(page, '09-person-after-merge');
  });

  it("shows a person's timeline across LCS and AIS, with the move to adults' services", async () => {
    const lead = await bearer('safeguarding_lead');
    const created = await request(intakeUrl)
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(
        aChildReferral({
          referredAt: new Date().toISOString(),
          potentialVictim: { gender: 'female', nationality: 'NGA', firstName: 'Blessing', lastName: 'Okoro', dateOfBirth: '2009-06-06' },
        }),
      )
      .expect(201);
    const id = created.body.id as string;
    const personOf = async () => (await request(intakeUrl).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body.personId as string | null;
    await eventually(personOf, 20000, 200);
    await request(intakeUrl)
      .post(`/v1/referrals/${id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: new Date().toISOString().slice(0, 10), outcome: 'adult', authority: 'Buckinghamshire Council' })
      .expect(201);
    await eventually(
      async () => (await sql.query(`SELECT 1 FROM central.transitions WHERE referral_id = $1 AND status = 'completed'`, [id])).rowCount,
      20000,
      200,
    );
    const personId = await eventually(
      async () => {
        const rows = await sql
          .query(
            `SELECT DISTINCT person_id FROM central.record_links l JOIN central.record_links m USING (person_id) WHERE l.system = 'LCS' AND m.system = 'AIS' AND l.record_id = (SELECT case_record_id FROM central.transitions t JOIN central.referrals r ON r.id = t.referral_id WHERE r.id = $1 LIMIT 1)`,
            [id],
          )
          .catch(() => ({ rows: [] as Array<{ person_id: string }> }));
        return rows.rows[0]?.person_id ?? (await personOf());
      },
      20000,
      200,
    );
    const page = await newPage();
    await signIn(page, intakeUrl, 'safeguarding_lead');
    await page.goto(`${intakeUrl}/persons/${personId}`);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('Moved from LCS to AIS');
    expect(main).toContain('Age assessment found an adult');
    expect(main).toContain(created.body.reference);
    expect(await page.textContent('h1')).toBe('Blessing Okoro, born 6 June 2009');
    await expectPlainWords(page);
    await expectNoAxeViolations(page);
    await screenshot(page, '10-person-timeline');
  });

  it('shows the safeguarding lead the children approaching adulthood, and records a step from the page', async () => {
    const lead = await bearer('safeguarding_lead');
    // Turns 18 in three months, by the referral's date of birth.
    const today = new Date();
    const birth = new Date(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth() + 3, 15)).toISOString().slice(0, 10);
    const created = await request(intakeUrl)
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(
        aChildReferral({
          referredAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
          potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'Elira', lastName: 'Kola', dateOfBirth: birth },
        }),
      )
      .expect(201);
    const reference = created.body.reference as string;
    const page = await newPage();
    await signIn(page, intakeUrl, 'safeguarding_lead');
    await page.click('nav a:has-text("Approaching adulthood")');
    await page.waitForURL('**/worklists/approaching-adulthood');
    expect(await page.inputValue('#horizonMonths')).toBe('6');
    const row = page.locator('#worklist tbody tr', { hasText: reference });
    expect(await row.textContent()).toContain('days until 18');
    // The referral's date, or the same date as LCS holds it once the deduplicator has read the contact.
    expect(await row.textContent()).toMatch(/Date of birth from (the referral|children's services' record)/);
    expect(await row.textContent()).toContain('Request the transition assessment');
    expect(await row.textContent()).toContain('Record their consent to stay in the NRM at 18');
    await expectPlainWords(page);
    await expectNoAxeViolations(page);
    await screenshot(page, '10c-approaching-adulthood');

    // The child's transition page: a step with no answers is named, then recorded.
    await row.locator('a:has-text("Record a step")').click();
    await page.waitForURL(`**/referrals/${created.body.id}/transition`);
    expect(await page.textContent('h1')).toContain(reference);
    await page.click('button:has-text("Record the step")');
    const summary = (await page.textContent('.govuk-error-summary')) ?? '';
    expect(summary).toContain('Select the step taken');
    expect(summary).toContain('Enter the date the step was taken');
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
    await screenshot(page, '10d-transition-step-errors');
    await page.check('input[name="step"][value="transition_assessment_requested"]');
    const yesterday = new Date(Date.now() - 86_400_000);
    await page.fill('#on-day', String(yesterday.getUTCDate()));
    await page.fill('#on-month', String(yesterday.getUTCMonth() + 1));
    await page.fill('#on-year', String(yesterday.getUTCFullYear()));
    await page.click('button:has-text("Record the step")');
    expect(await page.textContent('.govuk-notification-banner')).toContain('Saved: transition assessment requested');
    expect(await page.textContent('#steps')).toContain('Transition assessment requested');
    expect(await page.textContent('#outstanding')).toContain('Record the transition assessment decision');
    await expectPlainWords(page);
    await expectNoAxeViolations(page);
    await screenshot(page, '10e-transition-step-recorded');
  });

  it('shows the safeguarding lead what to check before the figures go to the boards', async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'safeguarding_lead');
    await page.click('nav a:has-text("Data quality")');
    await page.waitForURL('**/data-quality');
    // The twins the review test typed straight into AIS recorded no NRM or Duty to Notify status.
    expect(await page.textContent('main')).toContain('Recorded directly with no NRM or Duty to Notify status');
    expect(await page.locator('table.govuk-table').first().textContent()).toMatch(/AIS SC-\d+/);
    await expectNoAxeViolations(page);
    await screenshot(page, '10b-data-quality');
  });

  it('says in the header who is signed in, and signs out from there', async () => {
    const page = await newPage();
    await signIn(page, intakeUrl, 'first_responder', 'Thames Valley Police');
    expect(await page.textContent('header .rh-account')).toContain('First responder, Thames Valley Police');
    // The service name and a first responder's three pages share one row, with nothing below them.
    const rows = await page.evaluate(
      `new Set([...document.querySelectorAll('.govuk-service-navigation__container > *')].map((e) => Math.round(e.getBoundingClientRect().top))).size`,
    );
    expect(rows).toBe(1);
    await expectNoAxeViolations(page);
    await page.click('header button:has-text("Sign out")');
    await page.waitForURL('**/sign-in**');
    await page.goto(`${intakeUrl}/referrals`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('shows a board member the dashboard: charts, suppressed cells as "c", CSV download', async () => {
    const page = await newPage();
    await signIn(page, insightsUrl, 'board_viewer');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(6);
    // The tables, not the page's explanation of "c": some count of 1 to 5 is shown as "c". (Which table holds one
    // follows the data: the twins entered straight into AIS by the review test now count as referrals too.)
    const tables = (await page.locator('main table').allTextContents()).join('\n');
    expect(tables).toMatch(/\bc\b/);
    expect(await page.textContent('table:has(caption:has-text("Where the referral was recorded"))')).toContain('Recorded directly in AIS');
    expect(await page.textContent('.govuk-inset-text')).toContain('c marks a count of 1 to 5');
    expect(await page.locator('#figures').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, '11-dashboard-board');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these figures as CSV')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('period,from,to,coverage,measure,table,category,subcategory,count');
    expect(csv).toMatch(/,c\r\n/);
    expect(download.suggestedFilename()).toMatch(/_disclosure-controlled\.csv$/);

    // A board member cannot ask for exact figures, by the form or by the address.
    await page.goto(`${insightsUrl}/dashboard?figures=exact`);
    expect(await page.textContent('h1')).toContain('You cannot see this page');
  });

  it('shows the safeguarding lead exact figures on the dashboard', async () => {
    const page = await newPage();
    await signIn(page, insightsUrl, 'safeguarding_lead');
    expect(await page.textContent('.govuk-warning-text')).toContain('Exact figures');
    const headline = (await page.textContent('.rh-figures')) ?? '';
    expect(headline).toMatch(/Referrals and notifications\s*\d+/);
    await screenshot(page, '12-dashboard-lead');
  });

  it('keeps every page within a 390px phone: wide tables and charts scroll inside their own region', async () => {
    const width = 390;
    const pageWidth = (page: Page): Promise<number> => page.evaluate<number>('document.documentElement.scrollWidth');
    const intakePage = await newPage({ width });
    await signIn(intakePage, intakeUrl, 'safeguarding_lead');
    await intakePage.goto(`${intakeUrl}/referrals`);
    const referral = (await intakePage.getAttribute('main table a[href^="/referrals/"]', 'href')) ?? '/referrals/none';
    const person = (await sql.query<{ id: string }>('SELECT person_id AS id FROM central.record_links GROUP BY person_id ORDER BY count(*) DESC LIMIT 1'))
      .rows[0]?.id;
    const addresses = [
      '/referrals',
      referral,
      `${referral}/home-office-answers`,
      `${referral}/age-assessment`,
      `/persons/${person}`,
      '/reviews',
      '/worklists/approaching-adulthood',
      '/worklists/reasonable-grounds-overdue',
      '/data-quality',
    ];
    const tooWide: string[] = [];
    for (const address of addresses) {
      await intakePage.goto(`${intakeUrl}${address}`);
      expect(await intakePage.locator('h1').count()).toBe(1);
      if ((await pageWidth(intakePage)) > width) tooWide.push(`${address}: ${await pageWidth(intakePage)}px`);
    }
    // Each table sits in a focusable region named for screen readers.
    await intakePage.goto(`${intakeUrl}/referrals`);
    expect(await intakePage.getAttribute('.rh-table-scroll:has(table)', 'aria-label')).toBe('Referrals');
    expect(await intakePage.getAttribute('.rh-table-scroll:has(table)', 'tabindex')).toBe('0');
    await expectNoAxeViolations(intakePage);
    await screenshot(intakePage, '13-referrals-390px');

    const insightsPage = await newPage({ width });
    await signIn(insightsPage, insightsUrl, 'safeguarding_lead');
    for (const address of ['/dashboard', '/board-reports']) {
      await insightsPage.goto(`${insightsUrl}${address}`);
      if ((await pageWidth(insightsPage)) > width) tooWide.push(`${address}: ${await pageWidth(insightsPage)}px`);
    }
    expect(tooWide).toEqual([]);
    // A chart keeps its drawn size and scrolls: axis labels stay readable (they were about 7px high).
    await insightsPage.goto(`${insightsUrl}/dashboard`);
    const labelHeight = await insightsPage.evaluate<number>(
      `Math.min(...[...document.querySelectorAll('.rh-chart svg text')].map((t) => t.getBoundingClientRect().height))`,
    );
    expect(labelHeight).toBeGreaterThanOrEqual(11);
  });
});
