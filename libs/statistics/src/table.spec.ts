import { DIMENSIONS, categoricalDimension } from './dimension';
import { TableInvariantError, UnknownCategoryError } from './statistics.errors';
import { assertBreakdownSumsToTotal, assertCrossTabSumsToTotals, buildBreakdown, buildCrossTab, columnBreakdown, rowBreakdown } from './table';
import { thrownBy } from '../../../test/support/thrown';

describe(buildBreakdown.name, () => {
  it('fills missing categories with 0 in the canonical order', () => {
    expect(buildBreakdown(DIMENSIONS.gender, [{ label: 'Male', count: 7 }]).cells).toEqual([
      { label: 'Female', count: 0 },
      { label: 'Male', count: 7 },
      { label: 'Other', count: 0 },
      { label: 'Not recorded', count: 0 },
    ]);
  });

  it('adds up entries with the same label', () => {
    const breakdown = buildBreakdown(DIMENSIONS.kind, [
      { label: 'NRM referral', count: 4 },
      { label: 'NRM referral', count: 3 },
    ]);
    expect(breakdown.cells[0]).toEqual({ label: 'NRM referral', count: 7 });
  });

  it('takes the total as the sum of the cells when none is given', () => {
    expect(buildBreakdown(DIMENSIONS.kind, [{ label: 'Duty to Notify', count: 3 }]).total).toBe(3);
  });

  it('refuses cells that do not add up to the given total', () => {
    expect(thrownBy(() => buildBreakdown(DIMENSIONS.kind, [{ label: 'Duty to Notify', count: 3 }], 4))).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses a negative count', () => {
    expect(thrownBy(() => buildBreakdown(DIMENSIONS.kind, [{ label: 'Duty to Notify', count: -1 }]))).toMatchObject({ problem: 'not_a_count' });
  });

  it('refuses a fractional count', () => {
    expect(() => buildBreakdown(DIMENSIONS.kind, [{ label: 'Duty to Notify', count: 1.5 }])).toThrow(TableInvariantError);
  });

  it('refuses a label outside a closed dimension', () => {
    expect(() => buildBreakdown(DIMENSIONS.gender, [{ label: 'Transgender', count: 1 }])).toThrow(UnknownCategoryError);
  });

  it('shows combined exploitation types only when they occur, after the single types', () => {
    const labels = buildBreakdown(DIMENSIONS.exploitationType, [
      { label: 'Sexual, Labour & Criminal', count: 1 },
      { label: 'Labour & Criminal', count: 2 },
    ]).cells.map((c) => c.label);
    expect(labels).toEqual([
      'Sexual',
      'Labour',
      'Domestic',
      'Criminal',
      'Organ Harvesting',
      'Labour & Criminal',
      'Sexual, Labour & Criminal',
      'Not specified or unknown',
    ]);
  });

  it('refuses an exploitation label that is not an ordered combination', () => {
    expect(() => buildBreakdown(DIMENSIONS.exploitationType, [{ label: 'Criminal & Labour', count: 1 }])).toThrow(UnknownCategoryError);
  });

  it('orders nationalities alphabetically with "Unknown" last', () => {
    const labels = buildBreakdown(DIMENSIONS.nationality, [
      { label: 'Unknown', count: 1 },
      { label: 'Vietnamese', count: 1 },
      { label: 'Albanian Greek', count: 1 },
      { label: 'Albanian', count: 1 },
    ]).cells.map((c) => c.label);
    expect(labels).toEqual(['Albanian', 'Albanian Greek', 'Vietnamese', 'Unknown']);
  });

  it('refuses a category called "Total"', () => {
    expect(() => buildBreakdown(DIMENSIONS.nationality, [{ label: 'Total', count: 1 }])).toThrow(UnknownCategoryError);
  });
});

describe(assertBreakdownSumsToTotal.name, () => {
  it('accepts a breakdown that adds up', () => {
    expect(() =>
      assertBreakdownSumsToTotal({
        dimension: 'kind',
        total: 5,
        cells: [
          { label: 'a', count: 2 },
          { label: 'b', count: 3 },
        ],
      }),
    ).not.toThrow();
  });

  it('refuses a breakdown that does not add up', () => {
    expect(
      thrownBy(() =>
        assertBreakdownSumsToTotal({
          dimension: 'kind',
          total: 6,
          cells: [
            { label: 'a', count: 2 },
            { label: 'b', count: 3 },
          ],
        }),
      ),
    ).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses a category shown twice', () => {
    expect(
      thrownBy(() =>
        assertBreakdownSumsToTotal({
          dimension: 'kind',
          total: 4,
          cells: [
            { label: 'a', count: 2 },
            { label: 'a', count: 2 },
          ],
        }),
      ),
    ).toMatchObject({ problem: 'duplicate_category' });
  });
});

