import { BREAKDOWNS, BreakdownTable, Count, CrossTable, Figures } from '../statistics/figures';

export type Measure = 'referrals' | 'individuals' | 'decisions';

/** One published or exact number of a report, addressed by what it counts and where it sits. */
export interface FigureCell<C extends Count = Count> {
  readonly measure: Measure;
  readonly table: string;
  readonly category: string;
  /** The column of a cross-tab; empty for a breakdown. */
  readonly subcategory: string;
  readonly count: C;
}

export const TOTAL = 'Total';

/**
 * Every number of a report, one per row, in the order the report shows them: what CSV writes and what revisions
 * are compared on. Totals and margins are included, as published.
 */
export function figureCells<C extends Count>(figures: Figures<C>): FigureCell<C>[] {
  const cells: FigureCell<C>[] = [];
  const breakdown = (measure: Measure, t: BreakdownTable<C>): void => {
    for (const cell of t.cells) cells.push({ measure, table: t.title, category: cell.label, subcategory: '', count: cell.count });
    cells.push({ measure, table: t.title, category: TOTAL, subcategory: '', count: t.total });
  };
  const crossTab = (measure: Measure, t: CrossTable<C>): void => {
    t.rows.forEach((row, r) => {
      t.columns.forEach((column, c) => cells.push({ measure, table: t.title, category: row, subcategory: column, count: t.counts[r][c] }));
      cells.push({ measure, table: t.title, category: row, subcategory: TOTAL, count: t.rowTotals[r] });
    });
    t.columns.forEach((column, c) => cells.push({ measure, table: t.title, category: TOTAL, subcategory: column, count: t.columnTotals[c] }));
    cells.push({ measure, table: t.title, category: TOTAL, subcategory: TOTAL, count: t.total });
  };
  for (const measure of ['referrals', 'individuals'] as const) {
    const population = figures[measure];
    cells.push({ measure, table: TOTAL, category: TOTAL, subcategory: '', count: population.total });
    for (const name of BREAKDOWNS) breakdown(measure, population.breakdowns[name]);
    crossTab(measure, population.ageGroupByLocation);
    for (const q of figures.quarters) cells.push({ measure, table: 'Quarter', category: q.label, subcategory: '', count: q[measure] });
  }
  crossTab('decisions', figures.decisions.reasonableGrounds);
  crossTab('decisions', figures.decisions.conclusiveGrounds);
  crossTab('decisions', figures.decisions.consentToStay);
  breakdown('decisions', figures.decisions.withdrawals);
  return cells;
}

export function cellKey(cell: FigureCell): string {
  return JSON.stringify([cell.measure, cell.table, cell.category, cell.subcategory]);
}
