import fc from 'fast-check';
import { categoricalDimension } from './dimension';
import { auditBreakdown, auditBreakdownsSharingTotal, auditCrossTab, auditTablesSharingTotal } from './disclosure-audit';
import {
  PublishedBreakdown,
  PublishedCount,
  PublishedCrossTab,
  suppressBreakdown,
  suppressBreakdownsSharingTotal,
  suppressCrossTab,
  suppressTablesSharingTotal,
} from './disclosure-control';
import { Breakdown, CrossTab, buildBreakdown, buildCrossTab } from './table';

// Counts as a council's tables have them: many zeros and small numbers, some large ones.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 4, arbitrary: fc.integer({ min: 6, max: 60 }) },
);

function labels(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

function breakdownOf(name: string, counts: readonly number[]): Breakdown {
  const dimension = categoricalDimension(name, name, labels(name, counts.length));
  return buildBreakdown(
    dimension,
    counts.map((c, i) => ({ label: dimension.categories[i], count: c })),
  );
}

const oneWay = fc.array(count, { minLength: 1, maxLength: 12 }).map((counts) => breakdownOf('d', counts));

function twoWay(maxSide: number): fc.Arbitrary<CrossTab> {
  return fc
    .record({ rows: fc.integer({ min: 1, max: maxSide }), columns: fc.integer({ min: 1, max: maxSide }) })
    .chain(({ rows, columns }) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }))
    .map((grid) => {
      const rows = categoricalDimension('r', 'r', labels('r', grid.length));
      const columns = categoricalDimension('k', 'k', labels('k', grid[0].length));
      return buildCrossTab(
        rows,
        columns,
        grid.flatMap((line, r) => line.map((n, k) => ({ row: rows.categories[r], column: columns.categories[k], count: n }))),
      );
    });
}

