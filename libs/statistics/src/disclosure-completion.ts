import { InconsistentPublishedTableError } from './statistics.errors';

/**
 * What a reader knows about published cells besides their values: "these cells add up to those" (`sum`: Σ members
 * = Σ totals; usually one total), or "those are at most the sum of these" (`at_most`: Σ members ≥ Σ totals). One
 * population's tables are all `sum` relations and form a network (see disclosure-network.ts). Linked populations
 * are not: adults + children = all holds cell by cell, so each adults' cell sits in its own table's sums and in
 * the sum with the other populations. Reading a "c" off populations published together is a two-commodity flow
 * problem, whose linear relaxation can have fractional corners; the range of a "c" over whole-number completions
 * then takes integer programming, which this file does for the few hundred cells a period's reports have: simplex
 * on each group of linked unknown cells, branch and bound for whole numbers.
 */
export interface CellRelation {
  readonly members: readonly number[];
  readonly totals: readonly number[];
  readonly kind: 'sum' | 'at_most';
}

/** Groups of unknown cells already set up, by their cells, for problems that differ only elsewhere. */
export type CellGroupCache = Map<string, CellGroup>;

/** The values a suppressed cell takes over whole-number completions; `max` is Infinity when nothing bounds it. */
export interface CompletionRange {
  readonly min: number;
  readonly max: number;
}

// Branch and bound gives up after this many linear programs for one question; the answer is then the cautious one
// (a cell not shown to move is treated as recoverable and suppression goes on). It has not been reached on
// a report's tables: their relaxations are almost always whole at the optimum.
const NODE_LIMIT = 2000;
const PIVOT_LIMIT = 200_000;
// Counts are whole numbers below 2^31 and coefficients ±1, so the tableau stays near whole numbers; anything within
// this of a whole number is taken as one, and every completion used as evidence is checked in exact integers.
const TOLERANCE = 1e-7;

/**
 * The whole-number completions of a publication: every unknown cell (`null`: suppressed, or never published) at
 * least its lower bound (one number for all, or one per cell), every relation holding. A sum with one unknown
 * fixes it; that is settled first. The rest fall in groups sharing no relation, each solved on its own; `cache`
 * lends groups set up for an earlier problem whose published cells differed only in cells outside them (the
 * suppression loop, which hides one more cell a round).
 */
export class CompletionProblem {
  private readonly groups: CellGroup[] = [];
  private readonly groupOf: Int32Array;
  private readonly lowest: (cell: number) => number;
  /** Published values, and the values of unknown cells a sum with one unknown fixes. */
  private readonly known: (number | null)[];
  /** Unknown cells a sum with one unknown fixes, with the value it fixes. */
  private readonly fixed = new Map<number, number>();

