import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Queue } from 'bullmq';
import fc from 'fast-check';
import type { Client } from 'pg';
import request from 'supertest';
import { auditLinkedPopulations, auditTablesSharingTotal, EARLIER_REVISION, linkRevisions } from '@app/statistics/disclosure.testing';
import { PublishedBreakdown, PublishedCount, PublishedCrossTab, publishedColumnBreakdown, publishedRowBreakdown } from '@app/statistics';
import { signDevelopmentToken, type Board } from '@app/auth';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { auditBoardReports, boardReportsAsLinkedPopulations, BoardPopulation, PublishedReportFigures } from './support/published-figures';
import { ReferralRow, StatisticsFixtures } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

type Breakdown = PublishedBreakdown & { title: string };
type CrossTab = PublishedCrossTab & { title: string };
type Population = { total: PublishedCount; breakdowns: Record<string, Breakdown>; ageGroupByLocation: CrossTab };
type Published = {
  referrals: Population;
  individuals: Population;
  quarters: Array<{ code: string; label: string; referrals: PublishedCount; individuals: PublishedCount }>;
  decisions: { reasonableGrounds: CrossTab; conclusiveGrounds: CrossTab; consentToStay: CrossTab; withdrawals: Breakdown };
};
type BoardReport = {
  id: string;
  revision: number;
  supersedes: string | null;
  created: boolean;
  audience: { code: string; name: string };
  tier: 'published' | 'restricted';
  dataCutOff: string;
  statistics: Published & { figuresAre: string };
  changes: {
    previousRevision: number;
    previousId: string;
    changed: Array<{ measure: string; table: string; category: string; before: unknown; after: unknown }>;
  } | null;
  disclosure: { rule: string; audited: boolean; primary?: number; secondary?: number };
  requestedBy?: string;
};

/** Every published count of a report, wherever it sits. */
function allCounts(p: Published): PublishedCount[] {
  const crossTab = (t: PublishedCrossTab) => [...t.counts.flat(), ...t.rowTotals, ...t.columnTotals, t.total];
  const breakdown = (b: PublishedBreakdown) => [...b.cells.map((c) => c.count), b.total];
  const population = (x: Population) => [x.total, ...Object.values(x.breakdowns).flatMap(breakdown), ...crossTab(x.ageGroupByLocation)];
  return [
    ...population(p.referrals),
    ...population(p.individuals),
    ...p.quarters.flatMap((q) => [q.referrals, q.individuals]),
    ...crossTab(p.decisions.reasonableGrounds),
    ...crossTab(p.decisions.conclusiveGrounds),
    ...crossTab(p.decisions.consentToStay),
    ...breakdown(p.decisions.withdrawals),
  ];
}

/**
 * Audits a published report as a reader holding all of it would read it: each population's tables together
 * (with referrals by quarter, which adds up to the same total), each decision table on its own. The age-group and
 * location breakdowns must be exactly the cross-tab's margins, so they tell a reader nothing more.
 */
function auditReport(p: Published): Array<{ what: string; safe: boolean; recoverable: number }> {
  const results: Array<{ what: string; safe: boolean; recoverable: number }> = [];
  for (const name of ['referrals', 'individuals'] as const) {
    const population = p[name];
    expect(population.breakdowns.ageGroup.cells).toEqual(publishedRowBreakdown(population.ageGroupByLocation).cells);
    expect(population.breakdowns.location.cells).toEqual(publishedColumnBreakdown(population.ageGroupByLocation).cells);
    const breakdowns = Object.entries(population.breakdowns)
      .filter(([key]) => key !== 'ageGroup' && key !== 'location')
      .map(([, b]) => b);
    if (name === 'referrals') {
      breakdowns.push({
        dimension: 'quarter',
        title: 'Quarter',
        total: population.total,
        cells: p.quarters.map((q) => ({ label: q.label, count: q.referrals })),
      });
    }
    const audit = auditTablesSharingTotal({ breakdowns, crossTabs: [population.ageGroupByLocation] });
    results.push({ what: name, safe: audit.safe, recoverable: audit.recoverable.length });
  }
  for (const [what, t] of Object.entries(p.decisions)) {
    const audit = 'cells' in t ? auditTablesSharingTotal({ breakdowns: [t] }) : auditTablesSharingTotal({ crossTabs: [t] });
    results.push({ what, safe: audit.safe, recoverable: audit.recoverable.length });
  }
  return results;
}

