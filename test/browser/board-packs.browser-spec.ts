import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/auth';
import { StatisticsFixtures } from '../support/fixtures';
import { startSystem, type TestSystem } from '../support/system';
import { launchChromium, screenshot } from './support/browser';
import { ifStarted } from '../support/teardown';
import { matchGroup } from '../support/regex';

type ReportSummary = { id: string; tier: 'published' | 'restricted'; audience: { code: string } };

/** The rows of every sheet of an ODS workbook, read back from its content.xml (cells as text, numbers as numbers). */
function readOds(bytes: Uint8Array): { mimetype: string; sheets: Map<string, Array<Array<string | number>>> } {
  const files = unzipSync(bytes);
  const content = strFromU8(files['content.xml']);
  const sheets = new Map<string, Array<Array<string | number>>>();
  for (const [, name, body] of content.matchAll(/<table:table table:name="([^"]*)">(.*?)<\/table:table>/gs)) {
    const rows = [...body.matchAll(/<table:table-row>(.*?)<\/table:table-row>/gs)].map(([, row]) =>
      [...row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/gs)].map((cell) => {
        const attributes = cell[1];
        // An empty cell (`<table:table-cell/>`) has no text group.
        const inner = matchGroup(cell, 2);
        const value = /office:value="([^"]*)"/.exec(attributes);
        if (value) return Number(value[1]);
        return (inner ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'");
      }),
    );
    sheets.set(name.replace(/&amp;/g, '&'), rows);
  }
  return { mimetype: strFromU8(files.mimetype), sheets };
}

/**
 * Issue 17: a Safeguarding Adults Board member's restricted pack in a real browser, its PDF (read by pdftotext) and
 * ODS (read back), the Children's Partnership's packs refused, and the published version suppressing what the
 * restricted one shows exactly.
 */
