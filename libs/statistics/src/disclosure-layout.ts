import { TOTAL_LABEL } from './dimension';
import { Segment } from './disclosure-network';
import { TableInvariantError } from './statistics.errors';

/** A breakdown, true or published, as far as laying its cells out goes. */
export interface BreakdownShape<C> {
  readonly dimension: string;
  readonly total: C;
  readonly cells: readonly { readonly label: string; readonly count: C }[];
}

/** A cross-tab, true or published, as far as laying its cells out goes. */
export interface CrossTabShape<C> {
  readonly rowDimension: string;
  readonly columnDimension: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly counts: readonly (readonly C[])[];
  readonly rowTotals: readonly C[];
  readonly columnTotals: readonly C[];
  readonly total: C;
}

/** A cell of a breakdown; `label` is "Total" for its total. */
export interface BreakdownCellRef {
  readonly dimension: string;
  readonly label: string;
}

/** A cell of a cross-tab; "Total" as `row` or `column` names a margin. */
export interface CrossTabCellRef {
  readonly rowDimension: string;
  readonly columnDimension: string;
  readonly row: string;
  readonly column: string;
}

export type TableCellRef = BreakdownCellRef | CrossTabCellRef;

export interface Layout<C> {
  readonly segments: Segment[];
  /** Every cell in network order, the shared total last. */
  readonly counts: C[];
  readonly refs: TableCellRef[];
  /** Where each table's shared total is shown, for reporting it once per table. */
  readonly totalRefs: TableCellRef[];
}

/**
 * Lays the tables' cells out in the order `sharedTotalNetwork` indexes them. The shared total is taken from
 * `total`, since a published set may show it in one table and hide it in another.
 */
export function layOut<C>(breakdowns: readonly BreakdownShape<C>[], crossTabs: readonly CrossTabShape<C>[], total: C): Layout<C> {
  const dimensions = [...breakdowns.map((b) => b.dimension), ...crossTabs.flatMap((t) => [t.rowDimension, t.columnDimension])];
  // A dimension twice means the same counts in two places (a breakdown by age and the age margin of age ×
  // location): each would be protected as if independent, and the two could give each other away.
  if (new Set(dimensions).size !== dimensions.length) {
    throw new TableInvariantError(
      'repeated_dimension',
      "tables sharing a total must each be by other dimensions; publish a cross-tab's margins as its breakdowns",
    );
  }
  const segments: Segment[] = [];
  const counts: C[] = [];
  const refs: TableCellRef[] = [];
  const totalRefs: TableCellRef[] = [];
  for (const b of breakdowns) {
    segments.push({ cells: b.cells.length });
    b.cells.forEach(({ label, count }) => {
      counts.push(count);
      refs.push({ dimension: b.dimension, label });
    });
    totalRefs.push({ dimension: b.dimension, label: TOTAL_LABEL });
  }
  for (const t of crossTabs) {
    segments.push({ rows: t.rows.length, columns: t.columns.length });
    const at = (row: string, column: string): CrossTabCellRef => ({
      rowDimension: t.rowDimension,
      columnDimension: t.columnDimension,
      row,
      column,
    });
    t.rows.forEach((row, r) => {
      t.columns.forEach((column, c) => {
        counts.push(t.counts[r][c]);
        refs.push(at(row, column));
      });
      counts.push(t.rowTotals[r]);
      refs.push(at(row, TOTAL_LABEL));
    });
    t.columns.forEach((column, c) => {
      counts.push(t.columnTotals[c]);
      refs.push(at(TOTAL_LABEL, column));
    });
    totalRefs.push(at(TOTAL_LABEL, TOTAL_LABEL));
  }
  counts.push(total);
  refs.push(totalRefs[0]);
  return { segments, counts, refs, totalRefs };
}
