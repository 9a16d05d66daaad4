import type { CellRelation } from './disclosure-completion';
import type { TableNetwork } from './disclosure-network';
import { SuppressionReason, isSmallCount } from './disclosure-rule';
import { TableInvariantError } from './statistics.errors';

/** The cells of everything published together and what a reader knows relates them. */
export interface ProtectedCells {
  readonly relations: readonly CellRelation[];
  /** Totals and margins: complementary suppression prefers an inner cell over a margin of the same value. */
  readonly isMargin: readonly boolean[];
  /**
   * Cells never published but related to published ones (people in two populations at once: adults + children −
   * all). A hidden cell is never a complement; if `guarded`, a count of 1 to 5 in it must not be workable out
   * either, as if it were shown as "c".
   */
  readonly hidden?: readonly boolean[];
  readonly guarded?: readonly boolean[];
}

/**
 * Cells that must not be worked out (a "c", or a guarded hidden cell holding 1 to 5) but can be from the published
 * ones (`null`: suppressed or hidden); none when the publication is safe. Answering one is enough; answering all
 * it finds lets a round protect them together.
 */
export type FindRecoverable = (published: readonly (number | null)[]) => readonly number[];

/** One population's tables: their network's "members add up to total" lines are all the reader knows. */
export function networkCells(network: TableNetwork): ProtectedCells {
  return { relations: network.constraints.map((c) => ({ members: c.members, totals: [c.total], kind: 'sum' as const })), isMargin: network.isMargin };
}

/**
 * The method, by name: **primary cell suppression by threshold (1 to 5), then greedy secondary suppression that
 * removes singletons in every known additive relation, checked by an exact integer-completion audit** (each "c"
 * must take at least two whole-number values in completions consistent with everything published). Against the
 * standard methods: tau-argus's and sdcTable's hypercube method (GHMITER) also works sum by sum but cannot see
 * chains across linked tables; their modular and optimal (network-flow / mixed-integer) methods minimise the
 * information hidden with an LP or MIP solver; Statistics Norway's GaussSuppression picks complements by Gaussian
 * elimination over the relation matrix, which finds every linear derivation. Ours is the simple greedy choice
 * (smallest cell first) with the exact audit as the final gate: not optimal (it may hide more than a solver
 * would), but for a council's small tables it is fast, has no solver to install, and the audit, not the
 * heuristic, decides what is safe to publish. Interval protection beyond "not a single value" is not required.
 *
 * Chooses the cells to suppress. Primary: every count of 1 to 5. Secondary, repeated to a fixed point:
 * 1. a sum (a row, a column, a breakdown with its total, adults + children = all) with a single "c" (or a single
 *    unknown that is a guarded count of 1 to 5) gives it away by subtraction, so suppress that sum's smallest
 *    non-zero published cell too, an inner cell before a margin of the same size (DfE: "secondary suppression ...
 *    where necessary"; smallest so as to hide as little as possible);
 * 2. once every sum has none or two or more, ask the exact audit (`findRecoverable`) whether a "c" can still be
 *    worked out (chains of sums, bounds such as "all at most adults + children", or "c"s that must all be 1
 *    because zeros are published) and, if so, suppress the smallest published non-zero cell related to each such
 *    "c", skipping one next to a cell suppressed in the same round (which may already protect it).
 * With `innerFirst`, any inner cell is a complement before any total or margin, whatever their sizes: a hidden
 * total hides every table's single non-zero category with it, and through linked populations their cells too (DfE
 * tables keep their totals where they can). Without it, the smallest cell, an inner one on ties (one population's
 * tables, as they always were). Zeros are never suppressed. Each round suppresses at least one more cell, so the
 * loop ends; with every non-zero cell suppressed nothing can be worked out (doubling every unknown gives another
 * completion), so it ends protected.
 */
export function protect(
  cells: ProtectedCells,
  values: readonly number[],
  findRecoverable: FindRecoverable,
  { innerFirst = false, forced }: { innerFirst?: boolean; forced?: readonly boolean[] } = {},
): (SuppressionReason | undefined)[] {
  const hidden = (cell: number): boolean => cells.hidden?.[cell] === true;
  // `forced`: cells the caller needs hidden whatever their size (a "c" of an earlier revision), as complements are.
  const reasons: (SuppressionReason | undefined)[] = values.map((v, cell) =>
    hidden(cell) ? undefined : isSmallCount(v) ? 'primary' : forced?.[cell] === true && v > 0 ? 'secondary' : undefined,
  );
  const suppressed = (cell: number): boolean => hidden(cell) || reasons[cell] !== undefined;
  const mustNotShow = (cell: number): boolean => reasons[cell] !== undefined || (cells.guarded?.[cell] === true && isSmallCount(values[cell]));
  const cellsOf = (relation: CellRelation): number[] => [...relation.members, ...relation.totals];
  const relationsOf: CellRelation[][] = values.map(() => []);
  cells.relations.forEach((relation) => cellsOf(relation).forEach((cell) => relationsOf[cell].push(relation)));
  // An "at most" with one "c" bounds it on one side only; the audit judges those.
  const sums = cells.relations.filter((relation) => relation.kind === 'sum');
  const isLone = (relation: CellRelation): boolean => {
    const unknown = cellsOf(relation).filter(suppressed);
    return relation.kind === 'sum' && unknown.length === 1 && mustNotShow(unknown[0]);
  };
  const lonesFixed = (cell: number): number => relationsOf[cell].filter(isLone).length;
  const cheapest = (candidates: readonly number[]): number | undefined =>
    candidates
      .filter((cell) => !suppressed(cell) && values[cell] > 0)
      .sort(
        (a, b) =>
          (innerFirst ? Number(cells.isMargin[a]) - Number(cells.isMargin[b]) : 0) ||
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
      if (!values.some((_, cell) => mustNotShow(cell))) return reasons;
      const published = values.map((value, cell) => (suppressed(cell) ? null : value));
      const exposed = findRecoverable(published);
      if (exposed.length === 0) return reasons;
      // A complement for each exposed cell, but none next to a cell suppressed this round: that one may already
      // protect it, and the next round's audit will tell.
      const added = new Set<number>();
      for (const cell of exposed) {
        const neighbours = [...new Set(relationsOf[cell].flatMap(cellsOf))];
        if (neighbours.some((n) => added.has(n))) continue;
        const chosen = cheapest(neighbours) ?? cheapest(allCells);
        if (chosen === undefined) break;
        reasons[chosen] = 'secondary';
        added.add(chosen);
      }
      if (added.size > 0) continue;
    }
    if (complement === undefined) {
      throw new TableInvariantError('total_mismatch', 'no cell left to suppress: the tables do not add up');
    }
    reasons[complement] = 'secondary';
  }
}