describe(categoricalDimension.name, () => {
  it('orders categories as listed', () => {
    const quarters = categoricalDimension('quarter', 'Quarter', ['Q2', 'Q1']);
    expect(buildBreakdown(quarters, [{ label: 'Q1', count: 1 }]).cells.map((c) => c.label)).toEqual(['Q2', 'Q1']);
  });

  it('refuses a category listed twice', () => {
    expect(() => categoricalDimension('quarter', 'Quarter', ['Q1', 'Q1'])).toThrow(TableInvariantError);
  });
});

describe(buildCrossTab.name, () => {
  const table = buildCrossTab(DIMENSIONS.ageGroup, DIMENSIONS.location, [
    { row: 'Adult (18 or over)', column: 'UK', count: 20 },
    { row: 'Adult (18 or over)', column: 'Overseas', count: 2 },
    { row: 'Child (17 or under)', column: 'UK', count: 12 },
  ]);

  it('has every category of both dimensions in canonical order', () => {
    expect([table.rows, table.columns]).toEqual([
      ['Adult (18 or over)', 'Child (17 or under)', 'Not specified or unknown'],
      ['Overseas', 'UK', 'UK and Overseas', 'Not specified or unknown'],
    ]);
  });

  it('fills empty cells with 0', () => {
    expect(table.counts[2]).toEqual([0, 0, 0, 0]);
  });

  it('computes row totals', () => {
    expect(table.rowTotals).toEqual([22, 12, 0]);
  });

  it('computes column totals', () => {
    expect(table.columnTotals).toEqual([2, 32, 0, 0]);
  });

  it('computes the grand total', () => {
    expect(table.total).toBe(34);
  });

  it('refuses cells that do not add up to the given total', () => {
    expect(
      thrownBy(() => buildCrossTab(DIMENSIONS.decisionOutcome, DIMENSIONS.ageGroup, [{ row: 'Positive', column: 'Adult (18 or over)', count: 3 }], 4)),
    ).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses a label outside the column dimension', () => {
    expect(() => buildCrossTab(DIMENSIONS.decisionOutcome, DIMENSIONS.ageGroup, [{ row: 'Positive', column: 'Adult', count: 3 }])).toThrow(
      UnknownCategoryError,
    );
  });

  it('gives its row margin as a breakdown that adds up', () => {
    expect(() => assertBreakdownSumsToTotal(rowBreakdown(table))).not.toThrow();
  });

  it('gives its column margin as a breakdown by the column dimension', () => {
    expect(columnBreakdown(table)).toMatchObject({ dimension: 'location', total: 34 });
  });
});

describe(assertCrossTabSumsToTotals.name, () => {
  const table = {
    rowDimension: 'r',
    columnDimension: 'c',
    rows: ['a', 'b'],
    columns: ['x', 'y'],
    counts: [
      [1, 2],
      [3, 4],
    ],
    rowTotals: [3, 7],
    columnTotals: [4, 6],
    total: 10,
  };

  it('accepts a table whose rows, columns and margins add up', () => {
    expect(() => assertCrossTabSumsToTotals(table)).not.toThrow();
  });

  it('refuses a wrong row total', () => {
    expect(thrownBy(() => assertCrossTabSumsToTotals({ ...table, rowTotals: [4, 6] }))).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses a wrong column total', () => {
    expect(thrownBy(() => assertCrossTabSumsToTotals({ ...table, columnTotals: [5, 5] }))).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses a wrong grand total', () => {
    expect(thrownBy(() => assertCrossTabSumsToTotals({ ...table, total: 11 }))).toMatchObject({ problem: 'total_mismatch' });
  });

  it('refuses counts that do not match the rows', () => {
    expect(thrownBy(() => assertCrossTabSumsToTotals({ ...table, counts: [[1, 2]] }))).toMatchObject({ problem: 'shape_mismatch' });
  });
});
