import { TOTAL_LABEL } from './dimension';
import { Constraint, TableNetwork, crossTabNetwork, recoverableCells, sharedTotalNetwork } from './disclosure-network';
import { TableInvariantError } from './statistics.errors';
import { Breakdown, CrossTab, assertBreakdownSumsToTotal, assertCrossTabSumsToTotals } from './table';

/**
 * Disclosure control for everything that leaves for a board, after the DfE Children in Need statistics and GSS
 * guidance (domain brief 7): "any number between 1 and 5 inclusive has been suppressed and replaced by 'c'.
 * Secondary suppression has been applied where necessary." Zeros are published as 0.
 */
export const SUPPRESSED = 'c';
export type PublishedCount = number | typeof SUPPRESSED;

export const SMALLEST_SUPPRESSED = 1;
export const LARGEST_SUPPRESSED = 5;

export interface PublishedCell {
  readonly label: string;
  readonly count: PublishedCount;
}

export interface PublishedBreakdown {
  readonly dimension: string;
  readonly total: PublishedCount;
  readonly cells: readonly PublishedCell[];
}

export interface PublishedCrossTab {
  readonly rowDimension: string;
  readonly columnDimension: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly counts: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[];
  readonly columnTotals: readonly PublishedCount[];
  readonly total: PublishedCount;
}

/** A cell of a breakdown; `label` is "Total" for its total. */
export interface BreakdownCellRef {
  readonly dimension: string;
  readonly label: string;
}

/** A cell of a cross-tab; "Total" as `row` or `column` names a margin. */
export interface CrossTabCellRef {
  readonly row: string;
  readonly column: string;
}

/** Primary: a count of 1 to 5. Secondary: suppressed so that a primary cannot be worked out from the rest. */
export type SuppressionReason = 'primary' | 'secondary';

export interface Suppression<Ref> {
  readonly cell: Ref;
  readonly reason: SuppressionReason;
}

/**
 * `published` goes to the board. `suppressions` is for the safeguarding lead and the audit log only: a reader who
 * knows which "c" is primary knows it hides at most 5, which the published table does not tell.
 */
export interface DisclosureControlled<Published, Ref> {
  readonly published: Published;
  readonly suppressions: readonly Suppression<Ref>[];
}

export function isSmallCount(count: number): boolean {
  return count >= SMALLEST_SUPPRESSED && count <= LARGEST_SUPPRESSED;
}

/**
 * A count published on its own, with no total or other cell it could be worked out from (e.g. individuals by
 * quarter, which do not add up to the period's individuals because a person can appear in several quarters).
 * A count that takes part in a breakdown must go through the breakdown's suppression instead.
 */
export function publishCount(count: number): PublishedCount {
  return isSmallCount(count) ? SUPPRESSED : count;
}

export function suppressBreakdown(
  breakdown: Breakdown,
): DisclosureControlled<PublishedBreakdown, BreakdownCellRef> {
  const { published, suppressions } = suppressBreakdownsSharingTotal([breakdown]);
  return { published: published[0], suppressions };
}

/**
 * Breakdowns of one population published side by side (by gender, by nationality, ...) share their total, so
 * each is a constraint "cells add up to the total" on the same total: protecting them one by one could publish
 * the total in one and leave a lone "c" that the other's suppressed total no longer protects. They are
 * protected together and publish the same total.
 */
export function suppressBreakdownsSharingTotal(
  breakdowns: readonly Breakdown[],
): DisclosureControlled<PublishedBreakdown[], BreakdownCellRef> {
  if (breakdowns.length === 0) return { published: [], suppressions: [] };
  breakdowns.forEach(assertBreakdownSumsToTotal);
  const total = breakdowns[0].total;
  if (breakdowns.some((b) => b.total !== total)) {
    throw new TableInvariantError('totals_differ', 'breakdowns that share a total must have the same total');
  }
  if (new Set(breakdowns.map((b) => b.dimension)).size !== breakdowns.length) {
    throw new TableInvariantError('duplicate_category', 'breakdowns that share a total must be by different dimensions');
  }
  const values = [...breakdowns.flatMap((b) => b.cells.map((c) => c.count)), total];
  const reasons = protect(sharedTotalNetwork(breakdowns.map((b) => b.cells.length)), values);
  const totalReason = reasons[values.length - 1];
  let cell = 0;
  const suppressions: Suppression<BreakdownCellRef>[] = [];
  const published = breakdowns.map((b): PublishedBreakdown => {
    const cells = b.cells.map(({ label, count }): PublishedCell => {
      const reason = reasons[cell++];
      if (reason) suppressions.push({ cell: { dimension: b.dimension, label }, reason });
      return { label, count: reason ? SUPPRESSED : count };
    });
    if (totalReason) suppressions.push({ cell: { dimension: b.dimension, label: TOTAL_LABEL }, reason: totalReason });
    return { dimension: b.dimension, total: totalReason ? SUPPRESSED : total, cells };
  });
  return { published, suppressions };
}

/**
 * Suppresses a cross-tab with its margins: counts of 1 to 5 anywhere (cells, row and column totals, grand total),
 * then complementary cells until no "c" can be worked out from the published cells and margins.
 */