const GENDERS = ['female', 'male', 'other'] as const;
const NATIONALITIES = ['ALB', 'GBR', 'VNM', 'ERI', 'SDN', 'ROU', 'POL'];
const TYPES = [['sexual'], ['labour'], ['criminal'], ['domestic_servitude'], ['sexual', 'labour'], ['criminal', 'labour']];
const RESPONDERS = ['police', 'local_authority', 'ngo', 'government_agency', 'health'];
const LOCATIONS = ['uk', 'overseas', 'uk_and_overseas'] as const;

/** A referral with attributes drawn from small pools, so a quarter has both large and small cells. */
function varied(i: number, day: string): ReferralRow {
  const pick = <T>(xs: readonly T[], k: number): T => xs[k % xs.length];
  const child = i % 3 === 0;
  return {
    referredAt: `${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`,
    under18: child ? 'yes' : 'no',
    gender: pick(GENDERS, i % 11 === 0 ? 2 : i),
    nationality: pick(NATIONALITIES, (i * 7) % 13),
    exploitationTypes: pick(TYPES, (i * 5) % 7),
    organisationType: pick(RESPONDERS, (i * 3) % 8),
    exploitationLocation: pick(LOCATIONS, i % 4),
    kind: !child && i % 5 === 0 ? 'dtn' : 'nrm',
    anonymous: !child && i % 5 === 0 && i % 2 === 0,
  };
}