describe('board packs in Chromium', () => {
  let system: TestSystem;
  let insights: INestApplication<Server>;
  let browser: Browser;
  let base: string;
  let reports: ReportSummary[];
  const contexts: BrowserContext[] = [];
  const downloads = mkdtempSync(path.join(tmpdir(), 'rh-board-packs-'));

  beforeAll(async () => {
    system = await startSystem({ insights: true });
    insights = system.insights!;
    await insights.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(insights.getHttpServer().address() as AddressInfo).port}`;
    // 2022-Q2, adults: 3 women and 20 men; children: 8. A year before (2021-Q2), adults: 7 women.
    const fixtures = new StatisticsFixtures(system.sql);
    await fixtures.referrals(7, (i) => ({ referredAt: `2021-05-${String(1 + i).padStart(2, '0')}T10:00:00Z`, gender: 'female' }));
    await fixtures.referrals(23, (i) => ({ referredAt: `2022-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, gender: i < 3 ? 'female' : 'male' }));
    await fixtures.referrals(8, (i) => ({ referredAt: `2022-05-${String(1 + i).padStart(2, '0')}T10:00:00Z`, under18: 'yes', gender: 'male' }));
    const lead = await bearer('safeguarding_lead');
    await request(insights.getHttpServer())
      .post('/v1/board-reports')
      .set('Authorization', lead)
      .send({ audience: 'safeguarding_adults_board', period: '2022-Q2' })
      .expect(201);
    reports = (await request(insights.getHttpServer()).get('/v1/board-reports?pageSize=100').set('Authorization', lead).expect(200)).body.items;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ifStarted(browser)?.close();
    await ifStarted(system)?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  const idOf = (audience: string, tier: 'published' | 'restricted'): string => reports.find((r) => r.audience.code === audience && r.tier === tier)!.id;

  async function signedInMember(): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.check('input[name="role"][value="board_member"]');
    await page.selectOption('#board', 'safeguarding_adults_board');
    await page.click('button:has-text("Sign in")');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  /** The values of a row of a table on a board report page, by the row's label. */
  async function rowValues(page: Page, tableId: string, label: string): Promise<string[]> {
    return page.$$eval(
      `#table-${tableId} tbody tr`,
      (rows, wanted) => {
        const row = rows.find((r) => r.querySelector('th')?.textContent?.trim() === wanted);
        return row ? [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '') : [];
      },
      label,
    );
  }

  async function download(page: Page, linkText: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#downloads a:has-text("${linkText}")`)]);
    const target = path.join(downloads, file.suggestedFilename());
    await file.saveAs(target);
    return target;
  }

  it('lets a Safeguarding Adults Board member open the restricted pack with exact counts and the marking', async () => {
    const page = await signedInMember();
    await page.goto(`${base}/board-reports`);
    expect(await page.textContent('main')).toContain('Safeguarding Adults Board');
    await page.goto(`${base}/board-reports/${idOf('safeguarding_adults_board', 'restricted')}`);
    expect(await page.textContent('#marking-top')).toContain('OFFICIAL-SENSITIVE');
    expect(await page.textContent('#marking-bottom')).toContain('OFFICIAL-SENSITIVE');
    // Referrals and individuals, then the same quarter a year before.
    expect(await rowValues(page, 'gender', 'Female')).toEqual(['3', '3', '7', '7']);
    expect(await rowValues(page, 'gender', 'Male')).toEqual(['20', '20', '0', '0']);
    expect(await page.textContent('#table-gender thead')).toContain('Q2 2021');
    // What a board asks for beside the figures: decisions and their timeliness, cases waiting, support referrals.
    for (const id of ['decision-timeliness', 'decisions-waiting', 'support-referrals']) expect(await page.$(`#table-${id}`)).not.toBeNull();
    await screenshot(page, 'board-pack-restricted');
  });

  it('gives the restricted pack as a PDF with every table and the marking and page number on every page', async () => {
    const page = await signedInMember();
    await page.goto(`${base}/board-reports/${idOf('safeguarding_adults_board', 'restricted')}`);
    const titles: string[] = await page.$$eval('table caption', (captions) => captions.map((c) => (c.firstChild?.textContent ?? '').trim()));
    expect(titles.length).toBeGreaterThan(15);
    const pdf = await download(page, 'Download as PDF');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect({ page: i + 1, marked: p.split('OFFICIAL-SENSITIVE').length - 1 >= 2 }).toEqual({ page: i + 1, marked: true });
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const flat = text.replace(/\s+/g, ' ');
    for (const title of titles) expect({ title, found: flat.includes(title.replace(/\s+/g, ' ')) }).toEqual({ title, found: true });
  });

  it('gives the restricted pack as an ODS workbook that reads back with every table, exact counts and the marking', async () => {
    const page = await signedInMember();
    await page.goto(`${base}/board-reports/${idOf('safeguarding_adults_board', 'restricted')}`);
    const titles: string[] = await page.$$eval('table caption', (captions) => captions.map((c) => (c.firstChild?.textContent ?? '').trim()));
    const { mimetype, sheets } = readOds(readFileSync(await download(page, 'Download as ODS')));
    expect(mimetype).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(sheets.size).toBe(titles.length + 1);
    for (const rows of sheets.values()) expect(rows[0][0]).toBe('OFFICIAL-SENSITIVE');
    const sheetTitles = [...sheets.values()].slice(1).map((rows) => rows[1][0]);
    expect(sheetTitles).toEqual(titles);
    const gender = [...sheets.values()].find((rows) => rows[1][0] === titles[titles.indexOf('Gender')])!;
    expect(gender.find((row) => row[0] === 'Female')).toEqual(['Female', 3, 3, 7, 7]);
  });

  it("answers the Children's Partnership's packs as not found", async () => {
    const page = await signedInMember();
    for (const tier of ['restricted', 'published'] as const) {
      const id = idOf('safeguarding_children_partnership', tier);
      const response = await page.goto(`${base}/board-reports/${id}`);
      expect(response?.status()).toBe(404);
      expect(await page.textContent('h1')).toContain('Page not found');
      const file = await page.request.get(`${base}/board-reports/${id}/download.pdf`);
      expect(file.status()).toBe(404);
    }
    await page.goto(`${base}/board-reports`);
    expect(await page.textContent('main')).not.toContain('Safeguarding Children Partnership');
  });

  it('shows "c" in the published version where the restricted pack shows 3', async () => {
    const page = await signedInMember();
    await page.goto(`${base}/board-reports/${idOf('safeguarding_adults_board', 'published')}`);
    expect(await page.$('#marking-top')).toBeNull();
    expect(await rowValues(page, 'gender', 'Female')).toEqual(['c', 'c']);
    // The NRM case figures are exact counts of the council's cases: never in a published pack.
    expect(await page.$('#table-support-referrals')).toBeNull();
    await screenshot(page, 'board-pack-published');
  });
});