  constructor(
    private readonly relations: readonly CellRelation[],
    private readonly published: readonly (number | null)[],
    lowerBound: number | readonly number[],
    cache?: CellGroupCache,
  ) {
    this.lowest = typeof lowerBound === 'number' ? () => lowerBound : (cell) => lowerBound[cell];
    published.forEach((value) => {
      if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
        throw new InconsistentPublishedTableError(`a published count is ${value}, not a whole number of 0 or more`);
      }
    });
    this.known = [...published];
    this.settleLoneUnknowns();
    const known = this.known;
    this.groupOf = new Int32Array(published.length).fill(-1);
    const parent = published.map((_, cell) => cell);
    const find = (cell: number): number => {
      while (parent[cell] !== cell) cell = parent[cell] = parent[parent[cell]];
      return cell;
    };
    const rows: { relation: CellRelation; unknown: number[] }[] = [];
    for (const relation of relations) {
      const unknown = cellsOf(relation).filter((cell) => known[cell] === null);
      if (unknown.length === 0) {
        if (!holds(relation, known as readonly number[])) {
          throw new InconsistentPublishedTableError('the published counts do not add up to the published totals');
        }
        continue;
      }
      unknown.forEach((cell) => (parent[find(cell)] = find(unknown[0])));
      rows.push({ relation, unknown });
    }
    const byRoot = new Map<number, number[]>();
    known.forEach((value, cell) => {
      if (value !== null) return;
      const root = find(cell);
      byRoot.set(root, [...(byRoot.get(root) ?? []), cell]);
    });
    const fresh: CellGroup[] = [];
    for (const cells of byRoot.values()) {
      const key = cells.join(',');
      let group = cache?.get(key);
      if (!group) {
        group = new CellGroup(cells);
        cache?.set(key, group);
        fresh.push(group);
      }
      cells.forEach((cell) => (this.groupOf[cell] = this.groups.length));
      this.groups.push(group);
    }
    const freshSet = new Set(fresh);
    for (const { relation, unknown } of rows) {
      const group = this.groups[this.groupOf[unknown[0]]];
      if (freshSet.has(group)) group.addRow(relation, known, this.lowest);
    }
  }

  /**
   * Settles every unknown that a sum with no other unknown fixes (adults + children = all with two of them shown),
   * repeatedly, so that the groups left hold only cells that can move or are tied by more than one relation.
   */
  private settleLoneUnknowns(): void {
    const known = this.known;
    const relationsOf = new Map<number, CellRelation[]>();
    for (const relation of this.relations) {
      if (relation.kind !== 'sum') continue;
      for (const cell of cellsOf(relation)) if (known[cell] === null) relationsOf.set(cell, [...(relationsOf.get(cell) ?? []), relation]);
    }
    const pending = [...new Set([...relationsOf.values()].flat())];
    for (let relation = pending.pop(); relation; relation = pending.pop()) {
      const unknown = cellsOf(relation).filter((cell) => known[cell] === null);
      if (unknown.length !== 1) continue;
      const [cell] = unknown;
      let coefficient = 0;
      let rest = 0;
      relation.members.forEach((m) => (m === cell ? (coefficient += 1) : (rest += known[m] as number)));
      relation.totals.forEach((t) => (t === cell ? (coefficient -= 1) : (rest -= known[t] as number)));
      const value = coefficient === 0 ? NaN : -rest / coefficient;
      if (!Number.isSafeInteger(value) || value < this.lowest(cell)) {
        throw new InconsistentPublishedTableError('the published counts do not add up to the published totals');
      }
      known[cell] = value;
      this.fixed.set(cell, value);
      pending.push(...(relationsOf.get(cell) ?? []));
    }
  }

  /** One whole-number completion of every cell. Throws when there is none: the published numbers contradict. */
  completion(): number[] {
    const completion = this.known.map((value) => value ?? 0);
    for (const group of this.groups) {
      const found = group.optimum(null, 'min', []);
      if (found.status !== 'optimal') {
        throw new InconsistentPublishedTableError('the published counts have no completion in whole numbers');
      }
      group.write(found.point, completion, this.lowest);
    }
    this.check(completion);
    return completion;
  }

  /**
   * A completion, differing from `base` only in the group of `cell`, in which `cell` takes another value; undefined
   * when none exists (the cell is recoverable) or none was found within the search limits.
   */
  completionMoving(cell: number, base: readonly number[]): number[] | undefined {
    if (this.fixed.has(cell)) return undefined;
    const group = this.groupFor(cell);
    const variable = group.variableOf(cell);
    const at = base[cell] - this.lowest(cell);
    const attempts: [Direction, Bound][] = [
      ['min', { variable, sense: 'ge', value: at + 1 }],
      ['max', { variable, sense: 'le', value: at - 1 }],
    ];
    for (const [direction, bound] of attempts) {
      if (bound.value < 0) continue;
      // The relaxation first: most cells cannot move at all, which needs no search; and where one can, the
      // relaxation's corner is most often whole already.
      const relaxed = group.relaxation(variable, direction === 'min' ? 'max' : 'min');
      if (!relaxed || (direction === 'min' ? relaxed.value < at + 1 - TOLERANCE : relaxed.value > at - 1 + TOLERANCE)) continue;
      const corner = relaxed.point && isWhole(relaxed.point) ? relaxed.point.map(Math.round) : undefined;
      const moved = (corner && this.moved(group, corner, cell, base)) ?? this.searched(group, variable, direction, bound, cell, base);
      if (moved) return moved;
    }
    return undefined;
  }

  /**
   * Completions that move many of `cells` at once, each checked in integers: in every group, the relaxation's
   * corners for varied weights on those cells (a plain sum would not do: a table's hidden cells often add up to
   * its shown total), where whole. A pair of programs per group often shows most of its cells can move, before
   * each remaining one is looked at on its own. `round` varies the weights from one call to the next.
   */
  completionsMovingMany(cells: readonly number[], base: readonly number[], round = 0): number[][] {
    const byGroup = new Map<CellGroup, number[]>();
    for (const cell of cells) {
      if (this.fixed.has(cell) || this.groupOf[cell] < 0) continue;
      const group = this.groups[this.groupOf[cell]];
      byGroup.set(group, [...(byGroup.get(group) ?? []), group.variableOf(cell)]);
    }
    const completions: number[][] = [];
    byGroup.forEach((variables, group) => {
      for (const sign of [-1, 1]) {
        const costs = new Float64Array(group.cells.length);
        // Deterministic, so that the same figures are always suppressed the same way.
        variables.forEach((v, i) => (costs[v] = sign * (1 + ((i * 7 + round * 3) % 5) - 2 * ((i + round) % 2))));
        const point = group.corner(costs);
        if (!point || !isWhole(point)) continue;
        const completion = [...base];
        group.write(point.map(Math.round), completion, this.lowest);
        if (this.check(completion, false)) completions.push(completion);
      }
    });
    return completions;
  }

  private searched(group: CellGroup, variable: number, direction: Direction, bound: Bound, cell: number, base: readonly number[]): number[] | undefined {
    const found = group.optimum(variable, direction, [bound]);
    return found.status === 'optimal' ? this.moved(group, found.point, cell, base) : undefined;
  }

  /** The group a suppressed cell was solved in; a published or settled cell has none. */
  private groupFor(cell: number): CellGroup {
    const index = this.groupOf[cell];
    if (index < 0) throw new RangeError(`cell ${cell} is not suppressed`);
    return this.groups[index];
  }

  /** `base` with the group's cells from `point`, if that is a completion in which `cell` differs. */
  private moved(group: CellGroup, point: readonly number[], cell: number, base: readonly number[]): number[] | undefined {
    const completion = [...base];
    group.write(point, completion, this.lowest);
    return completion[cell] !== base[cell] && this.check(completion, false) ? completion : undefined;
  }

  /**
   * The least and greatest whole-number value of a suppressed cell, each attained by a completion checked in
   * integers. Should the search give up, the value in `base` (a completion) stands in for the bound it could not
   * find, so a range is never wider than what was shown.
   */
  range(cell: number, base: readonly number[]): CompletionRange {
    const settled = this.fixed.get(cell);
    if (settled !== undefined) return { min: settled, max: settled };
    const group = this.groupFor(cell);
    const variable = group.variableOf(cell);
    const low = group.optimum(variable, 'min', []);
    const high = group.optimum(variable, 'max', []);
    if (low.status === 'infeasible' || high.status === 'infeasible') {
      throw new InconsistentPublishedTableError('the published counts have no completion in whole numbers');
    }
    const value = (found: Optimum): number => {
      if (found.status !== 'optimal') return base[cell];
      const completion = [...base];
      group.write(found.point, completion, this.lowest);
      return this.check(completion, false) ? completion[cell] : base[cell];
    };
    // Unbounded in the relaxation is unbounded in whole numbers too: the two share their directions (Meyer 1974).
    return { min: value(low), max: high.status === 'unbounded' ? Infinity : value(high) };
  }

  /** Whether `values` are a completion of this publication: its shown cells, every bound and relation, in integers. */
  isCompletion(values: readonly number[]): boolean {
    return (
      values.length === this.published.length &&
      values.every((v, cell) => this.published[cell] === null || v === this.published[cell]) &&
      this.check(values, false)
    );
  }

  /** Evidence is checked in exact integers, whatever the floating-point search did. */
  private check(completion: readonly number[], strict = true): boolean {
    const ok =
      completion.every((value, cell) => Number.isSafeInteger(value) && (this.published[cell] !== null || value >= this.lowest(cell))) &&
      this.relations.every((relation) => holds(relation, completion));
    if (!ok && strict) throw new InconsistentPublishedTableError('no whole-number completion satisfies every relation');
    return ok;
  }
}

