import { buildTransitionFigures, publishTransitionFigures } from '../statistics/transition-figures';
import { parsePeriod, type Period } from '@app/statistics';
import { buildFigures, type Figures } from '../statistics/figures';
import { fullGroup, readingOf } from '../statistics/grouping-sets.testing';
import type { NrmCaseStatistics } from '../statistics/nrm-case-statistics.service';
import { COUNTING_RULES, type StatisticsReport } from '../statistics/statistics-report';
import { boardPack, packTables, transitionTables } from './board-pack';
import { sameTimeYearBefore } from './reporting-period';

describe(transitionTables.name, () => {
  const exact = buildTransitionFigures(
    {
      turnedEighteen: 9,
      consentedToStay: 3,
      withdrew: 0,
      noDecisionNeeded: 4,
      notYetRecorded: 2,
      referredForAdultSupport: 6,
      acceptedByAdultServices: 7,
      careLeaversRemaining: 1,
    },
    [{ reason: 'eighteenth_birthday', moves: 8 }],
  );

  it('gives the transitions as three tables with definitions, exact in a restricted pack', () => {
    const tables = transitionTables(exact);
    expect(tables.map((t) => t.id)).toEqual(['transitions-nrm-at-18', 'transitions-since', 'transitions-case-moves']);
    expect(tables.every((t) => t.definition.length > 20)).toBe(true);
    expect(tables[0].rows.find((r) => r.label === 'Consented to stay in the NRM')?.values).toEqual([3]);
    expect(tables[0].rows.at(-1)).toEqual({ label: 'Total', values: [9], total: true });
    expect(tables[1].rows.map((r) => r.values[0])).toEqual([6, 7, 1]);
  });

  it('shows what the published figures suppress as "c", and no tables when a report has no transitions', () => {
    const published = transitionTables(publishTransitionFigures(exact));
    expect(published[0].rows.find((r) => r.label === 'Consented to stay in the NRM')?.values).toEqual(['c']);
    expect(published[1].rows.find((r) => r.label === "Care leavers still with children's services")?.values).toEqual(['c']);
    expect(transitionTables(null)).toEqual([]);
  });
});

describe('what a board asks for beside the figures (restricted pack)', () => {
  const period = parsePeriod('2026-Q2');
  const yearBefore = sameTimeYearBefore(period);
  const figures = (genders: readonly ('female' | 'male')[], of: Period): Figures<number> =>
    buildFigures(
      readingOf(genders.map((gender) => fullGroup({ gender, nationality: 'GBR', quarterStart: of.from, referrals: 1, individuals: 1, quarterIndividuals: 1 }))),
      of,
    );
  const now = figures(['female', 'male', 'male'], period);
  const before = figures(['female', 'female', 'female', 'female', 'male'], yearBefore);
  const report = { ...now, transitions: null } as unknown as StatisticsReport<number>;
  const caseFigures: NrmCaseStatistics = {
    period: { code: period.code, label: period.label, from: period.from, to: period.to },
    figuresAre: 'exact',
    referralToReasonableGrounds: { median: 12, decisions: 4 },
    reasonableToConclusiveGrounds: { median: null, decisions: 0 },
    waitingOnLastDay: {
      reasonableGrounds: { total: 2, byMonthsWaiting: [{ label: 'Under 3 months', count: 2 }] },
      conclusiveGrounds: { total: 0, byMonthsWaiting: [] },
    },
    supportReferrals: { total: 3, byService: [{ service: 'Salvation Army (MSVCC)', referrals: 3 }] },
  };

  it('defines the case-system table by the system a referral was recorded in when made, as the counting rules do', () => {
    const caseSystem = packTables(report).find((t) => t.id === 'caseSystem')!;
    expect(caseSystem.definition).toContain('recorded in when it was made');
    expect(caseSystem.definition).not.toMatch(/holds the referral now/);
    expect(COUNTING_RULES.some((rule) => rule.includes('recorded in when it was made'))).toBe(true);
  });

  it('names what the rows of each table are: no column heading is empty, the cross-tabulations included', () => {
    const tables = packTables(report);
    expect(tables.flatMap((t) => t.columns).filter((c) => !c.trim())).toEqual([]);
    expect(tables.find((t) => t.id === 'ageGroupByLocation-referrals')?.columns[0]).toBe('Age at exploitation');
    expect(tables.find((t) => t.id === 'consentToStay')?.columns[0]).toBe('Decision at 18');
  });

  it('compares the same quarter a year before', () => {
    expect(yearBefore.code).toBe('2025-Q2');
    expect(sameTimeYearBefore(parsePeriod('2026/27')).code).toBe('2025/26');
  });

  it('puts the same period a year before beside each referral and individual figure, in a column of its own', () => {
    const tables = packTables({ ...report, yearBefore: { label: yearBefore.label, figures: before } });
    const gender = tables.find((t) => t.id === 'gender')!;
    expect(gender.columns).toEqual(['Gender', 'Referrals', 'Individuals', `Referrals, ${yearBefore.label}`, `Individuals, ${yearBefore.label}`]);
    expect(gender.rows.find((r) => r.label === 'Female')?.values).toEqual([1, 1, 4, 4]);
    expect(gender.rows.at(-1)?.values).toEqual([3, 3, 5, 5]);
    expect(gender.definition).toContain(yearBefore.label);
    const quarter = tables.find((t) => t.id === 'quarter')!;
    expect(quarter.columns.slice(-2)).toEqual([`Referrals, ${yearBefore.label}`, `Individuals, ${yearBefore.label}`]);
    expect([...quarter.rows[0].values.slice(0, 2), ...quarter.rows[0].values.slice(-2)]).toEqual([3, 3, 5, 5]);
    // Without a year before (a published pack) the tables are as they were.
    expect(packTables(report).find((t) => t.id === 'gender')?.columns).toEqual(['Gender', 'Referrals', 'Individuals']);
  });

  it('adds decision times, cases waiting and support referrals, each with its one-line definition', () => {
    const tables = packTables({ ...report, caseFigures });
    const ids = tables.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['decision-timeliness', 'decisions-waiting', 'support-referrals']));
    const timeliness = tables.find((t) => t.id === 'decision-timeliness')!;
    expect(timeliness.rows[0].values).toEqual([12, 4]);
    expect(tables.find((t) => t.id === 'support-referrals')?.rows.at(-1)).toEqual({ label: 'Total', values: [3], total: true });
    expect(tables.every((t) => t.definition.length > 20)).toBe(true);
  });

  it('writes the period, cut-off and generation time in words, as the pages do, not as ISO strings', () => {
    const dated = {
      ...report,
      period: { code: period.code, label: period.label, from: period.from, to: period.to },
      population: { label: 'All' },
      dataCutOff: '2026-12-06T01:51:32.493Z',
      countingRules: [],
      disclosureRule: null,
    } as unknown as Parameters<typeof boardPack>[0];
    const context = { audienceName: 'Safeguarding Adults Board', revision: 2, generatedAt: '2026-12-06T13:00:00.000Z', marking: null, changes: null };
    expect(Object.fromEntries(boardPack(dated, context).meta)).toMatchObject({
      Period: `${period.label} (1 April 2026 to 30 June 2026)`,
      'Data cut-off': '6 December 2026 at 1:51am',
      Generated: '6 December 2026 at 1:00pm',
    });
  });
});
