import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { ukDateOn } from '../../libs/domain/src';
import { bearer } from '../support/auth';
import { aChildReferral } from '../support/fixtures';
import { startSystem, type TestSystem } from '../support/system';
import { axeViolations, launchChromium, screenshot, signInLead } from './support/browser';
import { ifStarted } from '../support/teardown';

/** YYYY-MM-DD moved by whole days. */
function shift(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Recording a local-authority age assessment in a real browser, on a phone's 390px and a desktop's 1024px: the
 * lead goes from the referral's page to the form, is told what to put right, records an adult finding on a
 * children's case and is back on the referral's page with a banner saying the case is moving to adults' services
 * and the assessment in its history. Every page is axe clean and no wider than the window.
 */
describe('age assessment page, in Chromium', () => {
  let system: TestSystem;
  let browser: Browser;
  let intakeUrl: string;
  const contexts: BrowserContext[] = [];
  const today = ukDateOn();

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    await system.intake!.listen(0, '127.0.0.1');
    intakeUrl = `http://127.0.0.1:${(system.intake!.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ifStarted(browser)?.close();
    await ifStarted(system)?.close();
  });

  const leadPage = (width: number): Promise<Page> => signInLead(browser, contexts, intakeUrl, width);

  async function expectFits(page: Page, width: number): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  it.each([390, 1024])('records an adult finding on a children’s case from the referral’s page, %ipx wide', async (width) => {
    const lead = await bearer('safeguarding_lead');
    const created = await request(intakeUrl)
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(
        aChildReferral({
          referredAt: `${shift(today, -30)}T10:00:00Z`,
          age: { under18: 'not_sure' },
          potentialVictim: { gender: 'male', nationality: 'AFG', firstName: 'Ahmad', lastName: 'Rahimi' },
        }),
      )
      .expect(201);
    const id = created.body.id as string;
    const page = await leadPage(width);
    await page.goto(`${intakeUrl}/referrals/${id}`);
    expect(await page.textContent('#age-assessments + p')).toBe('No age assessment recorded.');
    await page.click('a:has-text("Record an age assessment")');
    await page.waitForURL(`**/referrals/${id}/age-assessment`);
    expect(await page.textContent('h1')).toBe('Record an age assessment');
    expect(await page.textContent('#case')).toContain("The children's case system (LCS)");
    await expectFits(page, width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `age-assessment-form-${width}px`);

    // Sent with nothing answered: each question named in the error summary, which links to its field.
    await page.click('button:has-text("Record the age assessment")');
    await page.waitForURL(`**/referrals/${id}/age-assessment`);
    expect(await page.title()).toMatch(/^Error: Record an age assessment/);
    expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter the date of the age assessment',
      'Select whether the assessment found an adult or a child',
      'Enter the local authority that assessed their age',
    ]);
    await page.click('.govuk-error-summary__list a:has-text("Enter the local authority")');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('authority');
    await expectFits(page, width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `age-assessment-errors-${width}px`);

    const assessed = shift(today, -2);
    await page.fill('#assessedOn-day', String(Number(assessed.slice(8))));
    await page.fill('#assessedOn-month', String(Number(assessed.slice(5, 7))));
    await page.fill('#assessedOn-year', assessed.slice(0, 4));
    await page.check('input[name="outcome"][value="adult"]');
    await page.fill('#authority', 'Buckinghamshire Council');
    await page.click('button:has-text("Record the age assessment")');
    await page.waitForURL(`**/referrals/${id}`);
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      "which found an adult. The case is moving to adults' services: an adult record is being opened in AIS",
    );
    const history = (await page.locator('#age-assessment-history tbody tr td').allTextContents()).map((t) => t.trim());
    expect(history.slice(1, 4)).toEqual(['An adult (18 or over)', 'Not given', 'Buckinghamshire Council']);
    await expectFits(page, width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `age-assessment-recorded-${width}px`);
    // Back does not ask to resend the form: the answer was a 303 to a page fetched with GET.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${id}/age-assessment`);
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
  });
});