type Direction = 'min' | 'max';
type Sense = 'eq' | 'ge' | 'le';

interface LinearRow {
  readonly terms: readonly (readonly [variable: number, coefficient: number])[];
  readonly sense: Sense;
  readonly rhs: number;
}

interface Bound {
  readonly variable: number;
  readonly sense: 'ge' | 'le';
  readonly value: number;
}

type Optimum = { readonly status: 'optimal'; readonly point: readonly number[] } | { readonly status: 'infeasible' | 'unbounded' | 'gave_up' };

/**
 * Unknown cells linked by relations, as a linear program in y = value − lower bound ≥ 0: a relation with known
 * part K and unknown part Σ a·x is the row Σ a·y (= or ≥) −K − Σ a·(lower bound).
 */
export class CellGroup {
  readonly variables = new Map<number, number>();
  private readonly rows: LinearRow[] = [];
  private feasible?: Tableau | null;

  constructor(readonly cells: readonly number[]) {
    cells.forEach((cell, i) => this.variables.set(cell, i));
  }

  variableOf(cell: number): number {
    const variable = this.variables.get(cell);
    if (variable === undefined) throw new RangeError(`cell ${cell} is not in this group`);
    return variable;
  }

  addRow(relation: CellRelation, published: readonly (number | null)[], lowest: (cell: number) => number): void {
    const coefficients = new Map<number, number>();
    let known = 0;
    const add = (cell: number, sign: number): void => {
      const value = published[cell];
      if (value === null) coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
      else known += sign * value;
    };
    relation.members.forEach((cell) => add(cell, 1));
    relation.totals.forEach((cell) => add(cell, -1));
    let shift = 0;
    const terms: [number, number][] = [];
    coefficients.forEach((coefficient, cell) => {
      if (coefficient === 0) return;
      terms.push([this.variableOf(cell), coefficient]);
      shift += coefficient * lowest(cell);
    });
    this.rows.push({ terms, sense: relation.kind === 'sum' ? 'eq' : 'ge', rhs: -known - shift });
  }

