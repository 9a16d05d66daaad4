import type { PublishedCount } from '@app/statistics';
import type { Figures } from '../statistics/figures';
import { figureChanges } from './report-changes';
import { lastCompletedPeriod, ukDate } from './reporting-period';

describe(lastCompletedPeriod.name, () => {
  it.each([
    ['quarterly', '2026-07-07', '2026-Q2'],
    ['quarterly', '2026-01-07', '2025-Q4'],
    ['quarterly', '2026-04-01', '2026-Q1'],
    ['annual', '2026-04-07', '2025/26'],
    ['annual', '2026-03-31', '2024/25'],
  ] as const)('a %s run on %s reports %s', (cadence, asOf, code) => {
    expect(lastCompletedPeriod(cadence, asOf).code).toBe(code);
  });
});

describe(ukDate.name, () => {
  it('gives the UK date, not the UTC one, in summer time', () => {
    expect(ukDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe(figureChanges.name, () => {
  const figures = (male: PublishedCount, nationality: string): Figures<PublishedCount> => {
    const b = (title: string, cells: Array<[string, PublishedCount]>) => ({
      dimension: title,
      title,
      total: 20 as PublishedCount,
      cells: cells.map(([label, count]) => ({ label, count })),
    });
    const empty = (title: string) => ({
      title,
      rowDimension: 'r',
      columnDimension: 'c',
      rows: [],
      columns: [],
      counts: [],
      rowTotals: [],
      columnTotals: [],
      total: 0 as PublishedCount,
    });
    const population = {
      total: 20 as PublishedCount,
      breakdowns: {
        kind: b('Kind', []),
        ageGroup: b('Age', []),
        gender: b('Gender', [['Male', male]]),
        nationality: b('Nationality', [[nationality, 20]]),
        exploitationType: b('Type', []),
        firstResponderType: b('Responder', []),
        location: b('Location', []),
        caseSystem: b('System', []),
        source: b('Source', []),
        submission: b('Submission', []),
        countyLines: b('County lines', []),
      },
      ageGroupByLocation: empty('Age by location'),
    };
    return {
      referrals: population,
      individuals: population,
      quarters: [],
      decisions: { reasonableGrounds: empty('RG'), conclusiveGrounds: empty('CG'), consentToStay: empty('Consent'), withdrawals: b('W', []) },
    };
  };

  it('lists published numbers that differ, and categories that appear or disappear', () => {
    const changes = figureChanges(figures(12, 'Albanian'), figures('c', 'Eritrean'));
    expect(changes).toContainEqual({ measure: 'referrals', table: 'Gender', category: 'Male', subcategory: '', before: 12, after: 'c' });
    expect(changes).toContainEqual({ measure: 'referrals', table: 'Nationality', category: 'Eritrean', subcategory: '', before: null, after: 20 });
    expect(changes).toContainEqual({ measure: 'referrals', table: 'Nationality', category: 'Albanian', subcategory: '', before: 20, after: null });
  });

  it('finds nothing between equal figures', () => {
    expect(figureChanges(figures('c', 'Albanian'), figures('c', 'Albanian'))).toEqual([]);
  });
});
