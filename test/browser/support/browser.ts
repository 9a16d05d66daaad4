import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser). Playwright gives each launch a
 * fresh temporary --user-data-dir of its own; the flags keep Chromium off the network and quiet.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'screenshots');

/** A full-page screenshot under test-output/screenshots/ (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (WCAG 2.0, 2.1 and 2.2 A and AA, and best practice) and answers its violations. The
 * script is evaluated through the browser's debugging protocol, so the page's content security policy stays as
 * strict as it is for people. The code is a string: this project's TypeScript has no DOM types.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  })()`);
}

/**
 * As `axeViolations`, on a page with GOV.UK radios that reveal a follow-up question. GOV.UK Frontend sets
 * aria-expanded on such a radio on purpose: ARIA does not allow it on a radio, so axe reports it, but screen readers
 * announce it and the Design System keeps it after research with their users (a documented known issue,
 * alphagov/govuk-frontend #979). Only that finding is set aside, and only on radios that control a reveal.
 */
export async function axeViolationsBesideRevealingRadios(page: Page): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  const revealing = async (selector: string | undefined) =>
    selector !== undefined &&
    page.evaluate<boolean>(
      `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return !!e && e.type === 'radio' && e.hasAttribute('aria-controls') && !!e.closest('.govuk-radios'); })()`,
    );
  const kept: AxeViolation[] = [];
  for (const v of violations) {
    const nodes: AxeViolation['nodes'] = [];
    for (const n of v.nodes) {
      const summary = n.failureSummary ?? '';
      const setAside =
        v.id === 'aria-allowed-attr' &&
        /aria-expanded/.test(summary) &&
        !/aria-(?!expanded)/.test(summary.replace(/aria-expanded/g, '')) &&
        (await revealing(n.target[0]));
      if (!setAside) nodes.push(n);
    }
    if (nodes.length > 0) kept.push({ ...v, nodes });
  }
  return kept;
}

/**
 * A new browser context of `width` (kept in `contexts` for the spec to close), signed in to `base` as a
 * safeguarding lead through the development sign-in page, as a person would.
 */
export async function signInLead(browser: Browser, contexts: BrowserContext[], base: string, width = 1024): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.check('input[name="role"][value="safeguarding_lead"]');
  await page.click('button:has-text("Sign in")');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}