  write(point: readonly number[], completion: number[], lowest: (cell: number) => number): void {
    this.cells.forEach((cell, i) => (completion[cell] = point[i] + lowest(cell)));
  }

  /** The corner of the relaxation minimising `costs`, or undefined (infeasible, unbounded, or gave up). */
  corner(costs: Float64Array): number[] | undefined {
    const copy = this.start();
    if (!copy || copy.optimize(costs) !== 'optimal') return undefined;
    return copy.solution();
  }

  /**
   * The optimum of one variable in the linear relaxation, with the corner reaching it (none when unbounded or
   * when the simplex gave up: then the value is ±Infinity, to be searched further); undefined when infeasible.
   */
  relaxation(variable: number, direction: Direction): { value: number; point?: number[] } | undefined {
    const copy = this.start();
    if (!copy) return undefined;
    const outcome = copy.optimize(objective(this.cells.length, variable, direction));
    if (outcome !== 'optimal') return { value: direction === 'max' ? Infinity : -Infinity };
    const point = copy.solution();
    return { value: point[variable], point };
  }

  /**
   * The whole-number optimum of one variable (`null`: any whole-number point) under extra bounds, by depth-first
   * branch and bound on the relaxation. Each branch adds its bound to its parent's optimal tableau and restores
   * feasibility by dual simplex, rather than solving afresh. The objective is a single count, so a branch whose
   * relaxation cannot beat the best whole-number point found by at least 1 is dropped.
   */
  optimum(variable: number | null, direction: Direction, bounds: readonly Bound[]): Optimum {
    const costs = variable === null ? new Float64Array(this.cells.length) : objective(this.cells.length, variable, direction);
    const root = this.start();
    if (!root) return { status: 'infeasible' };
    // With no objective every corner is optimal, so the bounds go in by dual simplex from a feasible corner.
    root.forgetObjective();
    for (const bound of bounds) {
      const outcome = root.addBound(bound);
      if (outcome !== 'feasible') return { status: outcome === 'infeasible' ? 'infeasible' : 'gave_up' };
    }
    const outcome = root.optimize(costs);
    if (outcome === 'unbounded') return { status: 'unbounded' };
    if (outcome === 'gave_up') return { status: 'gave_up' };
    const stack: Tableau[] = [root];
    let best: { point: number[]; cost: number } | undefined;
    let nodes = 0;
    let incomplete = false;
    for (let tableau = stack.pop(); tableau; tableau = stack.pop()) {
      if (++nodes > NODE_LIMIT) {
        incomplete = true;
        break;
      }
      const point = tableau.solution();
      const cost = point.reduce((total, value, i) => total + costs[i] * value, 0);
      if (best && cost > best.cost - 1 + TOLERANCE) continue;
      const fractional = point.findIndex((value) => !isWhole([value]));
      if (fractional < 0) {
        best = { point: point.map(Math.round), cost: Math.round(cost) };
        if (variable === null) break;
        continue;
      }
      for (const bound of [
        { variable: fractional, sense: 'ge', value: Math.ceil(point[fractional]) },
        { variable: fractional, sense: 'le', value: Math.floor(point[fractional]) },
      ] as const) {
        const child = tableau.clone();
        const added = child.addBound(bound);
        if (added === 'feasible') stack.push(child);
        else if (added === 'gave_up') incomplete = true;
      }
    }
    if (best) return { status: 'optimal', point: best.point };
    return { status: incomplete ? 'gave_up' : 'infeasible' };
  }

