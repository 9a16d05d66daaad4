import { parsePeriod, TableInvariantError } from '@app/statistics';
import { BREAKDOWNS, buildFigures } from './figures';
import { fullGroup as group, readingOf as reading } from './grouping-sets.testing';

describe(buildFigures.name, () => {
  const quarter = parsePeriod('2025-Q2');

  it('labels each group and builds every breakdown adding up to its total', () => {
    const figures = buildFigures(
      reading([
        group({ gender: 'male', referrals: 43, individuals: 40, quarterIndividuals: 40 }),
        group({
          gender: 'female',
          nationality: 'ALB',
          secondNationality: 'GRC',
          exploitationTypes: ['criminal', 'sexual', 'labour'],
          submission: 'submitted',
          referrals: 37,
          individuals: 37,
          quarterIndividuals: 37,
        }),
      ]),
      quarter,
    );
    expect(figures.referrals.total).toBe(80);
    expect(figures.individuals.total).toBe(77);
    expect(figures.referrals.breakdowns.gender.cells).toEqual([
      { label: 'Female', count: 37 },
      { label: 'Male', count: 43 },
      { label: 'Other', count: 0 },
      { label: 'Not recorded', count: 0 },
    ]);
    expect(figures.referrals.breakdowns.nationality.cells).toEqual([
      { label: 'Albanian', count: 43 },
      { label: 'Albanian Greek', count: 37 },
    ]);
    expect(figures.referrals.breakdowns.exploitationType.cells).toContainEqual({ label: 'Sexual, Labour & Criminal', count: 37 });
    for (const name of BREAKDOWNS) {
      expect(figures.referrals.breakdowns[name].cells.reduce((n, c) => n + c.count, 0)).toBe(80);
      expect(figures.individuals.breakdowns[name].cells.reduce((n, c) => n + c.count, 0)).toBe(77);
    }
    expect(figures.quarters).toEqual([
      { code: '2025-Q2', label: 'Q2 2025 (April to June)', from: '2025-04-01', to: '2025-06-30', referrals: 80, individuals: 77, submitted: 37 },
    ]);
    expect(figures.referrals.breakdowns.submission.cells).toEqual([
      { label: 'Submitted to the Home Office', count: 37 },
      { label: 'Logged, not yet submitted', count: 43 },
    ]);
  });

  it('refuses a breakdown that does not add up to the total', () => {
    const broken = reading([group()]);
    const rows = broken.referralGroups.map((row) => (row.set === 'gender' ? { ...row, referrals: 2 } : row));
    expect(() => buildFigures({ ...broken, referralGroups: rows }, quarter)).toThrow(TableInvariantError);
  });

  it('refuses more individuals than referrals in any cell', () => {
    expect(() => buildFigures(reading([group({ referrals: 1, individuals: 2 })]), quarter)).toThrow(/more than/);
  });

  it('spreads referrals and individuals over the quarters of a financial year', () => {
    const figures = buildFigures(
      reading([
        group({ quarterStart: '2025-04-01', referrals: 2, individuals: 2, quarterIndividuals: 2 }),
        group({ quarterStart: '2026-01-01', referrals: 3, individuals: 1, quarterIndividuals: 3 }),
      ]),
      parsePeriod('2025/26'),
    );
    expect(figures.quarters.map((q) => [q.code, q.referrals, q.individuals])).toEqual([
      ['2025-Q2', 2, 2],
      ['2025-Q3', 0, 0],
      ['2025-Q4', 0, 0],
      ['2026-Q1', 3, 3],
    ]);
  });

  it('counts decisions by outcome and age at exploitation', () => {
    const figures = buildFigures(
      reading(
        [],
        [
          {
            type: 'reasonable_grounds',
            outcome: 'positive',
            under18: 'yes',
            under18DuringExploitation: null,
            ageNowBand: null,
            ageAtStartBand: null,
            decisions: 4,
          },
          { type: 'withdrawal', outcome: null, under18: 'no', under18DuringExploitation: 'no', ageNowBand: null, ageAtStartBand: null, decisions: 2 },
        ],
      ),
      quarter,
    );
    const rg = figures.decisions.reasonableGrounds;
    expect(rg.counts[rg.rows.indexOf('Positive')][rg.columns.indexOf('Child (17 or under)')]).toBe(4);
    expect(figures.decisions.withdrawals.cells).toContainEqual({ label: 'Adult (18 or over)', count: 2 });
  });
});
