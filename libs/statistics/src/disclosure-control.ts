import { BreakdownCellRef, CrossTabCellRef, TableCellRef, layOut } from './disclosure-layout';
import { Constraint, TableNetwork, recoverableCells, sharedTotalNetwork } from './disclosure-network';
import { TableInvariantError } from './statistics.errors';
import { Breakdown, CrossTab, assertBreakdownSumsToTotal, assertCrossTabSumsToTotals } from './table';

/**
 * Disclosure control for everything that leaves for a board, after the DfE Children in Need statistics and GSS
 * guidance (domain brief 7): "any number between 1 and 5 inclusive has been suppressed and replaced by 'c'.
 * Secondary suppression has been applied where necessary." Zeros are published as 0.
 */
export const SUPPRESSED = 'c';
export type PublishedCount = number | typeof SUPPRESSED;

export type { BreakdownCellRef, CrossTabCellRef, TableCellRef } from './disclosure-layout';

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

export function suppressBreakdown(breakdown: Breakdown): DisclosureControlled<PublishedBreakdown, BreakdownCellRef> {
  const { published, suppressions } = suppressTablesSharingTotal({ breakdowns: [breakdown] });
  return { published: published.breakdowns[0], suppressions: suppressions as Suppression<BreakdownCellRef>[] };
}

/**
 * Breakdowns of one population published side by side (by gender, by nationality, ...) share their total: each
 * is a constraint "cells add up to the total" on the same total, so they are protected together and show the
 * same total.
 */
export function suppressBreakdownsSharingTotal(
  breakdowns: readonly Breakdown[],
): DisclosureControlled<PublishedBreakdown[], BreakdownCellRef> {
  const { published, suppressions } = suppressTablesSharingTotal({ breakdowns });
  return { published: published.breakdowns, suppressions: suppressions as Suppression<BreakdownCellRef>[] };
}

/**
 * Suppresses a cross-tab with its margins: counts of 1 to 5 anywhere (cells, row and column totals, grand total),
 * then complementary cells until no "c" can be worked out from the published cells and margins.
 */
export function suppressCrossTab(table: CrossTab): DisclosureControlled<PublishedCrossTab, CrossTabCellRef> {
  const { published, suppressions } = suppressTablesSharingTotal({ crossTabs: [table] });
  return { published: published.crossTabs[0], suppressions: suppressions as Suppression<CrossTabCellRef>[] };
}

/** The tables of one population that a board report publishes together. */
export interface TablesSharingTotal {
  readonly breakdowns?: readonly Breakdown[];
  readonly crossTabs?: readonly CrossTab[];
}

export interface PublishedTablesSharingTotal {
  readonly breakdowns: PublishedBreakdown[];
  readonly crossTabs: PublishedCrossTab[];
}

/**
 * Protects every table of one population (say, referrals in a quarter by gender, by nationality, and by age
 * group × location) together. Protected one by one, a total hidden in one table could be shown in another and a
 * "c" worked out across them. A cross-tab's own margins are its breakdowns by its two dimensions: publish them
 * with `publishedRowBreakdown`/`publishedColumnBreakdown`, not as separate breakdowns, which are refused.
 */
export function suppressTablesSharingTotal(
  tables: TablesSharingTotal,
): DisclosureControlled<PublishedTablesSharingTotal, TableCellRef> {
  const breakdowns = tables.breakdowns ?? [];
  const crossTabs = tables.crossTabs ?? [];
  breakdowns.forEach(assertBreakdownSumsToTotal);
  crossTabs.forEach(assertCrossTabSumsToTotals);
  const totals = new Set([...breakdowns, ...crossTabs].map((t) => t.total));
  if (totals.size === 0) return { published: { breakdowns: [], crossTabs: [] }, suppressions: [] };
  if (totals.size > 1) {
    throw new TableInvariantError('totals_differ', 'tables that share a total must have the same total');
  }
  const [total] = totals;
  const layout = layOut(breakdowns, crossTabs, total);
  const reasons = protect(sharedTotalNetwork(layout.segments), layout.counts);
  const totalReason = reasons[reasons.length - 1];

  const suppressions: Suppression<TableCellRef>[] = [];
  const show = (cell: number): PublishedCount => {
    const reason = reasons[cell];
    if (reason && cell < reasons.length - 1) suppressions.push({ cell: layout.refs[cell], reason });
    return reason ? SUPPRESSED : layout.counts[cell];
  };
  let next = 0;
  const shownTotal = totalReason ? SUPPRESSED : total;
  const publishedBreakdowns = breakdowns.map(
    (b): PublishedBreakdown => ({
      dimension: b.dimension,
      total: shownTotal,
      cells: b.cells.map(({ label }) => ({ label, count: show(next++) })),
    }),
  );
  const publishedCrossTabs = crossTabs.map((t): PublishedCrossTab => {
    const lines = t.rows.map(() => t.columns.map(() => show(next++)).concat(show(next++)));
    return {
      rowDimension: t.rowDimension,
      columnDimension: t.columnDimension,
      rows: t.rows,
      columns: t.columns,
      counts: lines.map((line) => line.slice(0, -1)),
      rowTotals: lines.map((line) => line[line.length - 1]),
      columnTotals: t.columns.map(() => show(next++)),
      total: shownTotal,
    };
  });
  if (totalReason) layout.totalRefs.forEach((cell) => suppressions.push({ cell, reason: totalReason }));
  return { published: { breakdowns: publishedBreakdowns, crossTabs: publishedCrossTabs }, suppressions };
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
