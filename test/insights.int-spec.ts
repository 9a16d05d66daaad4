import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { startSystem, type TestSystem } from './support/system';
import { StatisticsFixtures } from './support/fixtures';
import { ifStarted } from './support/teardown';

type Cell = { label: string; count: number | 'c' };
type Breakdown = { dimension: string; title: string; total: number | 'c'; cells: Cell[] };
type CrossTab = {
  rows: string[];
  columns: string[];
  counts: Array<Array<number | 'c'>>;
  rowTotals: Array<number | 'c'>;
  columnTotals: Array<number | 'c'>;
  total: number | 'c';
};
type Population = { total: number; breakdowns: Record<string, Breakdown>; ageGroupByLocation: CrossTab };
type Report = {
  referrals: Population;
  individuals: Population;
  quarters: Array<{ code: string; label: string; referrals: number; individuals: number }>;
  decisions: { reasonableGrounds: CrossTab; conclusiveGrounds: CrossTab; consentToStay: CrossTab; withdrawals: Breakdown };
  figuresAre: string;
  period: { code: string };
  dataCutOff: string;
};

const count = (b: Breakdown, label: string): number | 'c' | undefined => b.cells.find((c) => c.label === label)?.count;
const cell = (t: CrossTab, row: string, column: string): number | 'c' => t.counts[t.rows.indexOf(row)][t.columns.indexOf(column)];

