import fc from 'fast-check';
import { auditBreakdown, auditBreakdownsSharingTotal, auditCrossTab, auditTablesSharingTotal } from './disclosure-audit';
import { PublishedCount, PublishedCrossTab } from './disclosure-control';
import { InconsistentPublishedTableError } from './statistics.errors';

const c = 'c' as const;

function breakdown(total: PublishedCount, ...counts: PublishedCount[]) {
  return { dimension: 'gender', total, cells: counts.map((count, i) => ({ label: `g${i}`, count })) };
}

/** Builds a published cross-tab from a grid whose last row and column are the margins. */
function crossTab(grid: PublishedCount[][]): PublishedCrossTab {
  const rows = grid.length - 1;
  const columns = grid[0].length - 1;
  return {
    rowDimension: 'r',
    columnDimension: 'k',
    rows: Array.from({ length: rows }, (_, r) => `r${r}`),
    columns: Array.from({ length: columns }, (_, k) => `k${k}`),
    counts: grid.slice(0, rows).map((line) => line.slice(0, columns)),
    rowTotals: grid.slice(0, rows).map((line) => line[columns]),
    columnTotals: grid[rows].slice(0, columns),
    total: grid[rows][columns],
  };
}

describe(auditBreakdown.name, () => {
  it('finds a lone "c" beside a shown total, with its value', () => {
    expect(auditBreakdown(breakdown(52, c, 40, 9)).recoverable).toEqual([{ cell: { dimension: 'gender', label: 'g0' }, min: 3, max: 3 }]);
  });

  it('passes two "c"s beside a shown total', () => {
    expect(auditBreakdown(breakdown(52, c, 40, c)).safe).toBe(true);
  });

  it('gives each of two "c"s the range left by the total, from 1', () => {
    expect(auditBreakdown(breakdown(52, c, 40, c)).ranges.map((r) => [r.min, r.max])).toEqual([
      [1, 11],
      [1, 11],
    ]);
  });

  it('gives the ranges from 0 when asked for non-negative completions', () => {
    expect(auditBreakdown(breakdown(52, c, 40, c), { lowerBound: 0 }).ranges[0]).toMatchObject({ min: 0, max: 12 });
  });

  it('finds two "c"s that can only be 1 each, since zeros are shown as 0', () => {
    expect(auditBreakdown(breakdown(22, c, c, 20)).recoverable.map((r) => r.min)).toEqual([1, 1]);
  });

  it('passes the same two "c"s when a "c" might hide 0', () => {
    expect(auditBreakdown(breakdown(22, c, c, 20), { lowerBound: 0 }).safe).toBe(true);
  });

  it('leaves a cell unbounded above when the total is hidden too', () => {
    expect(auditBreakdown(breakdown(c, c, 40)).ranges).toEqual([
      { cell: { dimension: 'gender', label: 'g0' }, min: 1, max: Infinity },
      { cell: { dimension: 'gender', label: 'Total' }, min: 41, max: Infinity },
    ]);
  });

  it('refuses shown counts that do not add up to the shown total', () => {
    expect(() => auditBreakdown(breakdown(52, 10, 40))).toThrow(InconsistentPublishedTableError);
  });

  it('refuses shown counts that exceed the shown total', () => {
    expect(() => auditBreakdown(breakdown(52, c, 60))).toThrow(InconsistentPublishedTableError);
  });
});

describe(auditBreakdownsSharingTotal.name, () => {
  it('uses a total shown in one breakdown to find a lone "c" in another that hides it', () => {
    const byGender = breakdown(c, c, 40);
    const byNationality = {
      dimension: 'nationality',
      total: 52,
      cells: [
        { label: 'Albanian', count: c },
        { label: 'UK', count: c },
      ],
    };
    expect(auditBreakdownsSharingTotal([byGender, byNationality]).recoverable).toContainEqual({
      cell: { dimension: 'gender', label: 'g0' },
      min: 12,
      max: 12,
    });
  });

  it('refuses breakdowns that show different totals', () => {
    const byNationality = { dimension: 'nationality', total: 53, cells: [{ label: 'UK', count: 53 }] };
    expect(() => auditBreakdownsSharingTotal([breakdown(52, 12, 40), byNationality])).toThrow(InconsistentPublishedTableError);
  });
});

describe(auditTablesSharingTotal.name, () => {
  it('uses a total shown by a breakdown to work out a margin of a cross-tab that hides it', () => {
    const table = crossTab([
      [c, 0, 0, c],
      [0, c, c, 7],
      [c, 0, 0, c],
      [c, c, c, c],
    ]);
    const byGender = { dimension: 'gender', total: 11, cells: [{ label: 'Female', count: 11 }] };
    expect(auditTablesSharingTotal({ breakdowns: [byGender], crossTabs: [table] }).recoverable).toEqual([
      { cell: { rowDimension: 'r', columnDimension: 'k', row: 'Total', column: 'k0' }, min: 4, max: 4 },
    ]);
  });

  it('passes the same cross-tab read on its own', () => {
    const table = crossTab([
      [c, 0, 0, c],
      [0, c, c, 7],
      [c, 0, 0, c],
      [c, c, c, c],
    ]);
    expect(auditTablesSharingTotal({ crossTabs: [table] }).safe).toBe(true);
  });
});

