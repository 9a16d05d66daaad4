import { DIMENSIONS, categoricalDimension } from './dimension';
import { auditBreakdownsSharingTotal, auditCrossTab, auditTablesSharingTotal } from './disclosure-audit';
import {
  isSmallCount,
  publishCount,
  publishedColumnBreakdown,
  publishedRowBreakdown,
  suppressBreakdown,
  suppressBreakdownsSharingTotal,
  suppressCrossTab,
  suppressTablesSharingTotal,
} from './disclosure-control';
import { TableInvariantError } from './statistics.errors';
import { Breakdown, buildBreakdown, buildCrossTab } from './table';
import { thrownBy } from '../../../test/support/thrown';

const letters = categoricalDimension('letter', 'Letter', ['a', 'b', 'c', 'd']);
const columns = categoricalDimension('column', 'Column', ['x', 'y', 'z']);

function breakdownOf(...counts: number[]): Breakdown {
  return buildBreakdown(
    letters,
    counts.map((count, i) => ({ label: letters.categories[i], count })),
  );
}

function crossTabOf(...rows: number[][]) {
  return buildCrossTab(
    letters,
    columns,
    rows.flatMap((line, r) => line.map((count, c) => ({ row: letters.categories[r], column: columns.categories[c], count }))),
  );
}

describe(isSmallCount.name, () => {
  it.each([
    [0, false],
    [1, true],
    [5, true],
    [6, false],
  ])('%i is a small count: %s', (count, small) => {
    expect(isSmallCount(count)).toBe(small);
  });
});

describe(publishCount.name, () => {
  it('shows a count of 1 to 5 as "c"', () => {
    expect(publishCount(4)).toBe('c');
  });

  it('shows 0 as 0', () => {
    expect(publishCount(0)).toBe(0);
  });

  it('shows 6 as 6', () => {
    expect(publishCount(6)).toBe(6);
  });
});

describe(suppressBreakdown.name, () => {
  const gender = buildBreakdown(DIMENSIONS.gender, [
    { label: 'Female', count: 3 },
    { label: 'Male', count: 40 },
    { label: 'Other', count: 9 },
  ]);

  it('shows a count of 1 to 5 as "c"', () => {
    expect(suppressBreakdown(gender).published.cells[0]).toEqual({ label: 'Female', count: 'c' });
  });

  it('hides the next-smallest non-zero cell beside a lone "c", so the total cannot give it away', () => {
    expect(suppressBreakdown(gender).published.cells.map((c) => c.count)).toEqual(['c', 40, 'c', 0]);
  });

  it('keeps the total when two cells are hidden', () => {
    expect(suppressBreakdown(gender).published.total).toBe(52);
  });

  it('says which suppressions are primary and which secondary', () => {
    expect(suppressBreakdown(gender).suppressions).toEqual([
      { cell: { dimension: 'gender', label: 'Female' }, reason: 'primary' },
      { cell: { dimension: 'gender', label: 'Other' }, reason: 'secondary' },
    ]);
  });

  it('needs no secondary suppression when two small counts hide each other', () => {
    expect(suppressBreakdown(breakdownOf(2, 3, 40)).suppressions.map((s) => s.reason)).toEqual(['primary', 'primary']);
  });

  it('hides a third cell when two "c"s with the total shown could only be 1 each', () => {
    expect(suppressBreakdown(breakdownOf(1, 1, 20, 30)).published.cells.map((c) => c.count)).toEqual(['c', 'c', 'c', 30]);
  });

  it('hides a total of 1 to 5', () => {
    expect(suppressBreakdown(breakdownOf(2, 1)).published.total).toBe('c');
  });

  it('publishes a breakdown without small counts unchanged', () => {
    expect(suppressBreakdown(breakdownOf(6, 0, 12)).published).toEqual({
      dimension: 'letter',
      total: 18,
      cells: [
        { label: 'a', count: 6 },
        { label: 'b', count: 0 },
        { label: 'c', count: 12 },
        { label: 'd', count: 0 },
      ],
    });
  });

  it('refuses a breakdown that does not add up', () => {
    expect(() => suppressBreakdown({ ...breakdownOf(6, 12), total: 19 })).toThrow(TableInvariantError);
  });
});

