import type { PublishedBreakdown, PublishedCrossTab, PublishedTablesSharingTotal, Suppression } from './disclosure-control';
import type { BreakdownShape, CrossTabShape, Layout, TableCellRef } from './disclosure-layout';
import { PublishedCount, SUPPRESSED, SuppressionReason } from './disclosure-rule';

/**
 * The published form of tables laid out by `layOut`, given the reason (if any) each cell is suppressed for: a
 * suppressed cell shows "c", any other its count. The shared total is shown in every table, or hidden in all.
 */
export function publishLaidOut(
  breakdowns: readonly BreakdownShape<number>[],
  crossTabs: readonly CrossTabShape<number>[],
  layout: Layout<number>,
  reasons: readonly (SuppressionReason | undefined)[],
): { published: PublishedTablesSharingTotal; suppressions: Suppression<TableCellRef>[] } {
  const totalCell = layout.counts.length - 1;
  const suppressions: Suppression<TableCellRef>[] = [];
  const show = (cell: number): PublishedCount => {
    const reason = reasons[cell];
    if (reason && cell < totalCell) suppressions.push({ cell: layout.refs[cell], reason });
    return reason ? SUPPRESSED : layout.counts[cell];
  };
  let next = 0;
  const totalReason = reasons[totalCell];
  const shownTotal = totalReason ? SUPPRESSED : layout.counts[totalCell];
  const publishedBreakdowns = breakdowns.map((b): PublishedBreakdown => ({
    dimension: b.dimension,
    total: shownTotal,
    cells: b.cells.map(({ label }) => ({ label, count: show(next++) })),
  }));
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