  /** A copy of the feasible corner phase 1 ends at (kept: it is the sparsest tableau to start from). */
  private start(): Tableau | undefined {
    if (this.feasible === undefined) this.feasible = Tableau.feasible(this.cells.length, this.rows) ?? null;
    return this.feasible?.clone();
  }
}

function objective(n: number, variable: number, direction: Direction): Float64Array {
  const costs = new Float64Array(n);
  costs[variable] = direction === 'min' ? 1 : -1;
  return costs;
}

/**
 * A dense simplex tableau over y ≥ 0 with slack, surplus and (in phase 1) artificial columns; Bland's rule in the
 * primal and the dual simplex, so neither cycles. Minimises; `feasible` answers a tableau at a feasible corner,
 * artificials gone, or undefined. It keeps the reduced costs of its objective, so a bound added to an optimal
 * tableau is restored to optimal by dual simplex.
 */
class Tableau {
  private constructor(
    private readonly n: number,
    private rows: Float64Array[],
    private readonly basis: number[],
    private enterable: Uint8Array,
    private reduced: Float64Array,
  ) {}

  static feasible(n: number, linear: readonly LinearRow[]): Tableau | undefined {
    const normal = linear.map((row) => {
      const flip = row.rhs < 0;
      const sense: Sense = !flip || row.sense === 'eq' ? row.sense : row.sense === 'ge' ? 'le' : 'ge';
      return { terms: row.terms, sign: flip ? -1 : 1, sense, rhs: Math.abs(row.rhs) };
    });
    const slacks = normal.filter((row) => row.sense !== 'eq').length;
    const artificials = normal.filter((row) => row.sense !== 'le').length;
    const width = n + slacks + artificials;
    const rows: Float64Array[] = [];
    const basis: number[] = [];
    let slack = n;
    let artificial = n + slacks;
    for (const row of normal) {
      const line = new Float64Array(width + 1);
      for (const [variable, coefficient] of row.terms) line[variable] += row.sign * coefficient;
      line[width] = row.rhs;
      if (row.sense === 'le') {
        line[slack] = 1;
        basis.push(slack++);
      } else {
        if (row.sense === 'ge') line[slack++] = -1;
        line[artificial] = 1;
        basis.push(artificial++);
      }
      rows.push(line);
    }
    const tableau = new Tableau(n, rows, basis, new Uint8Array(width).fill(1), new Float64Array(width));
    const phaseOne = new Float64Array(width);
    phaseOne.fill(1, n + slacks);
    if (tableau.optimize(phaseOne) !== 'optimal') return undefined;
    const infeasibility = tableau.rows.reduce((total, line, i) => total + (basis[i] >= n + slacks ? line[width] : 0), 0);
    if (infeasibility > TOLERANCE * (1 + Math.max(0, ...normal.map((row) => row.rhs)))) return undefined;
    // Drive artificials (now at zero) out of the basis; a row where none can leave is redundant.
    for (let i = tableau.rows.length - 1; i >= 0; i--) {
      if (basis[i] < n + slacks) continue;
      let column = -1;
      for (let j = 0; j < n + slacks && column < 0; j++) if (Math.abs(tableau.rows[i][j]) > 1e-9) column = j;
      if (column < 0) {
        tableau.rows.splice(i, 1);
        basis.splice(i, 1);
      } else {
        tableau.pivot(i, column);
      }
    }
    // The artificial columns are done with: drop them, so copies and pivots carry only the columns that can enter.
    const kept = n + slacks;
    tableau.rows = tableau.rows.map((line) => {
      const shorter = new Float64Array(kept + 1);
      shorter.set(line.subarray(0, kept));
      shorter[kept] = line[width];
      return shorter;
    });
    tableau.enterable = new Uint8Array(kept).fill(1);
    // No objective yet: every corner is optimal for it, which the dual simplex of added bounds relies on.
    tableau.reduced = new Float64Array(kept);
    return tableau;
  }

