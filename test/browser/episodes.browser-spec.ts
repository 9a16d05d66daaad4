import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/auth';
import { StatisticsFixtures } from '../support/fixtures';
import { startSystem, type TestSystem } from '../support/system';
import { axeViolationsBesideRevealingRadios, launchChromium, screenshot, signInLead } from './support/browser';
import { ifStarted } from '../support/teardown';

/**
 * A safeguarding lead splits a record from the referral it was counted with and joins it back, from the
 * data-quality page, in Chromium: a refusal named on the form, a banner saying what changed, the figures following,
 * every page clean under axe and within a 390px phone.
 */
describe('splitting and joining referral episodes, in Chromium', () => {
  let system: TestSystem;
  let browser: Browser;
  let intakeUrl: string;
  let insightsUrl: string;
  const contexts: BrowserContext[] = [];
  let recordId: string;
  const reference = 'RH-2026-000077';

  beforeAll(async () => {
    system = await startSystem({ intake: true, insights: true });
    await system.intake!.listen(0, '127.0.0.1');
    await system.insights!.listen(0, '127.0.0.1');
    intakeUrl = `http://127.0.0.1:${(system.intake!.getHttpServer().address() as AddressInfo).port}`;
    insightsUrl = `http://127.0.0.1:${(system.insights!.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    const fixtures = new StatisticsFixtures(system.sql);
    const person = await fixtures.person();
    const referralId = await fixtures.referral({ referredAt: '2026-05-04T10:00:00Z' });
    await fixtures.link(referralId, person);
    await system.sql.query(`UPDATE central.referrals SET reference = $2 WHERE id = $1`, [referralId, reference]);
    recordId = await fixtures.directEntry({ system: 'AIS', referredOn: '2026-05-06', personId: person, joinedReferralId: referralId });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ifStarted(browser)?.close();
    await ifStarted(system)?.close();
  });

  const leadPage = (width: number): Promise<Page> => signInLead(browser, contexts, intakeUrl, width);

  const referrals = async (): Promise<number> =>
    (
      await request(insightsUrl)
        .get('/v1/statistics?from=2026-05-01&to=2026-05-31')
        .set('Authorization', await bearer('safeguarding_lead'))
        .expect(200)
    ).body.referrals.total as number;

  /**
   * Clean under axe (beside GOV.UK's aria-expanded on the join form's revealing radios, its documented known issue),
   * and no wider than the viewport (a wide table scrolls in its own region).
   */
  async function expectFits(page: Page, width: number): Promise<void> {
    expect(await axeViolationsBesideRevealingRadios(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  it.each([1024, 390])('splits and joins from the data-quality page at %ipx wide', async (width) => {
    const page = await leadPage(width);
    expect(await referrals()).toBe(1);
    await page.goto(`${intakeUrl}/data-quality`);
    await expectFits(page, width);
    await screenshot(page, `episodes-${width}-data-quality`);

    // Split: the reason left out is named on the form, then given.
    await page.click(`a[href="/episodes/AIS/${recordId}/split"]`);
    await page.waitForURL(`**/episodes/AIS/${recordId}/split`);
    expect(await page.textContent('h1')).toContain(`Count AIS record ${recordId} as a referral of its own?`);
    await expectFits(page, width);
    await page.click('button:has-text("Count it as a referral of its own")');
    await page.waitForURL(`**/episodes/AIS/${recordId}/split`);
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter why it is a referral of its own');
    expect(await page.title()).toMatch(/^Error: /);
    await expectFits(page, width);
    await screenshot(page, `episodes-${width}-split-refused`);
    await page.fill('#reason', 'A second referral: a new exploitation');
    await page.click('button:has-text("Count it as a referral of its own")');
    await page.waitForURL('**/data-quality');
    expect(await page.textContent('.govuk-notification-banner')).toContain('The figures count one more referral');
    expect(await referrals()).toBe(2);
    await expectFits(page, width);
    await screenshot(page, `episodes-${width}-split-done`);

    // Join: by the reference of another Referral Hub referral, revealed under its choice.
    await page.click(`a[href="/episodes/AIS/${recordId}/join"]`);
    await page.waitForURL(`**/episodes/AIS/${recordId}/join`);
    await page.check('input[name="episode"][value="other-referral"]');
    await page.click('button:has-text("Count them as one referral")');
    const summary = (await page.textContent('.govuk-error-summary')) ?? '';
    expect(summary).toContain('Enter the reference of the Referral Hub referral');
    expect(summary).toContain('Enter why they are the same referral');
    expect(await page.isVisible('#otherReference')).toBe(true);
    await expectFits(page, width);
    await screenshot(page, `episodes-${width}-join-refused`);
    await page.fill('#otherReference', reference);
    await page.fill('#reason', 'The same referral typed again in AIS');
    await page.click('button:has-text("Count them as one referral")');
    await page.waitForURL('**/data-quality');
    expect(await page.textContent('.govuk-notification-banner')).toContain(`Referral Hub referral ${reference}. The figures count one fewer referral.`);
    expect(await referrals()).toBe(1);
    await expectFits(page, width);

    // The join form with the person's referral listed, as a lead sees it first.
    await page.goto(`${intakeUrl}/episodes/AIS/${recordId}/join`);
    expect(await page.textContent('main form')).toContain(`Referral Hub referral ${reference}, referred 4 May 2026`);
    await expectFits(page, width);
    await screenshot(page, `episodes-${width}-join`);
  });
});
