import { PublishedBreakdown, PublishedCount, PublishedCrossTab, SMALLEST_SUPPRESSED, SUPPRESSED } from './disclosure-control';
import { BreakdownCellRef, CrossTabCellRef, TableCellRef, layOut } from './disclosure-layout';
import { TableNetwork, feasibleIntervals, sharedTotalNetwork } from './disclosure-network';
import { InconsistentPublishedTableError } from './statistics.errors';

/** What a reader of the published table can tell about one suppressed cell. */
export interface SuppressedCellRange<Ref> {
  readonly cell: Ref;
  readonly min: number;
  /** Infinity when nothing published bounds the cell from above. */
  readonly max: number;
}

export interface DisclosureAudit<Ref> {
  /** True when no suppressed cell's value can be worked out (`min < max` for every one). */
  readonly safe: boolean;
  readonly ranges: readonly SuppressedCellRange<Ref>[];
  /** The suppressed cells a reader can work out exactly. */
  readonly recoverable: readonly SuppressedCellRange<Ref>[];
}

export interface AuditOptions {
  /**
   * The least value a reader may assume behind a "c". Defaults to 1: zeros are published as 0, so a "c" is
   * never 0, and a row "c, c" with a known sum of 2 gives away two 1s. Pass 0 for the weaker check over all
   * non-negative completions.
   */
  readonly lowerBound?: number;
}

/**
 * Proves, from the published table alone, that no suppressed cell can be worked out: for every "c", the least
 * and greatest whole-number values consistent with every published cell and total differ. For a breakdown this
 * is the DfE rule "no constraint with a lone 'c'" made exact.
 */
export function auditBreakdown(breakdown: PublishedBreakdown, options: AuditOptions = {}): DisclosureAudit<BreakdownCellRef> {
  return auditBreakdownsSharingTotal([breakdown], options);
}

/**
 * Audits breakdowns of one population published together. Their totals are the same number, so a total shown
 * in any of them is known in all.
 */
export function auditBreakdownsSharingTotal(breakdowns: readonly PublishedBreakdown[], options: AuditOptions = {}): DisclosureAudit<BreakdownCellRef> {
  return auditTablesSharingTotal({ breakdowns }, options) as DisclosureAudit<BreakdownCellRef>;
}

/**
 * Audits a cross-tab with its margins by the feasible range of every "c" over all completions that respect every
 * published row, column and total; exact in whole numbers, for tables of any size the council publishes.
 */
export function auditCrossTab(table: PublishedCrossTab, options: AuditOptions = {}): DisclosureAudit<CrossTabCellRef> {
  return auditTablesSharingTotal({ crossTabs: [table] }, options) as DisclosureAudit<CrossTabCellRef>;
}

/**
 * Audits every table of one population published together, as a reader holding all of them would read them.
 * The shared total is reported once, as the first table's.
 */
export function auditTablesSharingTotal(
  tables: { readonly breakdowns?: readonly PublishedBreakdown[]; readonly crossTabs?: readonly PublishedCrossTab[] },
  options: AuditOptions = {},
): DisclosureAudit<TableCellRef> {
  const breakdowns = tables.breakdowns ?? [];
  const crossTabs = tables.crossTabs ?? [];
  if (breakdowns.length + crossTabs.length === 0) return { safe: true, ranges: [], recoverable: [] };
  crossTabs.forEach((table) => {
    if (
      table.counts.length !== table.rows.length ||
      table.counts.some((line) => line.length !== table.columns.length) ||
      table.rowTotals.length !== table.rows.length ||
      table.columnTotals.length !== table.columns.length
    ) {
      throw new InconsistentPublishedTableError('a published cross-tab does not match its rows and columns');
    }
  });
  const shownTotals = new Set([...breakdowns, ...crossTabs].map((t) => t.total).filter((t) => t !== SUPPRESSED));
  if (shownTotals.size > 1) {
    throw new InconsistentPublishedTableError('tables of one population show different totals');
  }
  const total: PublishedCount = shownTotals.size === 1 ? [...shownTotals][0] : SUPPRESSED;
  const layout = layOut(breakdowns, crossTabs, total);
  return audit(sharedTotalNetwork(layout.segments), layout.counts, layout.refs, options);
}

function audit<Ref>(
  network: TableNetwork,
  counts: readonly PublishedCount[],
  refs: readonly Ref[],
  { lowerBound = SMALLEST_SUPPRESSED }: AuditOptions,
): DisclosureAudit<Ref> {
  const published = counts.map((count) => (count === SUPPRESSED ? null : count));
  const ranges: SuppressedCellRange<Ref>[] = [];
  feasibleIntervals(network, published, lowerBound).forEach((interval, cell) => {
    if (interval) ranges.push({ cell: refs[cell], min: interval.min, max: interval.max });
  });
  const recoverable = ranges.filter((r) => r.min === r.max);
  return { safe: recoverable.length === 0, ranges, recoverable };
}