describe('StatisticsController (insights)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let fixtures: StatisticsFixtures;
  let lead: string;
  let board: string;

  beforeAll(async () => {
    system = await startSystem({ insights: true });
    ({ sql } = system);
    app = system.insights!;
    fixtures = new StatisticsFixtures(sql);
    lead = await bearer('safeguarding_lead');
    board = await bearer('board_viewer');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const statistics = async (query: string, token = lead): Promise<Report> =>
    (await request(app.getHttpServer()).get(`/v1/statistics?${query}`).set('Authorization', token).expect(200)).body;

  /** Every breakdown of both populations adds up to its total, and individuals never exceed referrals. */
  function expectConsistent(report: Report): void {
    for (const population of [report.referrals, report.individuals]) {
      for (const breakdown of Object.values(population.breakdowns)) {
        expect(breakdown.total).toBe(population.total);
        expect(breakdown.cells.reduce((sum, c) => sum + (c.count as number), 0)).toBe(population.total);
      }
      expect(population.ageGroupByLocation.total).toBe(population.total);
    }
    expect(report.individuals.total).toBeLessThanOrEqual(report.referrals.total);
    expect(report.quarters.reduce((sum, q) => sum + q.referrals, 0)).toBe(report.referrals.total);
  }

  describe('scenarios', () => {
    it('counts 80 referrals in a quarter, 43 male and 37 female', async () => {
      await fixtures.referrals(80, (i) => ({ gender: i < 43 ? 'male' : 'female', referredAt: `2019-02-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z` }));
      const report = await statistics('period=2019-Q1');
      expect(report.referrals.total).toBe(80);
      expect(count(report.referrals.breakdowns.gender, 'Male')).toBe(43);
      expect(count(report.referrals.breakdowns.gender, 'Female')).toBe(37);
      expect(report.individuals.total).toBe(80);
      expectConsistent(report);
    });

    it('counts a child referred in LCS at 17 and again in AIS at 18, both records linked to one person, as 1 individual and 2 referrals', async () => {
      const person = await fixtures.person();
      const at17 = await fixtures.referral({
        under18: 'yes',
        dateOfBirth: '2001-09-10',
        referredAt: '2019-04-15T09:00:00Z',
        exploitationTypes: ['criminal'],
        gender: 'male',
        nationality: 'VNM',
      });
      const at18 = await fixtures.referral({
        under18: 'no',
        under18DuringExploitation: 'yes',
        dateOfBirth: '2001-09-10',
        referredAt: '2019-10-01T09:00:00Z',
        exploitationTypes: ['criminal', 'labour'],
        gender: 'male',
        nationality: 'VNM',
      });
      await fixtures.link(at17, person);
      await fixtures.link(at18, person);
      const report = await statistics('period=2019/20');
      expect(report.referrals.total).toBe(2);
      expect(report.individuals.total).toBe(1);
      expect(count(report.referrals.breakdowns.caseSystem, 'LCS')).toBe(1);
      expect(count(report.referrals.breakdowns.caseSystem, 'AIS')).toBe(1);
      // Both referrals are of a child at exploitation: the age group does not change when services change.
      expect(count(report.referrals.breakdowns.ageGroup, 'Child (17 or under)')).toBe(2);
      // The individual is shown by their earliest referral in the period.
      expect(count(report.individuals.breakdowns.exploitationType, 'Criminal')).toBe(1);
      expect(count(report.individuals.breakdowns.caseSystem, 'LCS')).toBe(1);
      // One in each quarter they were referred in.
      expect(report.quarters.map((q) => [q.code, q.referrals, q.individuals])).toEqual([
        ['2019-Q2', 1, 1],
        ['2019-Q3', 0, 0],
        ['2019-Q4', 1, 1],
        ['2020-Q1', 0, 0],
      ]);
      expectConsistent(report);
    });

    it('adds no referral and no individual when a case moves from LCS to AIS', async () => {
      const person = await fixtures.person();
      const child = await fixtures.referral({ under18: 'yes', dateOfBirth: '2002-01-20', referredAt: '2019-11-05T10:00:00Z' });
      await fixtures.link(child, person);
      const before = await statistics('from=2019-11-01&to=2019-11-30');
      await fixtures.transition(child, 'eighteenth_birthday', '2020-01-20');
      const after = await statistics('from=2019-11-01&to=2019-11-30');
      expect([after.referrals.total, after.individuals.total]).toEqual([before.referrals.total, before.individuals.total]);
      expect([after.referrals.total, after.individuals.total]).toEqual([1, 1]);
      // Counted in the system it was recorded in at the time: the past period's breakdown does not move.
      expect(count(after.referrals.breakdowns.caseSystem, 'AIS')).toBe(0);
      expect(count(after.referrals.breakdowns.caseSystem, 'LCS')).toBe(1);
      expect(after.referrals.breakdowns.caseSystem).toEqual(before.referrals.breakdowns.caseSystem);
      expect(after.referrals.breakdowns.ageGroup).toEqual(before.referrals.breakdowns.ageGroup);
    });

    it('never counts an anonymous notification as an individual, even one the person index holds a placeholder for', async () => {
      const named = await fixtures.referrals(2, { referredAt: '2018-02-10T10:00:00Z' });
      const anonymous = await fixtures.referrals(3, { kind: 'dtn', anonymous: true, referredAt: '2018-02-11T10:00:00Z' });
      const placeholder = await fixtures.person();
      await fixtures.link(anonymous[0], placeholder, 'anonymous');
      await fixtures.link(named[0], await fixtures.person());
      const report = await statistics('period=2018-02');
      expect(report.referrals.total).toBe(5);
      expect(count(report.referrals.breakdowns.kind, 'Duty to Notify')).toBe(3);
      expect(report.individuals.total).toBe(2);
      expect(count(report.individuals.breakdowns.kind, 'Duty to Notify')).toBe(0);
      expectConsistent(report);
    });

    it('counts a non-anonymous notification (the person cooperates) as an individual', async () => {
      await fixtures.referral({ kind: 'dtn', anonymous: false, referredAt: '2018-03-03T10:00:00Z' });
      const report = await statistics('period=2018-03');
      expect([report.referrals.total, report.individuals.total]).toEqual([1, 1]);
    });

    it('counts a referral not yet linked to a person as an individual of its own, once linked as its person', async () => {
      const person = await fixtures.person();
      const first = await fixtures.referral({ referredAt: '2018-04-02T10:00:00Z' });
      const second = await fixtures.referral({ referredAt: '2018-04-20T10:00:00Z' });
      await fixtures.link(first, person);
      expect((await statistics('period=2018-04')).individuals.total).toBe(2);
      await fixtures.link(second, person);
      expect((await statistics('period=2018-04')).individuals.total).toBe(1);
    });

    it('reduces individuals when two persons are merged, following merges to the surviving person', async () => {
      const [a, b, c] = [await fixtures.person(), await fixtures.person(), await fixtures.person()];
      const referrals = await fixtures.referrals(3, (i) => ({ referredAt: `2018-05-0${i + 1}T10:00:00Z` }));
      await fixtures.link(referrals[0], a);
      await fixtures.link(referrals[1], b);
      await fixtures.link(referrals[2], c);
      expect((await statistics('period=2018-05')).individuals.total).toBe(3);
      await fixtures.merge(a, b);
      expect((await statistics('period=2018-05')).individuals.total).toBe(2);
      // Between the deduplicator's two steps only merged_into is set: the chain a → b → c is still one person.
      await fixtures.merge(b, c, { repoint: false });
      const report = await statistics('period=2018-05');
      expect([report.referrals.total, report.individuals.total]).toEqual([3, 1]);
    });

    it('labels dual nationals and combined exploitation types as the Home Office tables do', async () => {
      await fixtures.referral({
        referredAt: '2018-06-05T10:00:00Z',
        nationality: 'ALB',
        secondNationality: 'GRC',
        exploitationTypes: ['criminal', 'sexual', 'labour'],
      });
      await fixtures.referral({ referredAt: '2018-06-06T10:00:00Z', nationality: 'UNK', exploitationTypes: ['other'] });
      const report = await statistics('period=2018-06');
      expect(count(report.referrals.breakdowns.nationality, 'Albanian Greek')).toBe(1);
      expect(count(report.referrals.breakdowns.exploitationType, 'Sexual, Labour & Criminal')).toBe(1);
      expect(count(report.referrals.breakdowns.exploitationType, 'Not specified or unknown')).toBe(1);
      expect(report.referrals.breakdowns.nationality.cells.map((c) => c.label)).toEqual(['Albanian Greek', 'Unknown']);
      expectConsistent(report);
    });

    it('puts a referral at 00:30 BST on 1 April in April, by its UK date', async () => {
      await fixtures.referral({ referredAt: '2014-03-31T23:30:00Z' });
      expect((await statistics('period=2014-04-01..2014-04-01')).referrals.total).toBe(1);
      expect((await statistics('period=2014-03')).referrals.total).toBe(0);
    });

    it('counts Home Office decisions made in the period by outcome and age at exploitation', async () => {
      const child = await fixtures.referral({ under18: 'yes', referredAt: '2017-01-10T10:00:00Z' });
      const adult = await fixtures.referral({ referredAt: '2017-01-11T10:00:00Z' });
      const unknown = await fixtures.referral({ under18: 'no', under18DuringExploitation: 'not_sure', referredAt: '2017-01-12T10:00:00Z' });
      await fixtures.decision(child, 'reasonable_grounds', 'positive', '2017-04-03');
      await fixtures.decision(adult, 'reasonable_grounds', 'negative', '2017-04-04');
      await fixtures.decision(unknown, 'reasonable_grounds', 'positive', '2017-04-05');
      await fixtures.decision(child, 'conclusive_grounds', 'positive', '2017-05-03');
      await fixtures.decision(unknown, 'withdrawal', null, '2017-05-04');
      await fixtures.decision(child, 'consent_to_stay', 'consented', '2017-05-01');
      const report = await statistics('period=2017-Q2');
      const { reasonableGrounds, conclusiveGrounds, consentToStay, withdrawals } = report.decisions;
      expect(reasonableGrounds.total).toBe(3);
      expect(cell(reasonableGrounds, 'Positive', 'Child (17 or under)')).toBe(1);
      expect(cell(reasonableGrounds, 'Negative', 'Adult (18 or over)')).toBe(1);
      expect(cell(reasonableGrounds, 'Positive', 'Not specified or unknown')).toBe(1);
      expect(cell(conclusiveGrounds, 'Positive', 'Child (17 or under)')).toBe(1);
      expect(cell(consentToStay, 'Consented to stay', 'Child (17 or under)')).toBe(1);
      expect(count(withdrawals, 'Not specified or unknown')).toBe(1);
      // Decisions are events, not referrals: the quarter has none.
      expect(report.referrals.total).toBe(0);
    });

    it('counts the final outcome of a reconsidered decision once, in the outcome by age group table', async () => {
      const adult = await fixtures.referral({ referredAt: '2018-01-10T10:00:00Z' });
      const upheld = await fixtures.referral({ under18: 'yes', referredAt: '2018-01-11T10:00:00Z' });
      await fixtures.decision(adult, 'reasonable_grounds', 'negative', '2018-01-20');
      await fixtures.decision(adult, 'reconsideration_requested', null, '2018-01-25');
      await fixtures.decision(adult, 'reasonable_grounds', 'positive', '2018-02-20');
      await fixtures.decision(upheld, 'reasonable_grounds', 'negative', '2018-01-21');
      await fixtures.decision(upheld, 'reconsideration_requested', null, '2018-01-26');
      await fixtures.decision(upheld, 'reasonable_grounds', 'negative', '2018-02-21');
      const { reasonableGrounds } = (await statistics('period=2018-Q1')).decisions;
      expect(reasonableGrounds.total).toBe(2);
      expect(cell(reasonableGrounds, 'Positive', 'Adult (18 or over)')).toBe(1);
      expect(cell(reasonableGrounds, 'Negative', 'Adult (18 or over)')).toBe(0);
      expect(cell(reasonableGrounds, 'Negative', 'Child (17 or under)')).toBe(1);
    });

    it('splits the population by age at referral: adults, and children (an adult age assessment moves one across)', async () => {
      await fixtures.referrals(3, { referredAt: '2016-02-01T10:00:00Z' });
      await fixtures.referrals(2, { under18: 'yes', referredAt: '2016-02-02T10:00:00Z' });
      const assessed = await fixtures.referral({ under18: 'not_sure', referredAt: '2016-02-03T10:00:00Z' });
      await fixtures.ageAssessment(assessed, 'adult', '2016-02-20');
      const [all, adults, children] = await Promise.all(['all', 'adults', 'children'].map((p) => statistics(`period=2016-02&population=${p}`)));
      expect([all.referrals.total, adults.referrals.total, children.referrals.total]).toEqual([6, 4, 2]);
    });
  });

  describe('access', () => {
    it('answers a published period outside the supported financial years with a 400 naming period, not a 500', async () => {
      const refused = async (query: string, token: string): Promise<Array<{ path: string; message: string }>> =>
        (await request(app.getHttpServer()).get(`/v1/statistics?${query}`).set('Authorization', token).expect(400)).body.errors;
      for (const period of ['1900-Q1', '9999-Q4', '2032/33']) {
        expect(await refused(`period=${period}`, board)).toEqual([{ path: 'period', message: expect.stringContaining('from April 1900 (1900/01)') }]);
        expect(await refused(`period=${period}&figures=disclosure_controlled`, lead)).toEqual([expect.objectContaining({ path: 'period' })]);
      }
      // The lead's exact figures read any span of days the calendar can write.
      expect((await statistics('period=1900-Q1')).referrals.total).toBe(0);
      expect((await statistics('period=9999-Q4')).referrals.total).toBe(0);
      expect((await statistics('from=1900-01-01&to=9999-12-31')).referrals.total).toBeGreaterThanOrEqual(0);
    });

    it('gives a board viewer disclosure-controlled figures: 1 to 5 as "c", zero as 0', async () => {
      // 2012-Q2, in a financial year (2012/13) no other test here writes to: published figures are protected with
      // the year's other quarters, and small counts there would hide more here.
      await fixtures.referrals(30, (i) => ({ referredAt: '2012-05-05T10:00:00Z', gender: i < 3 ? 'other' : i < 15 ? 'female' : 'male' }));
      const report = await statistics('period=2012-Q2', board);
      expect(report.figuresAre).toBe('disclosure_controlled');
      expect(count(report.referrals.breakdowns.gender, 'Other')).toBe('c');
      expect(count(report.referrals.breakdowns.gender, 'Not recorded')).toBe(0);
      expect(report.referrals.total).toBe(30);
      const exact = await statistics('period=2012-Q2');
      expect(exact.figuresAre).toBe('exact');
      expect(count(exact.referrals.breakdowns.gender, 'Other')).toBe(3);
    });

    it('gives a board viewer whose token names their board that board’s population only, by default', async () => {
      const children = await bearer('board_viewer', undefined, 'scp-member', { board: 'safeguarding_children_partnership' });
      const report = await statistics('period=2012-Q2', children);
      expect(report.figuresAre).toBe('disclosure_controlled');
      expect((report as unknown as { population: { code: string } }).population.code).toBe('children');
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2&population=children').set('Authorization', children).expect(200);
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2&population=all').set('Authorization', children).expect(403);
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2&population=adults').set('Authorization', children).expect(403);
    });

    it('gives a board member exact figures of their board’s population, audits each read, and never another board’s', async () => {
      const member = await bearer('board_member', undefined, 'sab-member-1', { board: 'safeguarding_adults_board' });
      const report = await statistics('period=2012-Q2', member);
      expect(report.figuresAre).toBe('exact');
      expect((report as unknown as { population: { code: string } }).population.code).toBe('adults');
      const lead = await statistics('period=2012-Q2&population=adults');
      expect(report.referrals.total).toBe(lead.referrals.total);
      expect(report.referrals.breakdowns.gender).toEqual(lead.referrals.breakdowns.gender);
      const { rows } = await sql.query(
        `SELECT actor_role, outcome, details FROM central.audit_events WHERE actor_sub = 'sab-member-1' AND action = 'statistics.read'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_role: 'board_member',
        outcome: 'allowed',
        details: expect.objectContaining({ period: '2012-Q2', population: 'adults', figuresAre: 'exact' }),
      });
      for (const population of ['children', 'all']) {
        await request(app.getHttpServer()).get(`/v1/statistics?period=2012-Q2&population=${population}`).set('Authorization', member).expect(403);
      }
      const children = await bearer('board_member', undefined, 'scp-member-1', { board: 'safeguarding_children_partnership' });
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2&population=adults').set('Authorization', children).expect(403);
      expect((await statistics('period=2012-Q2', children)).figuresAre).toBe('exact');
    });

    it.each([
      ['a one-day window', 'from=2015-05-05&to=2015-05-05', ['from', 'period', 'to']],
      ['a quarter less its last day', 'from=2015-04-01&to=2015-06-29', ['from', 'period', 'to']],
      ['a month', 'period=2015-05', ['period']],
      ['a span written as a period', 'period=2015-04-01..2015-06-29', ['period']],
      ['no period', '', ['period']],
    ])('answers a board viewer asking for %s with a 400 naming the periods it may ask for', async (_, query, paths) => {
      const res = await request(app.getHttpServer()).get(`/v1/statistics?${query}`).set('Authorization', board).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
      for (const error of res.body.errors) expect(error.message).toMatch(/calendar quarter such as "2026-Q4".*financial year.*"2026\/27"/);
    });

    it('answers a board viewer the current calendar quarter and financial year', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
      const [year, month] = today.split('-').map(Number);
      const quarter = `${year}-Q${Math.ceil(month / 3)}`;
      const startYear = month >= 4 ? year : year - 1;
      const financialYear = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
      expect((await statistics(`period=${quarter}`, board)).period.code).toBe(quarter);
      expect((await statistics(`period=${encodeURIComponent(financialYear)}`, board)).period.code).toBe(financialYear);
    });

    it('refuses exact figures to a board viewer', async () => {
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2&figures=exact').set('Authorization', board).expect(403);
    });

    it('lets the safeguarding lead preview what a board would see', async () => {
      const report = await statistics('period=2012-Q2&figures=disclosure_controlled');
      expect(count(report.referrals.breakdowns.gender, 'Other')).toBe('c');
    });

    it.each([
      ['first_responder', 'Thames Valley Police'],
      ['service', undefined],
      ['admin', undefined],
    ] as const)('answers 403 to a %s', async (role, org) => {
      await request(app.getHttpServer())
        .get('/v1/statistics?period=2012-Q2')
        .set('Authorization', await bearer(role, org))
        .expect(403);
    });

    it('answers 401 without a token', async () => {
      await request(app.getHttpServer()).get('/v1/statistics?period=2012-Q2').expect(401);
    });
  });

  describe('periods', () => {
    it.each([
      ['period=2025-13', 'period'],
      ['period=2018/20', 'period'],
      ['from=2025-02-30&to=2025-03-01', 'from'],
      ['from=2025-04-01&to=2025-03-01', 'to'],
      ['from=2025-04-01', 'to'],
      ['', 'period'],
      ['period=2025-Q1&from=2025-01-01&to=2025-01-31', 'period'],
      ['period=2025-Q1&population=teenagers', 'population'],
    ])('refuses %j with a 400 naming %s', async (query, path) => {
      const res = await request(app.getHttpServer()).get(`/v1/statistics?${query}`).set('Authorization', lead).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('reads a financial year as April to March', async () => {
      const report = await statistics('period=2018/19');
      expect(report.quarters.map((q) => q.code)).toEqual(['2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1']);
    });

    it('cuts partial quarters of a from/to range to the range', async () => {
      const report = await statistics('from=2019-02-15&to=2019-04-14');
      expect(report.quarters.map((q) => [q.code, q.label])).toEqual([
        ['2019-02-15..2019-03-31', 'Q1 2019 (15 February to 31 March)'],
        ['2019-04-01..2019-04-14', 'Q2 2019 (1 April to 14 April)'],
      ]);
      expectConsistent(report);
    });
  });

  describe('formats', () => {
    it('writes CSV, one number per row', async () => {
      const res = await request(app.getHttpServer()).get('/v1/statistics?period=2019-Q1&format=csv').set('Authorization', lead).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe('period,from,to,coverage,measure,table,category,subcategory,count');
      expect(lines).toContain('2019-Q1,2019-01-01,2019-03-31,all,referrals,Gender,Male,,43');
    });

    it('writes a self-contained HTML report with inline SVG charts and print CSS', async () => {
      const res = await request(app.getHttpServer()).get('/v1/statistics?period=2019-Q1&format=html').set('Authorization', lead).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<svg');
      expect(res.text).toContain('@media print');
      expect(res.text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    });
  });

  it('is documented in OpenAPI', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(200);
    const { paths }: { paths: object } = res.body;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/statistics', '/v1/board-reports', '/v1/board-reports/{id}']));
  });
});