/** One population of up to 80 broken down up to four ways, each a random split of the same total. */
const sharingTotal = fc
  .integer({ min: 0, max: 80 })
  .chain((total) =>
    fc.array(
      fc.array(fc.integer({ min: 0, max: total }), { maxLength: 6 }).map((cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), total];
        return points.slice(1).map((p, i) => p - points[i]);
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map((splits) => splits.map((counts, i) => breakdownOf(`d${i}`, counts)));

function pairsOfBreakdown(truth: Breakdown, published: PublishedBreakdown): [number, PublishedCount][] {
  return [[truth.total, published.total], ...truth.cells.map((c, i): [number, PublishedCount] => [c.count, published.cells[i].count])];
}

function pairsOfCrossTab(truth: CrossTab, published: PublishedCrossTab): [number, PublishedCount][] {
  const pairs: [number, PublishedCount][] = [[truth.total, published.total]];
  truth.counts.forEach((line, r) => line.forEach((n, k) => pairs.push([n, published.counts[r][k]])));
  truth.rowTotals.forEach((n, r) => pairs.push([n, published.rowTotals[r]]));
  truth.columnTotals.forEach((n, k) => pairs.push([n, published.columnTotals[k]]));
  return pairs;
}

const showsNoSmallCount = (pairs: [number, PublishedCount][]): void =>
  pairs.forEach(([, shown]) => expect(shown === 'c' || shown === 0 || shown > 5).toBe(true));
const showsZerosAsZero = (pairs: [number, PublishedCount][]): void => pairs.filter(([truth]) => truth === 0).forEach(([, shown]) => expect(shown).toBe(0));
const showsTheTruth = (pairs: [number, PublishedCount][]): void =>
  pairs.filter(([, shown]) => shown !== 'c').forEach(([truth, shown]) => expect(shown).toBe(truth));

describe(suppressBreakdown.name, () => {
  it('never shows a count from 1 to 5', () => {
    fc.assert(fc.property(oneWay, (b) => showsNoSmallCount(pairsOfBreakdown(b, suppressBreakdown(b).published))));
  });

  it('shows every zero as 0', () => {
    fc.assert(fc.property(oneWay, (b) => showsZerosAsZero(pairsOfBreakdown(b, suppressBreakdown(b).published))));
  });

  it('shows every count it does not hide as it is', () => {
    fc.assert(fc.property(oneWay, (b) => showsTheTruth(pairsOfBreakdown(b, suppressBreakdown(b).published))));
  });

  it('leaves no hidden count that the auditor can work out', () => {
    fc.assert(
      fc.property(oneWay, (b) => {
        expect(auditBreakdown(suppressBreakdown(b).published).recoverable).toEqual([]);
      }),
    );
  });
});

describe(suppressBreakdownsSharingTotal.name, () => {
  it('never shows a count from 1 to 5', () => {
    fc.assert(fc.property(sharingTotal, (bs) => suppressBreakdownsSharingTotal(bs).published.forEach((p, i) => showsNoSmallCount(pairsOfBreakdown(bs[i], p)))));
  });

  it('shows every zero as 0', () => {
    fc.assert(fc.property(sharingTotal, (bs) => suppressBreakdownsSharingTotal(bs).published.forEach((p, i) => showsZerosAsZero(pairsOfBreakdown(bs[i], p)))));
  });

  it('shows every count it does not hide as it is', () => {
    fc.assert(fc.property(sharingTotal, (bs) => suppressBreakdownsSharingTotal(bs).published.forEach((p, i) => showsTheTruth(pairsOfBreakdown(bs[i], p)))));
  });

  it('leaves no hidden count that the auditor can work out from all the breakdowns together', () => {
    fc.assert(
      fc.property(sharingTotal, (bs) => {
        expect(auditBreakdownsSharingTotal(suppressBreakdownsSharingTotal(bs).published).recoverable).toEqual([]);
      }),
    );
  });
});

describe(suppressCrossTab.name, () => {
  it('never shows a count from 1 to 5', () => {
    fc.assert(fc.property(twoWay(7), (t) => showsNoSmallCount(pairsOfCrossTab(t, suppressCrossTab(t).published))));
  });

  it('shows every zero as 0', () => {
    fc.assert(fc.property(twoWay(7), (t) => showsZerosAsZero(pairsOfCrossTab(t, suppressCrossTab(t).published))));
  });

  it('shows every count it does not hide as it is', () => {
    fc.assert(fc.property(twoWay(7), (t) => showsTheTruth(pairsOfCrossTab(t, suppressCrossTab(t).published))));
  });

  it('leaves no hidden count that the auditor can work out', () => {
    fc.assert(
      fc.property(twoWay(7), (t) => {
        expect(auditCrossTab(suppressCrossTab(t).published).recoverable).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('protects tables up to 12 × 12', () => {
    fc.assert(
      fc.property(twoWay(12), (t) => {
        expect(auditCrossTab(suppressCrossTab(t).published).safe).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

/** A cross-tab and one to three breakdowns of the same population, split at random. */
const mixedSet = twoWay(5).chain((table) =>
  fc
    .array(
      fc.array(fc.integer({ min: 0, max: table.total }), { maxLength: 5 }).map((cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), table.total];
        return points.slice(1).map((p, i) => p - points[i]);
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((splits) => ({ table, breakdowns: splits.map((counts, i) => breakdownOf(`d${i}`, counts)) })),
);

describe(suppressTablesSharingTotal.name, () => {
  function pairsOfSet({ table, breakdowns }: { table: CrossTab; breakdowns: Breakdown[] }): [number, PublishedCount][] {
    const { published } = suppressTablesSharingTotal({ breakdowns, crossTabs: [table] });
    return [...pairsOfCrossTab(table, published.crossTabs[0]), ...breakdowns.flatMap((b, i) => pairsOfBreakdown(b, published.breakdowns[i]))];
  }

  it('never shows a count from 1 to 5', () => {
    fc.assert(fc.property(mixedSet, (set) => showsNoSmallCount(pairsOfSet(set))));
  });

  it('shows every zero as 0', () => {
    fc.assert(fc.property(mixedSet, (set) => showsZerosAsZero(pairsOfSet(set))));
  });

  it('shows every count it does not hide as it is', () => {
    fc.assert(fc.property(mixedSet, (set) => showsTheTruth(pairsOfSet(set))));
  });

  it('leaves no hidden count that the auditor can work out from all the tables together', () => {
    fc.assert(
      fc.property(mixedSet, ({ table, breakdowns }) => {
        const { published } = suppressTablesSharingTotal({ breakdowns, crossTabs: [table] });
        expect(auditTablesSharingTotal(published).recoverable).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
