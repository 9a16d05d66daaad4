import { BreakdownCellRef, CrossTabCellRef, TableCellRef, layOut } from './disclosure-layout';
import { recoverableCells, sharedTotalNetwork } from './disclosure-network';
import { networkCells, protect } from './disclosure-protect';
import { publishLaidOut } from './disclosure-publish';
import { PublishedCount, SMALLEST_SUPPRESSED, SUPPRESSED, SuppressionReason, isSmallCount } from './disclosure-rule';
import { TableInvariantError } from './statistics.errors';
import { Breakdown, CrossTab, assertBreakdownSumsToTotal, assertCrossTabSumsToTotals } from './table';

export { SUPPRESSED, SMALLEST_SUPPRESSED, LARGEST_SUPPRESSED, isSmallCount } from './disclosure-rule';
export type { PublishedCount, SuppressionReason } from './disclosure-rule';
export type { BreakdownCellRef, CrossTabCellRef, TableCellRef } from './disclosure-layout';

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
export function suppressBreakdownsSharingTotal(breakdowns: readonly Breakdown[]): DisclosureControlled<PublishedBreakdown[], BreakdownCellRef> {
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
export function suppressTablesSharingTotal(tables: TablesSharingTotal): DisclosureControlled<PublishedTablesSharingTotal, TableCellRef> {
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
  const network = sharedTotalNetwork(layout.segments);
  // One population's tables are a network: max-flow tells exactly which "c" a reader can work out.
  const reasons = protect(networkCells(network), layout.counts, (published) => recoverableCells(network, published, SMALLEST_SUPPRESSED).slice(0, 1));
  return publishLaidOut(breakdowns, crossTabs, layout, reasons);
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
