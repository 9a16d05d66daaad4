import fc from 'fast-check';
import { CellRelation, CompletionProblem, holds } from './disclosure-completion';
import { feasibleIntervals, sharedTotalNetwork } from './disclosure-network';
import { InconsistentPublishedTableError } from './statistics.errors';

const sum = (members: number[], totals: number[]): CellRelation => ({ members, totals, kind: 'sum' });

describe(CompletionProblem.name, () => {
  it('gives the same ranges as max-flow on one population’s cross-tab, where both are exact', () => {
    const grid = fc.record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 5 }) }).chain(({ rows, columns }) =>
      fc.record({
        counts: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
        hide: fc.array(fc.boolean(), { minLength: (rows + 1) * (columns + 1), maxLength: (rows + 1) * (columns + 1) }),
      }),
    );
    fc.assert(
      fc.property(grid, ({ counts, hide }) => {
        const columns = counts[0].length;
        const network = sharedTotalNetwork([{ rows: counts.length, columns }]);
        // Cells in network order: each row's cells and its total, the column totals, the grand total.
        const values = [
          ...counts.flatMap((line) => [...line, line.reduce((a, b) => a + b, 0)]),
          ...counts[0].map((_, c) => counts.reduce((a, line) => a + line[c], 0)),
          counts.flat().reduce((a, b) => a + b, 0),
        ];
        const published = values.map((v, i) => (v > 0 && hide[i] ? null : v));
        const problem = new CompletionProblem(
          network.constraints.map((c) => sum([...c.members], [c.total])),
          published,
          1,
        );
        const base = problem.completion();
        const exact = feasibleIntervals(network, published, 1);
        published.forEach((value, cell) => {
          if (value !== null) return;
          expect(problem.range(cell, base)).toEqual(exact[cell]);
          expect(problem.completionMoving(cell, values) !== undefined).toBe(exact[cell]!.min < exact[cell]!.max);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('answers whole-number ranges where the relaxation is wider (2x = y, y + z = 3: y is 0 or 2, never 1 or 3)', () => {
    // Cells: x, y, z (all unknown, at least 0), and the published 3.
    const problem = new CompletionProblem([sum([0, 0], [1]), sum([1, 2], [3])], [null, null, null, 3], 0);
    const base = problem.completion();
    expect(problem.range(1, base)).toEqual({ min: 0, max: 2 });
    expect(problem.range(0, base)).toEqual({ min: 0, max: 1 });
  });

  it('refuses a publication with no whole-number completion, though its relaxation has one', () => {
    // x + y = y + z = x + z = 1 holds only at one half each.
    const problem = new CompletionProblem([sum([0, 1], [3]), sum([1, 2], [3]), sum([0, 2], [3])], [null, null, null, 1], 0);
    expect(() => problem.completion()).toThrow(InconsistentPublishedTableError);
  });

  it('settles a sum with one unknown before anything else, and that cell cannot move', () => {
    // 7 + c = 10: the "c" is 3, whatever else.
    const problem = new CompletionProblem([sum([0, 1], [2])], [7, null, 10], 1);
    const base = problem.completion();
    expect(base).toEqual([7, 3, 10]);
    expect(problem.range(1, base)).toEqual({ min: 3, max: 3 });
    expect(problem.completionMoving(1, base)).toBeUndefined();
  });

  it('answers Infinity for a cell nothing bounds from above', () => {
    const problem = new CompletionProblem([sum([0, 1], [2])], [null, 4, null], 1);
    const base = problem.completion();
    expect(problem.range(0, base)).toEqual({ min: 1, max: Infinity });
  });

  it('moves a cell in a completion checked in integers against every relation', () => {
    const relations = [sum([0, 1], [4]), sum([2, 3], [5]), sum([0, 2], [6]), sum([1, 3], [7])];
    const truth = [2, 3, 4, 1, 5, 5, 6, 4];
    const published = truth.map((v, i) => (i < 4 ? null : v));
    const moved = new CompletionProblem(relations, published, 1).completionMoving(0, truth)!;
    expect(moved[0]).not.toBe(truth[0]);
    expect(relations.every((r) => holds(r, moved))).toBe(true);
    expect(moved.slice(4)).toEqual(truth.slice(4));
  });

  it('takes a lower bound per cell: a hidden count may be 0 where a "c" may not', () => {
    // a + b = 2 with a a "c" (at least 1) and b hidden (at least 0): a is 1 or 2.
    const problem = new CompletionProblem([sum([0, 1], [2])], [null, null, 2], [1, 0, 0]);
    expect(problem.range(0, problem.completion())).toEqual({ min: 1, max: 2 });
  });

  it('holds "at most" relations: all ≤ adults + children bounds a "c" on one side only', () => {
    // s ≤ a + c with a = 10 shown, s = 12 shown: the children's "c" is at least 2.
    const problem = new CompletionProblem([{ members: [0, 1], totals: [2], kind: 'at_most' }], [10, null, 12], 1);
    expect(problem.range(1, problem.completion())).toEqual({ min: 2, max: Infinity });
  });
});