  /** Drops the objective: every feasible corner is then optimal, as the dual simplex of `addBound` needs. */
  forgetObjective(): void {
    this.reduced = new Float64Array(this.enterable.length);
  }

  clone(): Tableau {
    return new Tableau(
      this.n,
      this.rows.map((line) => line.slice()),
      [...this.basis],
      this.enterable,
      this.reduced.slice(),
    );
  }

  /** Minimises `costs` (indexed by column; missing columns cost 0) from the current feasible corner. */
  optimize(costs: Float64Array): 'optimal' | 'unbounded' | 'gave_up' {
    const width = this.enterable.length;
    const cost = (j: number): number => (j < costs.length ? costs[j] : 0);
    const reduced = new Float64Array(width);
    for (let j = 0; j < width; j++) reduced[j] = cost(j);
    this.rows.forEach((line, i) => {
      const c = cost(this.basis[i]);
      if (c !== 0) for (let j = 0; j < width; j++) reduced[j] -= c * line[j];
    });
    this.reduced = reduced;
    for (let pivots = 0; pivots < PIVOT_LIMIT; pivots++) {
      let entering = -1;
      for (let j = 0; j < width && entering < 0; j++) {
        if (this.enterable[j] && reduced[j] < -1e-9) entering = j;
      }
      if (entering < 0) return 'optimal';
      let leaving = -1;
      let ratio = Infinity;
      this.rows.forEach((line, i) => {
        if (line[entering] <= 1e-9) return;
        const r = line[width] / line[entering];
        if (r < ratio - 1e-12 || (Math.abs(r - ratio) <= 1e-12 && this.basis[i] < this.basis[leaving])) {
          ratio = r;
          leaving = i;
        }
      });
      if (leaving < 0) return 'unbounded';
      this.pivot(leaving, entering);
    }
    return 'gave_up';
  }