describe(suppressBreakdownsSharingTotal.name, () => {
  const gender = buildBreakdown(DIMENSIONS.gender, [
    { label: 'Female', count: 3 },
    { label: 'Male', count: 49 },
  ]);
  const nationality = buildBreakdown(DIMENSIONS.nationality, [
    { label: 'Albanian', count: 50 },
    { label: 'Vietnamese', count: 2 },
  ]);

  it('protects every breakdown against the shared total', () => {
    const { published } = suppressBreakdownsSharingTotal([gender, nationality]);
    expect(auditBreakdownsSharingTotal(published).safe).toBe(true);
  });

  it('hides the one other non-zero cell of each breakdown with a lone "c"', () => {
    const { published } = suppressBreakdownsSharingTotal([gender, nationality]);
    expect(published.map((b) => b.cells.map((c) => c.count))).toEqual([
      ['c', 'c', 0, 0],
      ['c', 'c'],
    ]);
  });

  it('publishes the same total in every breakdown', () => {
    const { published } = suppressBreakdownsSharingTotal([gender, nationality]);
    expect(published.map((b) => b.total)).toEqual([52, 52]);
  });

  it('refuses breakdowns of different totals', () => {
    expect(thrownBy(() => suppressBreakdownsSharingTotal([gender, breakdownOf(1, 2)]))).toMatchObject({ problem: 'totals_differ' });
  });

  it('refuses two breakdowns by the same dimension', () => {
    expect(() => suppressBreakdownsSharingTotal([gender, gender])).toThrow(TableInvariantError);
  });
});

describe(suppressCrossTab.name, () => {
  it('hides the smallest cells that pair up a lone "c" in its row and its column', () => {
    expect(suppressCrossTab(crossTabOf([3, 10, 20], [30, 40, 50])).published).toMatchObject({
      counts: [
        ['c', 'c', 20],
        ['c', 'c', 50],
        [0, 0, 0],
        [0, 0, 0],
      ],
      rowTotals: [33, 120, 0, 0],
      columnTotals: [33, 50, 70],
      total: 153,
    });
  });

  it('marks the small count as primary and its complements as secondary', () => {
    expect(suppressCrossTab(crossTabOf([3, 10, 20], [30, 40, 50])).suppressions.map((s) => s.reason)).toEqual([
      'primary',
      'secondary',
      'secondary',
      'secondary',
    ]);
  });

  it('hides a row total when the row has no other non-zero cell to pair with', () => {
    const oneColumn = buildCrossTab(letters, categoricalDimension('only', 'Only', ['x']), [
      { row: 'a', column: 'x', count: 3 },
      { row: 'b', column: 'x', count: 9 },
    ]);
    expect(suppressCrossTab(oneColumn).suppressions).toContainEqual({
      cell: { rowDimension: 'letter', columnDimension: 'only', row: 'b', column: 'Total' },
      reason: 'secondary',
    });
  });

  it('hides small margins as primary suppressions', () => {
    expect(suppressCrossTab(crossTabOf([3, 10, 20], [0, 40, 50])).suppressions).toContainEqual({
      cell: { rowDimension: 'letter', columnDimension: 'column', row: 'Total', column: 'x' },
      reason: 'primary',
    });
  });

  it('hides a column total that equals its hidden cell in a one-row table', () => {
    const oneRow = buildCrossTab(categoricalDimension('only', 'Only', ['a']), columns, [
      { row: 'a', column: 'x', count: 3 },
      { row: 'a', column: 'y', count: 10 },
      { row: 'a', column: 'z', count: 20 },
    ]);
    expect(suppressCrossTab(oneRow).published.columnTotals).toEqual(['c', 'c', 20]);
  });

  it('leaves Home Office Table 2 with no recoverable cell', () => {
    const table2 = buildCrossTab(DIMENSIONS.ageGroup, DIMENSIONS.location, [
      { row: 'Adult (18 or over)', column: 'UK', count: 20 },
      { row: 'Adult (18 or over)', column: 'Overseas', count: 2 },
      { row: 'Child (17 or under)', column: 'UK', count: 12 },
      { row: 'Child (17 or under)', column: 'UK and Overseas', count: 7 },
      { row: 'Not specified or unknown', column: 'UK', count: 9 },
    ]);
    expect(auditCrossTab(suppressCrossTab(table2).published).safe).toBe(true);
  });

  it('publishes a table without small counts unchanged', () => {
    const table = crossTabOf([6, 10, 0], [30, 40, 50]);
    expect(suppressCrossTab(table).published).toEqual(table);
  });

  it('gives row totals that publish as the breakdown by the row dimension', () => {
    const { published } = suppressCrossTab(crossTabOf([3, 10, 20], [30, 40, 50]));
    expect(publishedRowBreakdown(published)).toEqual({
      dimension: 'letter',
      total: 153,
      cells: [
        { label: 'a', count: 33 },
        { label: 'b', count: 120 },
        { label: 'c', count: 0 },
        { label: 'd', count: 0 },
      ],
    });
  });

  it('gives column totals that publish as the breakdown by the column dimension', () => {
    const { published } = suppressCrossTab(crossTabOf([3, 10, 20], [30, 40, 50]));
    expect(publishedColumnBreakdown(published).cells.map((c) => c.count)).toEqual([33, 50, 70]);
  });
});

