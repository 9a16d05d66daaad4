import { InconsistentPublishedTableError } from './statistics.errors';

/**
 * What a reader knows about published cells besides their values: "these cells add up to that one" (`sum`), or
 * "that one is at most the sum of these" (`at_most`). One population's tables are all `sum` relations and form a
 * network (see disclosure-network.ts). Linked populations are not: adults + children = all holds cell by cell, so
 * each adults' cell sits in its own table's sums and in the sum with the other populations. Reading a "c" off
 * two populations published together is a two-commodity flow problem, whose linear relaxation can have fractional
 * corners; the range of a "c" over whole-number completions then takes integer programming, which this file does
 * for the few hundred cells a period's reports have: simplex on each group of linked suppressed cells, branch and
 * bound for whole numbers.
 */
export interface CellRelation {
  readonly members: readonly number[];
  readonly total: number;
  readonly kind: 'sum' | 'at_most';
}

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
 * The whole-number completions of a publication: every suppressed cell (`null`) at least `lowerBound`, every
 * relation holding. Suppressed cells that share no relation, directly or through other suppressed cells, are
 * independent, so each group is solved on its own.
 */
export class CompletionProblem {
  private readonly groups: CellGroup[] = [];
  private readonly groupOf: Int32Array;

  constructor(
    private readonly relations: readonly CellRelation[],
    private readonly published: readonly (number | null)[],
    private readonly lowerBound: number,
  ) {
    published.forEach((value) => {
      if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
        throw new InconsistentPublishedTableError(`a published count is ${value}, not a whole number of 0 or more`);
      }
    });
    this.groupOf = new Int32Array(published.length).fill(-1);
    const parent = published.map((_, cell) => cell);
    const find = (cell: number): number => {
      while (parent[cell] !== cell) cell = parent[cell] = parent[parent[cell]];
      return cell;
    };
    const rows: { relation: CellRelation; unknown: number[] }[] = [];
    for (const relation of relations) {
      const unknown = cellsOf(relation).filter((cell) => published[cell] === null);
      if (unknown.length === 0) {
        if (!holds(relation, published as readonly number[])) {
          throw new InconsistentPublishedTableError('the published counts do not add up to the published totals');
        }
        continue;
      }
      unknown.forEach((cell) => (parent[find(cell)] = find(unknown[0])));
      rows.push({ relation, unknown });
    }
    const byRoot = new Map<number, CellGroup>();
    published.forEach((value, cell) => {
      if (value !== null) return;
      const root = find(cell);
      let group = byRoot.get(root);
      if (!group) byRoot.set(root, (group = new CellGroup(byRoot.size)));
      this.groupOf[cell] = group.index;
      group.cells.push(cell);
    });
    this.groups.push(...byRoot.values());
    this.groups.forEach((group) => group.cells.forEach((cell, i) => group.variables.set(cell, i)));
    for (const { relation, unknown } of rows) this.groups[this.groupOf[unknown[0]]].addRow(relation, published, lowerBound);
  }

  /** One whole-number completion of every cell. Throws when there is none: the published numbers contradict. */
  completion(): number[] {
    const completion = this.published.map((value) => value ?? 0);
    for (const group of this.groups) {
      const found = group.optimum(null, 'min', []);
      if (found.status !== 'optimal') {
        throw new InconsistentPublishedTableError('the published counts have no completion in whole numbers');
      }
      group.write(found.point, completion, this.lowerBound);
    }
    this.check(completion);
    return completion;
  }

  /**
   * A completion, differing from `base` only in the group of `cell`, in which `cell` takes another value; undefined
   * when none exists (the cell is recoverable) or none was found within the search limits.
   */
  completionMoving(cell: number, base: readonly number[]): number[] | undefined {
    const group = this.groups[this.groupOf[cell]];
    if (!group) throw new RangeError(`cell ${cell} is not suppressed`);
    const variable = group.variableOf(cell);
    const at = base[cell] - this.lowerBound;
    const attempts: [Direction, Bound][] = [
      ['min', { variable, sense: 'ge', value: at + 1 }],
      ['max', { variable, sense: 'le', value: at - 1 }],
    ];
    for (const [direction, bound] of attempts) {
      if (bound.value < 0) continue;
      // The relaxation first: most cells cannot move at all, and that needs no search.
      const relaxed = group.relaxation(variable, direction === 'min' ? 'max' : 'min');
      if (direction === 'min' ? relaxed < at + 1 - TOLERANCE : relaxed > at - 1 + TOLERANCE) continue;
      const found = group.optimum(variable, direction, [bound]);
      if (found.status !== 'optimal') continue;
      const completion = [...base];
      group.write(found.point, completion, this.lowerBound);
      if (this.check(completion, false)) return completion;
    }
    return undefined;
  }

  /**
   * The least and greatest whole-number value of a suppressed cell, each attained by a completion. Should the
   * search give up, the value in `base` (a completion) stands in for the bound it could not find, so the range is
   * never wider than what was shown.
   */
  range(cell: number, base: readonly number[]): CompletionRange {
    const group = this.groups[this.groupOf[cell]];
    if (!group) throw new RangeError(`cell ${cell} is not suppressed`);
    const variable = group.variableOf(cell);
    const low = group.optimum(variable, 'min', []);
    const high = group.optimum(variable, 'max', []);
    if (low.status === 'infeasible' || high.status === 'infeasible') {
      throw new InconsistentPublishedTableError('the published counts have no completion in whole numbers');
    }
    const value = (found: Optimum): number => (found.status === 'optimal' ? found.point[variable] + this.lowerBound : base[cell]);
    return { min: value(low), max: high.status === 'unbounded' ? Infinity : value(high) };
  }

  /** Evidence is checked in exact integers, whatever the floating-point search did. */
  private check(completion: readonly number[], strict = true): boolean {
    const ok =
      completion.every((value, cell) => Number.isSafeInteger(value) && (this.published[cell] !== null || value >= this.lowerBound)) &&
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

type Optimum =
  | { readonly status: 'optimal'; readonly point: readonly number[] }
  | { readonly status: 'infeasible' | 'unbounded' | 'gave_up' };

/**
 * Suppressed cells linked by relations, as a linear program in y = value − lowerBound ≥ 0: a relation with known
 * part K and suppressed part Σ a·x is the row Σ a·y (= or ≥) −K − lowerBound·Σ a.
 */
class CellGroup {
  readonly cells: number[] = [];
  readonly variables = new Map<number, number>();
  private readonly rows: LinearRow[] = [];
  private feasible?: Tableau | null;

  constructor(readonly index: number) {}

  variableOf(cell: number): number {
    const variable = this.variables.get(cell);
    if (variable === undefined) throw new RangeError(`cell ${cell} is not in this group`);
    return variable;
  }

  addRow(relation: CellRelation, published: readonly (number | null)[], lowerBound: number): void {
    const coefficients = new Map<number, number>();
    let known = 0;
    const add = (cell: number, sign: number): void => {
      const value = published[cell];
      if (value === null) coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
      else known += sign * value;
    };
    relation.members.forEach((cell) => add(cell, 1));
    add(relation.total, -1);
    let sum = 0;
    const terms: [number, number][] = [];
    coefficients.forEach((coefficient, cell) => {
      if (coefficient === 0) return;
      terms.push([this.variableOf(cell), coefficient]);
      sum += coefficient;
    });
    this.rows.push({ terms, sense: relation.kind === 'sum' ? 'eq' : 'ge', rhs: -known - lowerBound * sum });
  }

  write(point: readonly number[], completion: number[], lowerBound: number): void {
    this.cells.forEach((cell, i) => (completion[cell] = point[i] + lowerBound));
  }

  /** The optimum of the linear relaxation (Infinity or -Infinity when unbounded, NaN when infeasible). */
  relaxation(variable: number, direction: Direction): number {
    const tableau = this.start();
    if (!tableau) return NaN;
    const copy = tableau.clone();
    const outcome = copy.optimize(objective(this.cells.length, variable, direction));
    if (outcome === 'unbounded') return direction === 'max' ? Infinity : -Infinity;
    if (outcome === 'gave_up') return direction === 'max' ? Infinity : -Infinity;
    return copy.solution()[variable];
  }

  /**
   * The whole-number optimum of one variable (`null`: any whole-number point) under extra bounds, by depth-first
   * branch and bound on the relaxation. The objective is a single count, so a branch whose relaxation cannot beat
   * the best whole-number point found by at least 1 is dropped.
   */
  optimum(variable: number | null, direction: Direction, bounds: readonly Bound[]): Optimum {
    const n = this.cells.length;
    const costs = variable === null ? new Float64Array(n) : objective(n, variable, direction);
    const stack: Bound[][] = [[...bounds]];
    let best: { point: number[]; cost: number } | undefined;
    let nodes = 0;
    let incomplete = false;
    while (stack.length > 0) {
      if (++nodes > NODE_LIMIT) {
        incomplete = true;
        break;
      }
      const node = stack.pop()!;
      const tableau = node.length === 0 ? this.start()?.clone() : Tableau.feasible(n, [...this.rows, ...node.map(boundRow)]);
      if (!tableau) continue;
      const outcome = tableau.optimize(costs);
      if (outcome === 'gave_up') {
        incomplete = true;
        continue;
      }
      if (outcome === 'unbounded') return { status: 'unbounded' };
      const point = tableau.solution();
      const cost = point.reduce((total, value, i) => total + costs[i] * value, 0);
      if (best && cost > best.cost - 1 + TOLERANCE) continue;
      const fractional = point.findIndex((value) => Math.abs(value - Math.round(value)) > TOLERANCE);
      if (fractional < 0) {
        best = { point: point.map(Math.round), cost: Math.round(cost) };
        if (variable === null) break;
        continue;
      }
      const value = point[fractional];
      stack.push([...node, { variable: fractional, sense: 'ge', value: Math.ceil(value) }]);
      stack.push([...node, { variable: fractional, sense: 'le', value: Math.floor(value) }]);
    }
    if (best) return { status: 'optimal', point: best.point };
    return { status: incomplete ? 'gave_up' : 'infeasible' };
  }

  private start(): Tableau | undefined {
    if (this.feasible === undefined) this.feasible = Tableau.feasible(this.cells.length, this.rows) ?? null;
    return this.feasible ?? undefined;
  }
}

function objective(n: number, variable: number, direction: Direction): Float64Array {
  const costs = new Float64Array(n);
  costs[variable] = direction === 'min' ? 1 : -1;
  return costs;
}

function boundRow(bound: Bound): LinearRow {
  return { terms: [[bound.variable, 1]], sense: bound.sense, rhs: bound.value };
}

/**
 * A dense simplex tableau over y ≥ 0 with slack, surplus and (in phase 1) artificial columns; Bland's rule, so it
 * never cycles. Minimises; `feasible` answers a tableau at a feasible corner, artificials gone, or undefined.
 */
class Tableau {
  private constructor(
    private readonly n: number,
    private readonly rows: Float64Array[],
    private readonly basis: number[],
    private readonly enterable: Uint8Array,
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
    const enterable = new Uint8Array(width).fill(1);
    const tableau = new Tableau(n, rows, basis, enterable);
    const phaseOne = new Float64Array(width);
    phaseOne.fill(1, n + slacks);
    if (tableau.optimize(phaseOne) !== 'optimal') return undefined;
    const infeasibility = rows.reduce((total, line, i) => total + (basis[i] >= n + slacks ? line[width] : 0), 0);
    if (infeasibility > TOLERANCE * (1 + Math.max(0, ...normal.map((row) => row.rhs)))) return undefined;
    // Drive artificials (now at zero) out of the basis; a row where none can leave is redundant.
    for (let i = rows.length - 1; i >= 0; i--) {
      if (basis[i] < n + slacks) continue;
      let column = -1;
      for (let j = 0; j < n + slacks && column < 0; j++) if (Math.abs(rows[i][j]) > 1e-9) column = j;
      if (column < 0) {
        rows.splice(i, 1);
        basis.splice(i, 1);
      } else {
        tableau.pivot(i, column);
      }
    }
    enterable.fill(0, n + slacks);
    return tableau;
  }

  clone(): Tableau {
    return new Tableau(this.n, this.rows.map((line) => line.slice()), [...this.basis], this.enterable);
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
      const factor = reduced[entering];
      const line = this.rows[leaving];
      for (let j = 0; j < width; j++) reduced[j] -= factor * line[j];
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

  pivot(row: number, column: number): void {
    const line = this.rows[row];
    const scale = line[column];
    for (let j = 0; j < line.length; j++) line[j] /= scale;
    line[column] = 1;
    for (let i = 0; i < this.rows.length; i++) {
      if (i === row) continue;
      const other = this.rows[i];
      const factor = other[column];
      if (factor === 0) continue;
      for (let j = 0; j < other.length; j++) {
        const value = other[j] - factor * line[j];
        other[j] = Math.abs(value) < 1e-11 ? 0 : value;
      }
      other[column] = 0;
    }
    this.basis[row] = column;
  }
}

function cellsOf(relation: CellRelation): number[] {
  return [...relation.members, relation.total];
}

function holds(relation: CellRelation, values: readonly number[]): boolean {
  const sum = relation.members.reduce((total, cell) => total + values[cell], 0);
  return relation.kind === 'sum' ? sum === values[relation.total] : sum >= values[relation.total];
}
