import type { PublishedCount } from '@app/statistics';
import { cellKey, figureCells, type Measure } from '../formats/figure-cells';
import type { Figures } from '../statistics/figures';

/** One published number that differs from the previous revision; null where the category did not appear. */
export interface FigureChange {
  readonly measure: Measure;
  readonly table: string;
  readonly category: string;
  readonly subcategory: string;
  readonly before: PublishedCount | null;
  readonly after: PublishedCount | null;
}

export interface ReportChanges {
  readonly previousRevision: number;
  readonly previousId: string;
  readonly previousDataCutOff: string;
  readonly changed: readonly FigureChange[];
}

/**
 * What changed between two revisions, compared on the published figures only: both were sent to the same board,
 * so the comparison tells them nothing they were not sent (a suppressed count that moved within "c" shows no
 * change). A category that appears or disappears (a new nationality) is a change from or to null.
 */
export function figureChanges(before: Figures<PublishedCount>, after: Figures<PublishedCount>): FigureChange[] {
  const previous = new Map(figureCells(before).map((cell) => [cellKey(cell), cell]));
  const changes: FigureChange[] = [];
  for (const cell of figureCells(after)) {
    const key = cellKey(cell);
    const old = previous.get(key);
    previous.delete(key);
    if (old && old.count === cell.count) continue;
    changes.push({ ...address(cell), before: old ? old.count : null, after: cell.count });
  }
  for (const old of previous.values()) changes.push({ ...address(old), before: old.count, after: null });
  return changes;
}

function address(cell: { measure: Measure; table: string; category: string; subcategory: string }) {
  return { measure: cell.measure, table: cell.table, category: cell.category, subcategory: cell.subcategory };
}