describe(suppressTablesSharingTotal.name, () => {
  // Protected one by one, the cross-tab hides its grand total of 11 while the breakdown shows it.
  const rows = categoricalDimension('row', 'Row', ['a', 'b', 'c']);
  const table = buildCrossTab(rows, columns, [
    { row: 'a', column: 'x', count: 2 },
    { row: 'b', column: 'y', count: 2 },
    { row: 'b', column: 'z', count: 5 },
    { row: 'c', column: 'x', count: 2 },
  ]);
  const byGender = buildBreakdown(DIMENSIONS.gender, [{ label: 'Female', count: 11 }]);

  it('protects a cross-tab and a breakdown of the same population together', () => {
    const { published } = suppressTablesSharingTotal({ breakdowns: [byGender], crossTabs: [table] });
    expect(auditTablesSharingTotal(published).safe).toBe(true);
  });

  it('shows the same total in every table', () => {
    const { published } = suppressTablesSharingTotal({ breakdowns: [byGender], crossTabs: [table] });
    expect([published.breakdowns[0].total, published.crossTabs[0].total]).toEqual(['c', 'c']);
  });

  it('reports a hidden shared total once for each table that shows it', () => {
    const { suppressions } = suppressTablesSharingTotal({ breakdowns: [byGender], crossTabs: [table] });
    expect(suppressions.filter((s) => 'label' in s.cell && s.cell.label === 'Total')).toEqual([
      { cell: { dimension: 'gender', label: 'Total' }, reason: 'secondary' },
    ]);
  });

  it('refuses a breakdown by a dimension a cross-tab in the set already has', () => {
    const byRow = buildBreakdown(rows, [{ label: 'a', count: 11 }]);
    expect(thrownBy(() => suppressTablesSharingTotal({ breakdowns: [byRow], crossTabs: [table] }))).toMatchObject({ problem: 'repeated_dimension' });
  });

  it('refuses tables of different totals', () => {
    expect(thrownBy(() => suppressTablesSharingTotal({ breakdowns: [breakdownOf(12)], crossTabs: [table] }))).toMatchObject({ problem: 'totals_differ' });
  });

  it('publishes nothing for no tables', () => {
    expect(suppressTablesSharingTotal({})).toEqual({ published: { breakdowns: [], crossTabs: [] }, suppressions: [] });
  });
});