describe('BoardReportController (insights)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let fixtures: StatisticsFixtures;
  let reportsQueue: Queue;
  let lead: string;
  let board: string;

  beforeAll(async () => {
    system = await startSystem({ env: { BOARD_REPORT_QUARTERLY_CRON: '0 5 8 1,4,7,10 *' }, insights: true });
    ({ insights: app, sql } = system as Required<TestSystem>);
    fixtures = new StatisticsFixtures(sql);
    reportsQueue = system.queue('reports');
    lead = await bearer('safeguarding_lead');
    board = await bearer('board_viewer');
  });

  afterAll(async () => {
    await ifStarted(reportsQueue)
      ?.obliterate({ force: true })
      .catch(() => undefined);
    await ifStarted(system)?.close();
  });

  const AUDIENCE_OF: Record<BoardPopulation, string> = {
    adults: 'safeguarding_adults_board',
    children: 'safeguarding_children_partnership',
    all: 'community_safety_partnership',
  };
  /** The standing revision of every board's report of a period, as each board's viewer reads them. */
  const standing = async (period: string): Promise<Record<BoardPopulation, BoardReport>> => {
    const latest = async (audience: string): Promise<BoardReport> => {
      const member = await bearer('board_viewer', undefined, `member-${audience}`, { board: audience as Board });
      const list: { items: BoardReport[] } = (
        await request(app.getHttpServer()).get(`/v1/board-reports?period=${period}&pageSize=100`).set('Authorization', member).expect(200)
      ).body;
      const revisions = list.items.filter((r) => r.audience.code === audience);
      const newest = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
      return read(newest.id, member);
    };
    return { adults: await latest(AUDIENCE_OF.adults), children: await latest(AUDIENCE_OF.children), all: await latest(AUDIENCE_OF.all) };
  };
  const figuresOf = (reports: Record<BoardPopulation, BoardReport>): Record<BoardPopulation, PublishedReportFigures> => ({
    adults: reports.adults.statistics,
    children: reports.children.statistics,
    all: reports.all.statistics,
  });

  const generate = async (audience: string, period: string, expected = 201): Promise<BoardReport> =>
    (await request(app.getHttpServer()).post('/v1/board-reports').set('Authorization', lead).send({ audience, period }).expect(expected)).body;
  const read = async (id: string, token = board): Promise<BoardReport> =>
    (await request(app.getHttpServer()).get(`/v1/board-reports/${id}`).set('Authorization', token).expect(200)).body;

  describe('bad requests', () => {
    it('refuses a report for a period outside the supported financial years, naming period', async () => {
      for (const period of ['1900-Q1', '9999-Q4']) {
        const refused = await request(app.getHttpServer())
          .post('/v1/board-reports')
          .set('Authorization', lead)
          .send({ audience: 'community_safety_partnership', period })
          .expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'period' })]);
      }
    });

    it('lists no report to a board viewer asking for the restricted tier, with a 200', async () => {
      const listed = await request(app.getHttpServer()).get('/v1/board-reports?tier=restricted').set('Authorization', board).expect(200);
      expect(listed.body).toMatchObject({ items: [], total: 0 });
    });
  });

  describe('a quarter with small counts', () => {
    let persons: string[];
    let first: BoardReport;

    beforeAll(async () => {
      persons = [];
      for (let i = 0; i < 40; i++) persons.push(await fixtures.person());
      const ids = await fixtures.referrals(120, (i) => varied(i, `2021-0${4 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`));
      // Most referrals linked, some people referred twice, a few not linked yet.
      for (let i = 0; i < 100; i++) {
        const anonymous = i % 5 === 0 && i % 3 !== 0 && i % 2 === 0;
        if (!anonymous) await fixtures.link(ids[i], persons[i % 40]);
      }
      await fixtures.decision(ids[3], 'reasonable_grounds', 'positive', '2021-05-20');
      await fixtures.decision(ids[6], 'reasonable_grounds', 'negative', '2021-05-21');
      first = await generate('community_safety_partnership', '2021-Q2');
    });

    it('stores revision 1 of an on-demand report, with nothing to compare it with', () => {
      expect(first).toMatchObject({ revision: 1, supersedes: null, created: true, changes: null });
      expect(first.audience).toEqual({ code: 'community_safety_partnership', name: 'Community Safety Partnership' });
      expect(first.statistics.figuresAre).toBe('disclosure_controlled');
    });

    it('never shows a count from 1 to 5', () => {
      const counts = allCounts(first.statistics);
      expect(counts).toContain('c');
      expect(counts.filter((c) => typeof c === 'number' && c >= 1 && c <= 5)).toEqual([]);
    });

    it('suppresses more than the small counts where a "c" could otherwise be worked out (secondary suppression)', async () => {
      expect(first.disclosure.primary).toBeGreaterThan(0);
      expect(first.disclosure.secondary).toBeGreaterThan(0);
      const exact = (await request(app.getHttpServer()).get('/v1/statistics?period=2021-Q2').set('Authorization', lead).expect(200)).body;
      const hiddenLarge: string[] = [];
      for (const measure of ['referrals', 'individuals'] as const) {
        for (const [name, shown] of Object.entries(first.statistics[measure].breakdowns)) {
          const cells = exact[measure].breakdowns[name].cells as Array<{ label: string; count: number }>;
          shown.cells.forEach((c, i) => {
            expect(cells[i].label).toBe(c.label);
            if (c.count === 'c' && cells[i].count > 5) hiddenLarge.push(`${measure} ${name}: ${c.label}`);
            if (c.count !== 'c') expect(c.count).toBe(cells[i].count);
          });
        }
        const shownCells = first.statistics[measure].ageGroupByLocation.counts.flat();
        const exactCells = (exact[measure].ageGroupByLocation.counts as number[][]).flat();
        shownCells.forEach((c, i) => {
          if (c === 'c' && exactCells[i] > 5) hiddenLarge.push(`${measure} age group × location`);
        });
      }
      expect(hiddenLarge.length).toBeGreaterThan(0);
    });

    it('leaves no suppressed count recoverable from totals and other cells (exact audit)', () => {
      const audits = auditReport(first.statistics);
      expect(audits.filter((a) => !a.safe)).toEqual([]);
    });

    it('answers the standing revision when nothing a board can see has changed', async () => {
      const again = await generate('community_safety_partnership', '2021-Q2', 200);
      expect(again).toMatchObject({ id: first.id, revision: 1, created: false });
    });

    it('makes the next revision after late data, showing what changed', async () => {
      await fixtures.referrals(7, (i) => ({ referredAt: '2021-06-30T20:00:00Z', gender: 'male', nationality: i < 6 ? 'GBR' : 'ALB' }));
      const second = await generate('community_safety_partnership', '2021-Q2');
      expect(second).toMatchObject({ revision: 2, supersedes: first.id, created: true });
      expect(new Date(second.dataCutOff).getTime()).toBeGreaterThan(new Date(first.dataCutOff).getTime());
      expect(second.changes).toMatchObject({ previousRevision: 1, previousId: first.id });
      expect(second.changes?.changed).toContainEqual(
        expect.objectContaining({ measure: 'referrals', table: 'Total', category: 'Total', before: 120, after: 127 }),
      );
      expect(allCounts(second.statistics).filter((c) => typeof c === 'number' && c >= 1 && c <= 5)).toEqual([]);
      expect(auditReport(second.statistics).filter((a) => !a.safe)).toEqual([]);
    });

    it('makes the next revision after a merge of two persons, with fewer individuals', async () => {
      const before = await read((await generate('community_safety_partnership', '2021-Q2', 200)).id, lead);
      await fixtures.merge(persons[0], persons[1]);
      const third = await generate('community_safety_partnership', '2021-Q2');
      expect(third.revision).toBe(before.revision + 1);
      const change = third.changes?.changed.find((c) => c.measure === 'individuals' && c.table === 'Total');
      expect(change).toEqual(expect.objectContaining({ before: before.statistics.individuals.total }));
      expect(change?.after).toBe((before.statistics.individuals.total as number) - 1);
    });

    it('lets a board viewer read a report, without the suppression tally or who asked for it', async () => {
      const shown = await read(first.id);
      expect(shown.statistics).toEqual(first.statistics);
      expect(shown.disclosure).toEqual({ rule: expect.stringContaining('"c"'), audited: true });
      expect(shown.requestedBy).toBeUndefined();
      const list = await request(app.getHttpServer())
        .get('/v1/board-reports?period=2021-Q2&audience=community_safety_partnership')
        .set('Authorization', board)
        .expect(200);
      expect(list.body.items.map((r: BoardReport) => r.revision)).toEqual([3, 2, 1]);
      expect(list.body.items[0].statistics).toBeUndefined();
    });

    it('writes a board report as CSV naming the audience and revision on every row', async () => {
      const res = await request(app.getHttpServer()).get(`/v1/board-reports/${first.id}?format=csv`).set('Authorization', board).expect(200);
      const [header, ...rows] = res.text.trim().split('\r\n');
      expect(header).toBe('audience,revision,period,from,to,coverage,measure,table,category,subcategory,count');
      expect(rows.every((r) => r.startsWith('community_safety_partnership,1,2021-Q2,'))).toBe(true);
      expect(rows.map((r) => r.split(',').pop()).filter((v) => /^[1-5]$/.test(v ?? ''))).toEqual([]);
      expect(res.headers['content-disposition']).toContain('board-report_community-safety-partnership_2021-Q2_r1.csv');
    });

    it('writes a printable HTML report with charts and the changes since the previous revision', async () => {
      const list = await request(app.getHttpServer())
        .get('/v1/board-reports?period=2021-Q2&audience=community_safety_partnership')
        .set('Authorization', board)
        .expect(200);
      const res = await request(app.getHttpServer()).get(`/v1/board-reports/${list.body.items[1].id}?format=html`).set('Authorization', board).expect(200);
      expect(res.text).toContain('What changed since revision 1');
      expect(res.text).toContain('Referrals and individuals by quarter');
      expect((res.text.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
      expect(res.text).toContain('@media print');
      expect(res.text).not.toContain('<script');
    });

    it('is refused by the database when changed or deleted: a snapshot stays what it was', async () => {
      await expect(sql.query(`UPDATE central.board_reports SET revision = 9 WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
      await expect(sql.query(`DELETE FROM central.board_reports WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
      await expect(sql.query(`TRUNCATE central.board_reports`)).rejects.toThrow(/immutable/);
      expect((await read(first.id)).statistics).toEqual(first.statistics);
    });
  });

  describe('audiences', () => {
    it('sends the adults board adults, the children partnership children, and the community safety partnership everyone', async () => {
      // 2025-Q1, in a financial year (2024/25) no other test here writes to: its figures are the year's.
      await fixtures.referrals(9, { referredAt: '2025-02-02T10:00:00Z' });
      await fixtures.referrals(7, { referredAt: '2025-02-03T10:00:00Z', under18: 'yes' });
      const adults = await generate('safeguarding_adults_board', '2025-Q1');
      // Generated with the adults' report, from the same joint protection: asked for, it is the standing revision.
      const children = await generate('safeguarding_children_partnership', '2025-Q1', 200);
      const all = await generate('community_safety_partnership', '2025-Q1', 200);
      expect([adults.statistics.referrals.total, children.statistics.referrals.total, all.statistics.referrals.total]).toEqual([9, 7, 16]);
      expect([adults.revision, children.revision, all.revision]).toEqual([1, 1, 1]);
      expect([children.created, all.created]).toEqual([false, false]);
    });
  });

  describe('the three boards of a period, read together', () => {
    // Adults: 30 men, 20 women. Children: 10 boys, 3 girls. Each board's figures protected alone need only the
    // children's 3 hidden (and a second children's cell with it); then the 3 is all women (23) less adult women (20).
    const period = '2022-Q3';
    let reports: Record<BoardPopulation, BoardReport>;

    beforeAll(async () => {
      const on = (i: number) => `2022-0${7 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
      await fixtures.referrals(30, (i) => ({ referredAt: on(i), gender: 'male', nationality: i % 2 ? 'GBR' : 'ALB' }));
      await fixtures.referrals(20, (i) => ({ referredAt: on(i), gender: 'female', nationality: i % 2 ? 'GBR' : 'ALB' }));
      await fixtures.referrals(10, (i) => ({ referredAt: on(i), gender: 'male', nationality: i % 2 ? 'GBR' : 'ALB', under18: 'yes' }));
      await fixtures.referrals(3, (i) => ({ referredAt: on(i), gender: 'female', nationality: 'ALB', under18: 'yes' }));
      await generate('safeguarding_children_partnership', period);
      reports = await standing(period);
    });

    const gender = (r: BoardReport): Record<string, PublishedCount> =>
      Object.fromEntries(r.statistics.referrals.breakdowns.gender.cells.map((c) => [c.label, c.count]));

    it('shows no count from 1 to 5 in any board’s report', () => {
      for (const r of Object.values(reports)) expect(allCounts(r.statistics).filter((c) => typeof c === 'number' && c >= 1 && c <= 5)).toEqual([]);
    });

    it('hides, in the adults’ or the community safety partnership’s report, what would give the children’s "c" away', () => {
      expect(gender(reports.children).Female).toBe('c');
      expect([gender(reports.adults).Female, gender(reports.all).Female]).toContain('c');
    });

    it('leaves no "c" in any of the three reports that a reader holding all three can work out (exact audit)', () => {
      const audit = auditBoardReports(figuresOf(reports));
      expect(audit.ranges.length).toBeGreaterThan(0);
      expect(audit.recoverable).toEqual([]);
      // Each report alone passes the single-report audit too.
      for (const r of Object.values(reports)) expect(auditReport(r.statistics).filter((a) => !a.safe)).toEqual([]);
    });

    it('would find the children’s "c" had the report that hid the women shown them (the audit has teeth)', async () => {
      // Whichever of the adults' and the all-population reports hid its women, show that count as it is.
      const revealed: BoardPopulation = gender(reports.adults).Female === 'c' ? 'adults' : 'all';
      expect(gender(reports[revealed]).Female).toBe('c');
      const exact = (await request(app.getHttpServer()).get(`/v1/statistics?period=${period}&population=${revealed}`).set('Authorization', lead).expect(200))
        .body;
      const women = exact.referrals.breakdowns.gender.cells.find((c: { label: string }) => c.label === 'Female').count;
      const figures = figuresOf(reports);
      const p = figures[revealed];
      const shownWomen = {
        ...p.referrals.breakdowns.gender,
        cells: p.referrals.breakdowns.gender.cells.map((c) => (c.label === 'Female' ? { ...c, count: women } : c)),
      };
      const leaky = { ...figures, [revealed]: { ...p, referrals: { ...p.referrals, breakdowns: { ...p.referrals.breakdowns, gender: shownWomen } } } };
      const audit = auditBoardReports(leaky);
      expect(audit.recoverable.length).toBeGreaterThan(0);
    });

    it('computes the joint protection afresh on regeneration, new revisions only where figures changed, the standing three still safe together', async () => {
      const before = reports;
      await fixtures.referrals(8, (i) => ({ referredAt: `2022-09-${10 + i}T10:00:00Z`, gender: 'male', nationality: 'ROU' }));
      await generate('community_safety_partnership', period);
      const after = await standing(period);
      expect(after.all.revision).toBe(before.all.revision + 1);
      expect(after.adults.revision).toBe(before.adults.revision + 1);
      expect(after.all.changes?.changed).toContainEqual(expect.objectContaining({ measure: 'referrals', table: 'Total', before: 63, after: 71 }));
      expect(auditBoardReports(figuresOf(after)).recoverable).toEqual([]);
      // The revisions before stay as they were.
      expect((await read(before.adults.id, lead)).statistics).toEqual(before.adults.statistics);
    });

    it('gives the same published figures from GET /v1/statistics as the board reports', async () => {
      const after = await standing(period);
      for (const [population, report] of Object.entries(after) as Array<[BoardPopulation, BoardReport]>) {
        const shown = (
          await request(app.getHttpServer())
            .get(`/v1/statistics?period=${period}&population=${population}`)
            .set('Authorization', lead)
            .query({ figures: 'disclosure_controlled' })
            .expect(200)
        ).body;
        expect(shown.referrals).toEqual(report.statistics.referrals);
        expect(shown.individuals).toEqual(report.statistics.individuals);
      }
    });
  });

  describe('two revisions of one published report, read together', () => {
    // Adults: 5 women and 30 men. A late referral of a woman makes 6: shown as 6 beside the first revision's "c" and
    // a total one higher, it would say the "c" was 5.
    const period = '2023-Q1';
    let first: Record<BoardPopulation, BoardReport>;
    let second: Record<BoardPopulation, BoardReport>;
    const women = (r: BoardReport): PublishedCount | undefined => r.statistics.referrals.breakdowns.gender.cells.find((c) => c.label === 'Female')?.count;

    beforeAll(async () => {
      const on = (i: number) => `2023-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
      await fixtures.referrals(30, (i) => ({ referredAt: on(i), gender: 'male', nationality: 'GBR' }));
      await fixtures.referrals(5, (i) => ({ referredAt: on(i), gender: 'female', nationality: 'GBR' }));
      await generate('safeguarding_adults_board', period);
      first = await standing(period);
      await fixtures.referrals(1, () => ({ referredAt: '2023-03-30T10:00:00Z', gender: 'female', nationality: 'GBR' }));
      await generate('safeguarding_adults_board', period);
      second = await standing(period);
    });

    it('keeps the first revision’s "c" a "c" in the second, though the count is now 6', () => {
      expect(second.adults.revision).toBe(first.adults.revision + 1);
      expect(women(first.adults)).toBe('c');
      expect(women(second.adults)).toBe('c');
    });

    it('leaves no "c" of either revision, of any board, that a reader holding both can narrow to one value (exact audit)', () => {
      const audit = auditLinkedPopulations(
        linkRevisions(boardReportsAsLinkedPopulations(figuresOf(first)), boardReportsAsLinkedPopulations(figuresOf(second))),
      );
      expect(audit.ranges.some((r) => r.cell.population.endsWith(EARLIER_REVISION))).toBe(true);
      expect(audit.recoverable).toEqual([]);
    });

    it('gives GET /v1/statistics the figures of the standing revision', async () => {
      const shown = (
        await request(app.getHttpServer())
          .get(`/v1/statistics?period=${period}&population=adults`)
          .set('Authorization', lead)
          .query({ figures: 'disclosure_controlled' })
          .expect(200)
      ).body;
      expect(shown.referrals).toEqual(second.adults.statistics.referrals);
    });
  });

  describe('roles', () => {
    it('refuses a board viewer generating a report, and a first responder reading one', async () => {
      await request(app.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', board)
        .send({ audience: 'community_safety_partnership', period: '2021-Q2' })
        .expect(403);
      const responder = await bearer('first_responder', 'Thames Valley Police');
      await request(app.getHttpServer()).get('/v1/board-reports').set('Authorization', responder).expect(403);
    });

    it('refuses an unknown audience or period', async () => {
      const res = await request(app.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'parish', period: '2021-Q5' })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('audience');
      const bad = await request(app.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period: '2021-Q5' })
        .expect(400);
      expect(bad.body.errors).toEqual([{ path: 'period', message: expect.stringContaining('quarter') }]);
    });

    it.each(['2022-02', '2022-01-01..2022-01-31'])('generates board reports for published periods only: %s is a 400 naming them', async (period) => {
      const res = await request(app.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'period', message: expect.stringMatching(/calendar quarter such as "2026-Q4".*financial year.*"2026\/27"/) }]);
    });

    it('lets a board viewer whose token names their board list and read that board’s reports only', async () => {
      const children = await bearer('board_viewer', undefined, 'scp-member', { board: 'safeguarding_children_partnership' });
      const list = (await request(app.getHttpServer()).get('/v1/board-reports?pageSize=100').set('Authorization', children).expect(200)).body;
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((r: BoardReport) => r.audience.code === 'safeguarding_children_partnership')).toBe(true);
      await request(app.getHttpServer()).get('/v1/board-reports?audience=community_safety_partnership').set('Authorization', children).expect(403);
      const all = (await request(app.getHttpServer()).get('/v1/board-reports?pageSize=100').set('Authorization', lead).expect(200)).body;
      const theirs = all.items.find((r: BoardReport) => r.audience.code === 'safeguarding_children_partnership' && r.tier === 'published');
      const other = all.items.find((r: BoardReport) => r.audience.code === 'community_safety_partnership' && r.tier === 'published');
      // The restricted pack of their own board is not for the published tier: as if it did not exist.
      const restricted = all.items.find((r: BoardReport) => r.audience.code === 'safeguarding_children_partnership' && r.tier === 'restricted');
      expect(list.items.every((r: BoardReport) => r.tier === 'published')).toBe(true);
      await request(app.getHttpServer()).get(`/v1/board-reports/${restricted.id}`).set('Authorization', children).expect(404);
      await request(app.getHttpServer()).get(`/v1/board-reports/${restricted.id}?format=pdf`).set('Authorization', children).expect(404);
      await request(app.getHttpServer()).get(`/v1/board-reports/${theirs.id}`).set('Authorization', children).expect(200);
      await request(app.getHttpServer()).get(`/v1/board-reports/${other.id}`).set('Authorization', children).expect(404);
      await request(app.getHttpServer()).get(`/v1/board-reports/${other.id}?format=csv`).set('Authorization', children).expect(404);
    });

    it('refuses a board viewer token naming no board: it would read every board’s reports', async () => {
      const unscoped = await signDevelopmentToken(
        { secret: 'referral-hub-development-only-secret-do-not-deploy', issuer: 'referral-hub', audience: 'referral-hub' },
        { sub: 'no-board', role: 'board_viewer' },
      );
      await request(app.getHttpServer()).get('/v1/board-reports?pageSize=100').set('Authorization', `Bearer ${unscoped}`).expect(401);
    });

    it('answers 404 for a report that does not exist, and a malformed id with the 400 naming it', async () => {
      await request(app.getHttpServer()).get('/v1/board-reports/7d0c5b6e-2a51-4c1d-9a55-1f1f1f1f1f1f').set('Authorization', board).expect(404);
      const malformed = await request(app.getHttpServer()).get('/v1/board-reports/xyz').set('Authorization', board).expect(400);
      expect(malformed.body).toEqual({ statusCode: 400, errors: [{ path: 'id', message: 'id must be a UUID' }] });
    });
  });

  describe('schedule', () => {
    it('registers quarterly and annual job schedulers on the reports queue, with the configured cron, in UK time', async () => {
      const schedulers = await reportsQueue.getJobSchedulers();
      const byId = new Map(schedulers.map((s) => [s.key, s]));
      expect(byId.get('board-reports-quarterly')).toMatchObject({ pattern: '0 5 8 1,4,7,10 *', tz: 'Europe/London' });
      expect(byId.get('board-reports-annual')).toMatchObject({ pattern: '30 6 7 4 *', tz: 'Europe/London' });
    });

    it('generates every audience’s report of the quarter just ended when the quarterly job runs', async () => {
      await fixtures.referrals(12, { referredAt: '2023-08-08T10:00:00Z' });
      const job = await reportsQueue.add('quarterly-board-reports', { cadence: 'quarterly', asOf: '2023-10-08' });
      const result = await eventually(async () => ((await job.isCompleted()) ? (await reportsQueue.getJob(job.id as string))?.returnvalue : undefined));
      expect(result.period).toBe('2023-Q3');
      expect(result.reports.map((r: { audience: string; tier: string; revision: number }) => [r.audience, r.tier, r.revision])).toEqual([
        ['safeguarding_adults_board', 'published', 1],
        ['safeguarding_children_partnership', 'published', 1],
        ['community_safety_partnership', 'published', 1],
        ['safeguarding_adults_board', 'restricted', 1],
        ['safeguarding_children_partnership', 'restricted', 1],
        ['community_safety_partnership', 'restricted', 1],
      ]);
      const { rows } = await sql.query(`SELECT trigger, requested_by FROM central.board_reports WHERE period_code = '2023-Q3'`);
      expect(rows.every((r) => r.trigger === 'schedule' && r.requested_by === 'scheduler:quarterly')).toBe(true);
    });

    it('generates the financial year just ended when the annual job runs', async () => {
      const job = await reportsQueue.add('annual-board-reports', { cadence: 'annual', asOf: '2024-04-07' });
      const result = await eventually(async () => ((await job.isCompleted()) ? (await reportsQueue.getJob(job.id as string))?.returnvalue : undefined));
      expect(result.period).toBe('2023/24');
    });
  });

  describe('disclosure control, as a property', () => {
    it('never publishes 1 to 5 and never leaves a "c" recoverable, in any board’s report or all three read together', async () => {
      let month = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              gender: fc.constantFrom(...GENDERS),
              nationality: fc.constantFrom(...NATIONALITIES),
              types: fc.constantFrom(...TYPES),
              responder: fc.constantFrom(...RESPONDERS),
              location: fc.constantFrom(...LOCATIONS),
              child: fc.boolean(),
              person: fc.integer({ min: 0, max: 25 }),
              decision: fc.constantFrom(null, 'positive', 'negative'),
            }),
            { minLength: 0, maxLength: 60 },
          ),
          async (rows) => {
            month += 1;
            // A quarter of a financial year of its own each run: published periods are quarters and financial years.
            const year = 1990 + month;
            const mm = '05';
            const persons: string[] = [];
            for (let i = 0; i < 20; i++) persons.push(await fixtures.person());
            for (const [i, r] of rows.entries()) {
              const id = await fixtures.referral({
                referredAt: `${year}-${mm}-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`,
                gender: r.gender,
                nationality: r.nationality,
                exploitationTypes: r.types,
                organisationType: r.responder,
                exploitationLocation: r.location,
                under18: r.child ? 'yes' : 'no',
              });
              if (r.person < 20) await fixtures.link(id, persons[r.person]);
              if (r.decision) await fixtures.decision(id, 'reasonable_grounds', r.decision, `${year}-${mm}-28`);
            }
            const report = await generate('community_safety_partnership', `${year}-Q2`);
            const three = await standing(`${year}-Q2`);
            expect(three.all.id).toBe(report.id);
            for (const r of Object.values(three)) {
              expect(allCounts(r.statistics).filter((c) => typeof c === 'number' && c >= 1 && c <= 5)).toEqual([]);
              expect(auditReport(r.statistics).filter((a) => !a.safe)).toEqual([]);
            }
            // Read together (a person can be both a child's and an adult's referral here), still nothing recoverable.
            const joint = auditBoardReports(figuresOf(three));
            expect(joint.recoverable).toEqual([]);
            expect(boardReportsAsLinkedPopulations(figuresOf(three)).links.length).toBeGreaterThan(0);
            // The total shows as it is, unless it is small or would give its cells away (then "c" too).
            expect([rows.length >= 1 && rows.length <= 5 ? 'c' : rows.length, 'c']).toContain(report.statistics.referrals.total);
            if (rows.length >= 1 && rows.length <= 5) expect(report.statistics.referrals.total).toBe('c');
            if (report.statistics.individuals.total === 'c') {
              expect(report.statistics.quarters.every((q) => q.individuals === 'c' || q.individuals === 0)).toBe(true);
            }
          },
        ),
        // Modest: each run writes its referrals, generates three reports and audits them exactly (the file stays
        // well under a minute on two cores).
        { numRuns: 25, seed: 20261123 },
      );
      // Each generation now stores the restricted pack of every board too; the limit is for a loaded machine.
    }, 240_000);
  });
});