  /**
   * Adds `y ≤ value` or `y ≥ value` with a slack column, then restores feasibility by dual simplex (the leaving
   * row with the smallest basic column among those below zero; the entering column by least ratio, then smallest
   * index: Bland's rule for the dual). The reduced costs stay non-negative, so an optimal tableau stays optimal.
   */
  addBound(bound: Bound): 'feasible' | 'infeasible' | 'gave_up' {
    const width = this.enterable.length;
    const slack = width;
    this.rows = this.rows.map((line) => {
      const wider = new Float64Array(width + 2);
      wider.set(line.subarray(0, width));
      wider[width + 1] = line[width];
      return wider;
    });
    const enterable = new Uint8Array(width + 1);
    enterable.set(this.enterable);
    enterable[slack] = 1;
    this.enterable = enterable;
    const reduced = new Float64Array(width + 1);
    reduced.set(this.reduced);
    this.reduced = reduced;
    // y + s = value, or -y + s = -value; then y replaced by its row if it is basic.
    const sign = bound.sense === 'le' ? 1 : -1;
    const line = new Float64Array(width + 2);
    line[bound.variable] = sign;
    line[slack] = 1;
    line[width + 1] = sign * bound.value;
    const at = this.basis.indexOf(bound.variable);
    if (at >= 0) {
      const basic = this.rows[at];
      for (let j = 0; j < line.length; j++) line[j] -= sign * basic[j];
      line[bound.variable] = 0;
    }
    this.rows.push(line);
    this.basis.push(slack);
    return this.restoreFeasibility();
  }

  private restoreFeasibility(): 'feasible' | 'infeasible' | 'gave_up' {
    const width = this.enterable.length;
    for (let pivots = 0; pivots < PIVOT_LIMIT; pivots++) {
      let leaving = -1;
      this.rows.forEach((line, i) => {
        if (line[width] < -1e-9 && (leaving < 0 || this.basis[i] < this.basis[leaving])) leaving = i;
      });
      if (leaving < 0) return 'feasible';
      const line = this.rows[leaving];
      let entering = -1;
      let ratio = Infinity;
      for (let j = 0; j < width; j++) {
        if (!this.enterable[j] || line[j] >= -1e-9) continue;
        const r = Math.max(0, this.reduced[j]) / -line[j];
        if (r < ratio - 1e-12) {
          ratio = r;
          entering = j;
        }
      }
      if (entering < 0) return 'infeasible';
      this.pivot(leaving, entering);
    }
    return 'gave_up';
  }

  solution(): number[] {
    const width = this.enterable.length;
    const point = new Array<number>(this.n).fill(0);
    this.basis.forEach((column, i) => {
      if (column < this.n) point[column] = this.rows[i][width];
    });
    return point;
  }

  /** Pivots, updating the reduced costs with the rows. */
  pivot(row: number, column: number): void {
    const line = this.rows[row];
    const scale = line[column];
    // Rows of table sums are mostly zeros: update only where the pivot row is not.
    const nonZero: number[] = [];
    for (let j = 0; j < line.length; j++) {
      if (line[j] === 0) continue;
      line[j] /= scale;
      nonZero.push(j);
    }
    line[column] = 1;
    const eliminate = (other: Float64Array, factor: number): void => {
      for (const j of nonZero) {
        if (j >= other.length) continue;
        const value = other[j] - factor * line[j];
        other[j] = Math.abs(value) < 1e-11 ? 0 : value;
      }
      other[column] = 0;
    };
    for (let i = 0; i < this.rows.length; i++) {
      if (i !== row && this.rows[i][column] !== 0) eliminate(this.rows[i], this.rows[i][column]);
    }
    if (this.reduced[column] !== 0) eliminate(this.reduced, this.reduced[column]);
    this.basis[row] = column;
  }
}

function isWhole(point: readonly number[]): boolean {
  return point.every((value) => Math.abs(value - Math.round(value)) <= TOLERANCE);
}

function cellsOf(relation: CellRelation): number[] {
  return [...relation.members, ...relation.totals];
}

/** Whether the values satisfy the relation, in exact integers. */
export function holds(relation: CellRelation, values: readonly number[]): boolean {
  const sum = relation.members.reduce((total, cell) => total + values[cell], 0);
  const totals = relation.totals.reduce((total, cell) => total + values[cell], 0);
  return relation.kind === 'sum' ? sum === totals : sum >= totals;
}
