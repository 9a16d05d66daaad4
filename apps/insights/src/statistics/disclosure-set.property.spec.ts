import fc from 'fast-check';
import { parsePeriod, periodsOf, publicationSetOf, type PublishedCount } from '@app/statistics';
import { auditLinkedPopulations } from '@app/statistics/disclosure.testing';
import type { StatisticsPopulation } from '@app/domain';
import { FiguresByPopulation, PeriodSet, linkedFigureSetOf, publishFigureSet } from './disclosure';
import { buildFigures, type Figures } from './figures';
import { FullGroup, fullGroup, readingOf } from './grouping-sets.testing';
import { POPULATIONS } from './population';

/** A referral of a small council's year: who, in which quarter, as a child or an adult, and two attributes. */
interface Referral {
  readonly person: number;
  readonly quarter: number;
  readonly child: boolean;
  readonly gender: 'female' | 'male' | 'other';
  readonly nationality: 'ALB' | 'GBR' | 'VNM' | 'ERI';
}

const SET = publicationSetOf(parsePeriod('2025/26'));
const PERIODS = periodsOf(SET);
const PERIOD_SET: PeriodSet = { whole: SET.financialYear.code, parts: SET.quarters.map((q) => q.code) };

const referral: fc.Arbitrary<Referral> = fc.record({
  person: fc.integer({ min: 0, max: 24 }),
  quarter: fc.integer({ min: 0, max: 3 }),
  child: fc.boolean(),
  gender: fc.constantFrom('female', 'male', 'other'),
  nationality: fc.constantFrom('ALB', 'GBR', 'VNM', 'ERI'),
});

/**
 * The groups the statistics SQL would answer for the referrals of one period and population: every referral counts;
 * a person counts as an individual by their earliest referral in the period, and in each quarter by their earliest
 * referral in that quarter.
 */
function groupsOf(referrals: readonly Referral[], quarters: readonly number[], population: StatisticsPopulation): FullGroup[] {
  const inScope = referrals.filter((r) => quarters.includes(r.quarter) && (population === 'all' || r.child === (population === 'children')));
  const ordered = [...inScope].sort((a, b) => a.quarter - b.quarter);
  const seen = new Set<number>();
  const seenInQuarter = new Set<string>();
  return ordered.map((r) => {
    const first = !seen.has(r.person);
    const firstInQuarter = !seenInQuarter.has(`${r.person}:${r.quarter}`);
    seen.add(r.person);
    seenInQuarter.add(`${r.person}:${r.quarter}`);
    return fullGroup({
      gender: r.gender,
      nationality: r.nationality,
      quarterStart: SET.quarters[r.quarter].from,
      referrals: 1,
      individuals: first ? 1 : 0,
      quarterIndividuals: firstInQuarter ? 1 : 0,
      ...(r.child ? { under18: 'yes', under18DuringExploitation: null, caseSystem: 'LCS' } : {}),
    });
  });
}

function exactSet(referrals: readonly Referral[]): Record<string, FiguresByPopulation<number>> {
  return Object.fromEntries(
    PERIODS.map((period, i) => {
      const quarters = i === 0 ? [0, 1, 2, 3] : [i - 1];
      const byPopulation = Object.fromEntries(
        POPULATIONS.map((population) => [population, buildFigures(readingOf(groupsOf(referrals, quarters, population)), period)]),
      ) as FiguresByPopulation<number>;
      return [period.code, byPopulation];
    }),
  );
}

type Shown = Record<string, Record<StatisticsPopulation, Figures<PublishedCount>>>;

function cell(figures: Figures<PublishedCount>, label: string, table: 'gender' | 'nationality'): PublishedCount {
  return figures.referrals.breakdowns[table].cells.find((c) => c.label === label)?.count ?? 0;
}

describe('publishFigureSet (a financial year and its quarters, every population, read together)', () => {
  const referrals = fc.array(referral, { minLength: 0, maxLength: 70 });

  it('leaves no "c" that any combination of the published reads pins down (exact auditor, whole set)', () => {
    fc.assert(
      fc.property(referrals, (rs) => {
        const published = publishFigureSet(PERIOD_SET, exactSet(rs));
        const shown: Shown = Object.fromEntries(
          Object.entries(published).map(([code, byPopulation]) => [code, Object.fromEntries(POPULATIONS.map((p) => [p, byPopulation[p].figures]))]),
        ) as Shown;
        const audit = auditLinkedPopulations(linkedFigureSetOf(PERIOD_SET, shown));
        expect(audit.recoverable).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('never shows a year and its other quarters, or all and the other population, around a "c" (differencing)', () => {
    fc.assert(
      fc.property(referrals, (rs) => {
        const published = publishFigureSet(PERIOD_SET, exactSet(rs));
        const figures = (code: string, population: StatisticsPopulation) => published[code][population].figures;
        for (const table of ['gender', 'nationality'] as const) {
          const labels = figures(PERIOD_SET.whole, 'all').referrals.breakdowns[table].cells.map((c) => c.label);
          for (const label of labels) {
            for (const population of POPULATIONS) {
              // A quarter's "c" is not the year less the other three quarters.
              for (const quarter of PERIOD_SET.parts) {
                if (cell(figures(quarter, population), label, table) !== 'c') continue;
                const others = [PERIOD_SET.whole, ...PERIOD_SET.parts.filter((q) => q !== quarter)].map((code) =>
                  cell(figures(code, population), label, table),
                );
                expect(others).toContain('c');
              }
            }
            // A children's "c" is not all less adults, in any period.
            for (const code of [PERIOD_SET.whole, ...PERIOD_SET.parts]) {
              for (const [hidden, a, b] of [
                ['children', 'all', 'adults'],
                ['adults', 'all', 'children'],
              ] as const) {
                if (cell(figures(code, hidden), label, table) !== 'c') continue;
                expect([cell(figures(code, a), label, table), cell(figures(code, b), label, table)]).toContain('c');
              }
            }
          }
        }
        // Nothing from 1 to 5 is shown anywhere.
        for (const code of Object.keys(published)) {
          for (const population of POPULATIONS) {
            const f = figures(code, population);
            const counts = [f.referrals.total, f.individuals.total, ...f.quarters.flatMap((q) => [q.referrals, q.individuals])];
            expect(counts.filter((n) => typeof n === 'number' && n >= 1 && n <= 5)).toEqual([]);
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it("hides a quarter's small count that the year less the other quarters would give away", () => {
    // 40 male referrals in each quarter, and 3 female ones in Q3 only: the year shows 3 females unless protected.
    const rs: Referral[] = [];
    let person = 0;
    for (let quarter = 0; quarter < 4; quarter++) {
      for (let i = 0; i < 40; i++) rs.push({ person: person++, quarter, child: false, gender: 'male', nationality: 'ALB' });
    }
    for (let i = 0; i < 3; i++) rs.push({ person: person++, quarter: 2, child: false, gender: 'female', nationality: 'ALB' });
    const published = publishFigureSet(PERIOD_SET, exactSet(rs));
    expect(cell(published[PERIOD_SET.parts[2]].all.figures, 'Female', 'gender')).toBe('c');
    expect(cell(published[PERIOD_SET.whole].all.figures, 'Female', 'gender')).toBe('c');
  });
});