describe(auditCrossTab.name, () => {
  it('finds a lone "c" in a row', () => {
    const table = crossTab([
      [c, c, 20, 30],
      [12, 8, 10, 30],
      [15, 15, 30, 60],
    ]);
    expect(auditCrossTab(table).recoverable.map((r) => r.cell)).toEqual([
      { rowDimension: 'r', columnDimension: 'k', row: 'r0', column: 'k0' },
      { rowDimension: 'r', columnDimension: 'k', row: 'r0', column: 'k1' },
    ]);
  });

  it('passes a rectangle of four "c"s', () => {
    const table = crossTab([
      [c, c, 20, 30],
      [c, c, 10, 30],
      [15, 15, 30, 60],
    ]);
    expect(auditCrossTab(table).safe).toBe(true);
  });

  it('finds a "c" that joins two protected rectangles although every row and column has two', () => {
    const table = crossTab([
      [c, c, 0, 0, 10],
      [c, c, c, 0, 12],
      [0, 0, c, c, 10],
      [0, 0, c, c, 10],
      [10, 10, 12, 10, 42],
    ]);
    // The cell at r1 × k2 is r1's total less what columns k0 and k1 hold beyond row r0: 12 − (20 − 10).
    expect(auditCrossTab(table).recoverable).toEqual([{ cell: { rowDimension: 'r', columnDimension: 'k', row: 'r1', column: 'k2' }, min: 2, max: 2 }]);
  });

  it('finds a "c" worked out through a hidden margin', () => {
    const table = crossTab([
      [c, 10, c],
      [7, 10, 17],
      [c, 20, 40],
    ]);
    expect(auditCrossTab(table).recoverable).toContainEqual({ cell: { rowDimension: 'r', columnDimension: 'k', row: 'r0', column: 'k0' }, min: 13, max: 13 });
  });

  it('refuses a table whose counts do not match its rows', () => {
    expect(() =>
      auditCrossTab({
        ...crossTab([
          [1, 1],
          [1, 1],
        ]),
        counts: [],
      }),
    ).toThrow(InconsistentPublishedTableError);
  });

  it('agrees with an exhaustive search over every completion of small tables', () => {
    fc.assert(
      fc.property(smallAuditCase(), fc.constantFrom(0, 1), ({ grid, hidden }, lowerBound) => {
        const published = grid.map((line, r) => line.map((v, k): PublishedCount => (hidden[r][k] && v >= lowerBound ? c : v)));
        const audit = auditCrossTab(crossTab(published), { lowerBound });
        const exhaustive = exhaustiveRanges(published, lowerBound, grid[grid.length - 1][grid[0].length - 1]);
        expect(audit.ranges.map((r) => [r.min, r.max])).toEqual(exhaustive);
      }),
      { numRuns: 150 },
    );
  });
});

/** A table of up to 2 × 3 inner cells with its margins, and which cells to hide (never the grand total). */
function smallAuditCase() {
  return fc
    .record({ rows: fc.integer({ min: 1, max: 2 }), columns: fc.integer({ min: 1, max: 3 }) })
    .chain(({ rows, columns }) =>
      fc.record({
        inner: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
        hidden: fc.array(fc.array(fc.boolean(), { minLength: columns + 1, maxLength: columns + 1 }), {
          minLength: rows + 1,
          maxLength: rows + 1,
        }),
      }),
    )
    .map(({ inner, hidden }) => {
      const columnTotals = inner[0].map((_, k) => inner.reduce((s, line) => s + line[k], 0));
      const grid = [...inner.map((line) => [...line, line.reduce((a, b) => a + b, 0)]), [...columnTotals, columnTotals.reduce((a, b) => a + b, 0)]];
      hidden[hidden.length - 1][hidden[0].length - 1] = false;
      return { grid, hidden };
    })
    .filter(({ hidden }) => hidden.flat().filter(Boolean).length <= 5);
}

/** [min, max] of each "c", row by row, over every whole-number completion with "c" ≥ lowerBound, by brute force. */
function exhaustiveRanges(published: PublishedCount[][], lowerBound: number, grandTotal: number): number[][] {
  const rows = published.length - 1;
  const columns = published[0].length - 1;
  const unknowns: [number, number][] = [];
  published.forEach((line, r) => line.forEach((v, k) => v === c && unknowns.push([r, k])));
  const ranges = unknowns.map(() => [Infinity, -Infinity]);
  const grid = published.map((line) => line.map((v) => (v === c ? 0 : v)));
  const consistent = (): boolean =>
    grid.every((line) => line.slice(0, columns).reduce((a, b) => a + b, 0) === line[columns]) &&
    grid[0].every((_, k) => grid.slice(0, rows).reduce((s, line) => s + line[k], 0) === grid[rows][k]);
  const assign = (i: number): void => {
    if (i === unknowns.length) {
      if (consistent()) unknowns.forEach(([r, k], j) => (ranges[j] = [Math.min(ranges[j][0], grid[r][k]), Math.max(ranges[j][1], grid[r][k])]));
      return;
    }
    const [r, k] = unknowns[i];
    for (let v = lowerBound; v <= grandTotal; v++) {
      grid[r][k] = v;
      assign(i + 1);
    }
  };
  assign(0);
  return ranges;
}
