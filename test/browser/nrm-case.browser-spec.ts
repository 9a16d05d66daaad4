import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/auth';
import { aReferral } from '../support/fixtures';
import { startSystem, type TestSystem } from '../support/system';
import { axeViolations, launchChromium, screenshot, signInLead } from './support/browser';
import { ifStarted } from '../support/teardown';

/**
 * The NRM case on a referral's page, in a real browser: a lead records a negative reasonable grounds decision, a
 * reconsideration request and the decision that overturns it; the history shows all three and the statistics
 * count the final outcome once.
 */
describe('NRM case on the referral page, in Chromium', () => {
  let system: TestSystem;
  let browser: Browser;
  let intakeUrl: string;
  let insightsUrl: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    system = await startSystem({ intake: true, insights: true });
    await system.intake!.listen(0, '127.0.0.1');
    await system.insights!.listen(0, '127.0.0.1');
    intakeUrl = `http://127.0.0.1:${(system.intake!.getHttpServer().address() as AddressInfo).port}`;
    insightsUrl = `http://127.0.0.1:${(system.insights!.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ifStarted(browser)?.close();
    await ifStarted(system)?.close();
  });

  const leadPage = (): Promise<Page> => signInLead(browser, contexts, intakeUrl, 1100);

  async function recordDecision(
    page: Page,
    decision: { type: string; outcome?: string; day: string; month: string; year: string; authority?: string },
  ): Promise<void> {
    await page.check(`input[name="type"][value="${decision.type}"]`);
    if (decision.outcome) await page.check(`input[name="outcome"][value="${decision.outcome}"]`);
    await page.fill('#decision-decidedOn-day', decision.day);
    await page.fill('#decision-decidedOn-month', decision.month);
    await page.fill('#decision-decidedOn-year', decision.year);
    if (decision.authority) await page.selectOption('#decision-competentAuthority', decision.authority);
    await page.click('button:has-text("Save decision")');
    await page.waitForLoadState();
  }

  it('records RG negative, a reconsideration request and an overturned positive RG; the statistics count the final outcome once', async () => {
    const lead = await bearer('safeguarding_lead');
    const created = await request(intakeUrl)
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ referredAt: '2026-05-04T10:00:00Z' }))
      .expect(201);
    const id = created.body.id as string;
    const page = await leadPage();
    await page.goto(`${intakeUrl}/referrals/${id}`);
    expect(await page.textContent('#nrm-case + dl')).toContain('Awaiting reasonable grounds decision');

    await recordDecision(page, { type: 'reasonable_grounds', outcome: 'negative', day: '20', month: '5', year: '2026', authority: 'SCA' });
    expect(await page.textContent('.govuk-notification-banner')).toContain('Saved: reasonable grounds decision on 20 May 2026.');
    await recordDecision(page, { type: 'reconsideration_requested', day: '27', month: '5', year: '2026' });
    expect(await page.textContent('.govuk-inset-text')).toContain('due by 27 June 2026');

    // What cannot happen is refused on the page as the API refuses it, naming the question.
    await recordDecision(page, { type: 'conclusive_grounds', outcome: 'positive', day: '1', month: '6', year: '2026' });
    expect(await page.textContent('.govuk-error-summary')).toContain('reconsideration is answered by a new reasonable grounds decision');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${intakeUrl}/referrals/${id}`);
    await recordDecision(page, { type: 'reasonable_grounds', outcome: 'positive', day: '15', month: '6', year: '2026', authority: 'SCA' });
    await screenshot(page, 'nrm-case-overturned');
    const history: string[][] = [];
    for (const row of await page.locator('#nrm-history tbody tr').all()) history.push((await row.locator('td').allTextContents()).map((t) => t.trim()));
    expect(history).toEqual([
      ['20 May 2026', 'Reasonable grounds decision', 'Negative', 'Single Competent Authority (SCA)', 'Negative reasonable grounds decision'],
      ['27 May 2026', 'Reconsideration requested', '–', 'Not stated', 'Reconsideration requested'],
      [
        '15 June 2026',
        'Reasonable grounds decision',
        'Positive, overturned on reconsideration',
        'Single Competent Authority (SCA)',
        'Positive reasonable grounds, awaiting conclusive grounds decision',
      ],
    ]);
    expect(await page.textContent('#nrm-case + dl')).toContain('Positive reasonable grounds, awaiting conclusive grounds decision');
    expect(await axeViolations(page)).toEqual([]);

    const statistics = await request(insightsUrl).get('/v1/statistics?from=2026-05-01&to=2026-06-30').set('Authorization', lead).expect(200);
    const rg = statistics.body.decisions.reasonableGrounds as { total: number; rows: string[]; columns: string[]; counts: number[][] };
    expect(rg.total).toBe(1);
    const cell = (row: string, column: string) => rg.counts[rg.rows.indexOf(row)][rg.columns.indexOf(column)];
    expect(cell('Positive', 'Adult (18 or over)')).toBe(1);
    expect(cell('Negative', 'Adult (18 or over)')).toBe(0);
  });
});
