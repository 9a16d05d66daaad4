import type { CellRelation } from './disclosure-completion';
import type { TableNetwork } from './disclosure-network';
import { SuppressionReason, isSmallCount } from './disclosure-rule';
import { TableInvariantError } from './statistics.errors';

/** The cells of everything published together and what a reader knows relates them. */
export interface ProtectedCells {
  readonly relations: readonly CellRelation[];
  /** Totals and margins: complementary suppression prefers an inner cell over a margin of the same value. */
  readonly isMargin: readonly boolean[];
}

/** A suppressed cell (`null`) that a reader can work out from the published ones, or undefined when there is none. */
export type FindRecoverable = (published: readonly (number | null)[]) => number | undefined;

/** One population's tables: their network's "members add up to total" lines are all the reader knows. */
export function networkCells(network: TableNetwork): ProtectedCells {
  return { relations: network.constraints.map((c) => ({ ...c, kind: 'sum' as const })), isMargin: network.isMargin };
}

/**
 * Chooses the cells to suppress. Primary: every count of 1 to 5. Secondary, repeated to a fixed point:
 * 1. a sum (a row, a column, a breakdown with its total, adults + children = all) with a single "c" gives it away
 *    by subtraction, so suppress that sum's smallest non-zero published cell too, an inner cell before a margin of
 *    the same size (DfE: "secondary suppression ... where necessary"; smallest so as to hide as little as possible);
 * 2. once every sum has none or two or more, ask the exact audit (`findRecoverable`) whether a "c" can still be
 *    worked out (chains of sums, bounds such as "individuals at most referrals", or "c"s that must all be 1 because
 *    zeros are published) and, if so, suppress the smallest published non-zero cell related to it.
 * Zeros are never suppressed. Each round suppresses one more cell, so the loop ends; with every non-zero cell
 * suppressed nothing can be worked out (doubling every "c" gives another completion), so it ends protected.
 */
export function protect(
  cells: ProtectedCells,
  values: readonly number[],
  findRecoverable: FindRecoverable,
): (SuppressionReason | undefined)[] {
  const reasons: (SuppressionReason | undefined)[] = values.map((v) => (isSmallCount(v) ? 'primary' : undefined));
  const suppressed = (cell: number): boolean => reasons[cell] !== undefined;
  const cellsOf = (relation: CellRelation): number[] => [...relation.members, relation.total];
  const relationsOf: CellRelation[][] = values.map(() => []);
  cells.relations.forEach((relation) => cellsOf(relation).forEach((cell) => relationsOf[cell].push(relation)));
  // An "at most" with one "c" bounds it on one side only; the audit judges those.
  const sums = cells.relations.filter((relation) => relation.kind === 'sum');
  const isLone = (relation: CellRelation): boolean => relation.kind === 'sum' && cellsOf(relation).filter(suppressed).length === 1;
  const lonesFixed = (cell: number): number => relationsOf[cell].filter(isLone).length;
  const cheapest = (candidates: readonly number[]): number | undefined =>
    candidates
      .filter((cell) => !suppressed(cell) && values[cell] > 0)
      .sort(
        (a, b) =>
          values[a] - values[b] ||
          Number(cells.isMargin[a]) - Number(cells.isMargin[b]) ||
          lonesFixed(b) - lonesFixed(a) ||
          a - b,
      )[0];
  const allCells = values.map((_, cell) => cell);

  for (;;) {
    const lone = sums.find(isLone);
    let complement: number | undefined;
    if (lone) {
      complement = cheapest(cellsOf(lone));
    } else {
      const published = values.map((value, cell) => (suppressed(cell) ? null : value));
      if (published.every((value) => value !== null)) return reasons;
      const exposed = findRecoverable(published);
      if (exposed === undefined) return reasons;
      complement = cheapest([...new Set(relationsOf[exposed].flatMap(cellsOf))]) ?? cheapest(allCells);
    }
    if (complement === undefined) {
      throw new TableInvariantError('total_mismatch', 'no cell left to suppress: the table does not add up');
    }
    reasons[complement] = 'secondary';
  }
}