export function suppressCrossTab(table: CrossTab): DisclosureControlled<PublishedCrossTab, CrossTabCellRef> {
  assertCrossTabSumsToTotals(table);
  const rowLabels = [...table.rows, TOTAL_LABEL];
  const columnLabels = [...table.columns, TOTAL_LABEL];
  const grid = [
    ...table.counts.map((line, r) => [...line, table.rowTotals[r]]),
    [...table.columnTotals, table.total],
  ];
  const reasons = protect(crossTabNetwork(table.rows.length, table.columns.length), grid.flat());
  const width = columnLabels.length;
  const suppressions: Suppression<CrossTabCellRef>[] = [];
  const publishedGrid = grid.map((line, r) =>
    line.map((count, c): PublishedCount => {
      const reason = reasons[r * width + c];
      if (!reason) return count;
      suppressions.push({ cell: { row: rowLabels[r], column: columnLabels[c] }, reason });
      return SUPPRESSED;
    }),
  );
  const rows = table.rows.length;
  return {
    published: {
      rowDimension: table.rowDimension,
      columnDimension: table.columnDimension,
      rows: table.rows,
      columns: table.columns,
      counts: publishedGrid.slice(0, rows).map((line) => line.slice(0, -1)),
      rowTotals: publishedGrid.slice(0, rows).map((line) => line[line.length - 1]),
      columnTotals: publishedGrid[rows].slice(0, -1),
      total: publishedGrid[rows][width - 1],
    },
    suppressions,
  };
}

/**
 * The row margin of a published cross-tab as a breakdown. Publish a cross-tab's one-way breakdowns this way,
 * never suppressed separately: two suppressions of the same numbers can hide different cells and, read together,
 * give both away.
 */
export function publishedRowBreakdown(table: PublishedCrossTab): PublishedBreakdown {
  return {
    dimension: table.rowDimension,
    total: table.total,
    cells: table.rows.map((label, r) => ({ label, count: table.rowTotals[r] })),
  };
}

/** The column margin of a published cross-tab as a breakdown; see `publishedRowBreakdown`. */
export function publishedColumnBreakdown(table: PublishedCrossTab): PublishedBreakdown {
  return {
    dimension: table.columnDimension,
    total: table.total,
    cells: table.columns.map((label, c) => ({ label, count: table.columnTotals[c] })),
  };
}

/**
 * Chooses the cells to suppress. Primary: every count of 1 to 5. Secondary, repeated to a fixed point:
 * 1. a constraint (a row, a column, a breakdown with its total) with a single "c" gives it away by subtraction,
 *    so suppress that constraint's smallest non-zero published cell too, an inner cell before a margin of the
 *    same size (DfE: "secondary suppression ... where necessary"; smallest so as to hide as little as possible);
 * 2. once every constraint has none or two or more, ask the exact audit whether a "c" can still be worked out
 *    (chains of constraints, or "c"s that must all be 1 because zeros are published) and, if so, suppress the
 *    smallest published non-zero cell sharing a constraint with it.
 * Zeros are never suppressed. Each round suppresses one more cell, so the loop ends; with every non-zero cell
 * suppressed nothing can be worked out (doubling every "c" gives another completion), so it ends protected.
 */
function protect(network: TableNetwork, values: readonly number[]): (SuppressionReason | undefined)[] {
  const reasons: (SuppressionReason | undefined)[] = values.map((v) => (isSmallCount(v) ? 'primary' : undefined));
  const suppressed = (cell: number): boolean => reasons[cell] !== undefined;
  const cellsOf = (constraint: Constraint): number[] => [...constraint.members, constraint.total];
  const constraintsOf: Constraint[][] = values.map(() => []);
  network.constraints.forEach((constraint) => cellsOf(constraint).forEach((cell) => constraintsOf[cell].push(constraint)));
  const isLone = (constraint: Constraint): boolean => cellsOf(constraint).filter(suppressed).length === 1;
  const lonesFixed = (cell: number): number => constraintsOf[cell].filter(isLone).length;
  const cheapest = (cells: readonly number[]): number | undefined =>
    cells
      .filter((cell) => !suppressed(cell) && values[cell] > 0)
      .sort(
        (a, b) =>
          values[a] - values[b] ||
          Number(network.isMargin[a]) - Number(network.isMargin[b]) ||
          lonesFixed(b) - lonesFixed(a) ||
          a - b,
      )[0];
  const allCells = values.map((_, cell) => cell);

  for (;;) {
    const lone = network.constraints.find(isLone);
    let complement: number | undefined;
    if (lone) {
      complement = cheapest(cellsOf(lone));
    } else {
      const published = values.map((value, cell) => (suppressed(cell) ? null : value));
      if (published.every((value) => value !== null)) return reasons;
      // Readers know a "c" hides at least 1, since zeros are published as 0.
      const [exposed] = recoverableCells(network, published, SMALLEST_SUPPRESSED);
      if (exposed === undefined) return reasons;
      complement = cheapest(constraintsOf[exposed].flatMap(cellsOf)) ?? cheapest(allCells);
    }
    if (complement === undefined) {
      throw new TableInvariantError('total_mismatch', 'no cell left to suppress: the table does not add up');
    }
    reasons[complement] = 'secondary';
  }
}
