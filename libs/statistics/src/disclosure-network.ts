import { InconsistentPublishedTableError } from './statistics.errors';

/**
 * Every table we publish — a breakdown with its total, breakdowns of one population sharing its total, a
 * cross-tab with margins — is a set of "these cells add up to that cell" constraints. Each such family can be
 * drawn as a circulation: every cell is an arc carrying its count, every constraint a node where what flows in
 * equals what flows out. What a reader can learn about a suppressed cell is then the range of flows its arc can
 * carry in a circulation that keeps the published arcs fixed, which max-flow answers exactly, in integers: the
 * constraint matrix is a network matrix, so the linear-programming bounds are whole numbers.
 */
export interface TableNetwork {
  readonly nodeCount: number;
  /** One arc per cell, indexed as the cells are. */
  readonly arcs: readonly Arc[];
  /** The table's own "members add up to total" lines, where a lone suppression shows at a glance. */
  readonly constraints: readonly Constraint[];
  /** Totals and margins: complementary suppression prefers an inner cell over a margin of the same value. */
  readonly isMargin: readonly boolean[];
}

export interface Arc {
  readonly from: number;
  readonly to: number;
}

export interface Constraint {
  readonly members: readonly number[];
  readonly total: number;
}

/** The values a suppressed cell can take; `max` is Infinity when nothing published bounds it. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

/** One table in a set sharing a grand total: a breakdown's cells, or a cross-tab's inner cells and margins. */
export type Segment = { readonly cells: number } | { readonly rows: number; readonly columns: number };

/** How many cells a segment has besides the shared total. */
export function segmentSize(segment: Segment): number {
  return 'cells' in segment ? segment.cells : (segment.rows + 1) * (segment.columns + 1) - 1;
}

/**
 * Tables of one population sharing its total, in series round a loop: table k carries the population from node k
 * to node k + 1 and the total closes the loop from the last node back to node 0, so every table adds up to it.
 * A breakdown is a bundle of parallel arcs. A cross-tab fans out from node k through its row totals to a node per
 * row, across its inner cells to a node per column, and back together through its column totals into node k + 1:
 * then each row, each column and each margin balances, and its grand total is the shared total.
 * Cells are indexed table by table (a cross-tab row by row, margins last in each row and the column totals last,
 * without its grand total), the shared total last. One table alone is the case of a single segment.
 */
export function sharedTotalNetwork(segments: readonly Segment[]): TableNetwork {
  const totalCell = segments.reduce((n, segment) => n + segmentSize(segment), 0);
  const arcs: Arc[] = [];
  const isMargin: boolean[] = [];
  const constraints: Constraint[] = [];
  const addArc = (from: number, to: number, margin: boolean): number => {
    arcs.push({ from, to });
    isMargin.push(margin);
    return arcs.length - 1;
  };
  let nodeCount = segments.length + 1;
  segments.forEach((segment, k) => {
    if ('cells' in segment) {
      constraints.push({ members: range(segment.cells).map(() => addArc(k, k + 1, false)), total: totalCell });
      return;
    }
    const { rows, columns } = segment;
    const base = nodeCount;
    nodeCount += rows + columns;
    const rowNode = (r: number): number => (r === rows ? k + 1 : base + r);
    const columnNode = (c: number): number => (c === columns ? k : base + rows + c);
    const cell = range(rows + 1).map((r) =>
      range(columns + 1).map((c) => {
        if (r < rows && c < columns) return addArc(rowNode(r), columnNode(c), false);
        if (r < rows) return addArc(columnNode(columns), rowNode(r), true);
        if (c < columns) return addArc(columnNode(c), rowNode(rows), true);
        return totalCell;
      }),
    );
    range(rows + 1).forEach((r) => constraints.push({ members: cell[r].slice(0, columns), total: cell[r][columns] }));
    range(columns + 1).forEach((c) => constraints.push({ members: range(rows).map((r) => cell[r][c]), total: cell[rows][c] }));
  });
  addArc(segments.length, 0, true);
  return { nodeCount, arcs, constraints, isMargin };
}

/**
 * For each suppressed cell (`null` in `published`), the interval of values it takes over all whole-number
 * completions of the table with every suppressed cell at least `lowerBound`. Published cells get `undefined`.
 */
export function feasibleIntervals(network: TableNetwork, published: readonly (number | null)[], lowerBound: number): (Interval | undefined)[] {
  const flow = feasibleFlow(network, published, lowerBound);
  return published.map((value, cell) => {
    if (value !== null) return undefined;
    const g = flow[cell];
    const { from, to } = network.arcs[cell];
    const up = residual(network, published, flow, cell).maxFlow(to, from, INFINITE);
    const down = g === 0 ? 0 : residual(network, published, flow, cell).maxFlow(from, to, g);
    return { min: lowerBound + g - down, max: up >= INFINITE ? Infinity : lowerBound + g + up };
  });
}

/** The suppressed cells whose value a reader can work out exactly (min = max), cheaper than the full intervals. */
export function recoverableCells(network: TableNetwork, published: readonly (number | null)[], lowerBound: number): number[] {
  const flow = feasibleFlow(network, published, lowerBound);
  const recoverable: number[] = [];
  published.forEach((value, cell) => {
    if (value !== null) return;
    const { from, to } = network.arcs[cell];
    const canRise = residual(network, published, flow, cell).maxFlow(to, from, 1) > 0;
    const canFall = flow[cell] > 0 && residual(network, published, flow, cell).maxFlow(from, to, 1) > 0;
    if (!canRise && !canFall) recoverable.push(cell);
  });
  return recoverable;
}

// Larger than any sum of counts we will meet, small enough that a few dozen of them stay exact in a double.
const INFINITE = 2 ** 40;

/**
 * One completion of the table, as flows above `lowerBound` on the suppressed arcs (0 on published ones). Throws
 * when none exists: the published numbers contradict each other.
 */
function feasibleFlow(network: TableNetwork, published: readonly (number | null)[], lowerBound: number): number[] {
  if (published.length !== network.arcs.length) {
    throw new InconsistentPublishedTableError('the published table does not have the shape of its structure');
  }
  // excess[v]: what must still flow out of v through suppressed arcs, after published arcs and lower bounds.
  const excess = new Array<number>(network.nodeCount).fill(0);
  published.forEach((value, cell) => {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      throw new InconsistentPublishedTableError(`a published count is ${value}, not a whole number of 0 or more`);
    }
    const amount = value ?? lowerBound;
    excess[network.arcs[cell].to] += amount;
    excess[network.arcs[cell].from] -= amount;
  });
  const source = network.nodeCount;
  const sink = network.nodeCount + 1;
  const graph = new FlowGraph(network.nodeCount + 2);
  const arcEdge = published.map((value, cell) => (value === null ? graph.addEdge(network.arcs[cell].from, network.arcs[cell].to, INFINITE) : -1));
  let needed = 0;
  excess.forEach((amount, node) => {
    if (amount > 0) {
      graph.addEdge(source, node, amount);
      needed += amount;
    } else if (amount < 0) {
      graph.addEdge(node, sink, -amount);
    }
  });
  if (graph.maxFlow(source, sink, needed) < needed) {
    throw new InconsistentPublishedTableError('the published counts do not add up to the published totals');
  }
  return arcEdge.map((edge) => (edge < 0 ? 0 : graph.flowOn(edge)));
}

/** The residual graph of a completion, without the arc of `excluded`, for moving flow round a cycle through it. */
function residual(network: TableNetwork, published: readonly (number | null)[], flow: readonly number[], excluded: number): FlowGraph {
  const graph = new FlowGraph(network.nodeCount);
  published.forEach((value, cell) => {
    if (value !== null || cell === excluded) return;
    graph.addEdge(network.arcs[cell].from, network.arcs[cell].to, INFINITE, flow[cell]);
  });
  return graph;
}

/** Edmonds–Karp on an edge list: the tables are at most a few hundred cells, so simplicity wins. */
class FlowGraph {
  private readonly head: number[] = [];
  private readonly capacity: number[] = [];
  private readonly original: number[] = [];
  private readonly adjacent: number[][];

  constructor(nodes: number) {
    this.adjacent = Array.from({ length: nodes }, () => []);
  }

  /** Adds an edge and its reverse (with `reverseCapacity`, the flow already on it); returns the edge's id. */
  addEdge(from: number, to: number, capacity: number, reverseCapacity = 0): number {
    const id = this.head.length;
    this.head.push(to, from);
    this.capacity.push(capacity, reverseCapacity);
    this.original.push(capacity, reverseCapacity);
    this.adjacent[from].push(id);
    this.adjacent[to].push(id + 1);
    return id;
  }

  flowOn(edge: number): number {
    return this.original[edge] - this.capacity[edge];
  }

  /** Pushes flow from `source` to `sink` until none can pass or `limit` has. */
  maxFlow(source: number, sink: number, limit: number): number {
    let total = 0;
    while (total < limit) {
      const via = new Array<number>(this.adjacent.length).fill(-1);
      const queue = [source];
      const seen = new Set([source]);
      while (!seen.has(sink)) {
        const node = queue.shift();
        if (node === undefined) break;
        for (const edge of this.adjacent[node]) {
          const next = this.head[edge];
          if (this.capacity[edge] > 0 && !seen.has(next)) {
            seen.add(next);
            via[next] = edge;
            queue.push(next);
          }
        }
      }
      if (!seen.has(sink)) return total;
      let push = limit - total;
      for (let node = sink; node !== source; node = this.head[via[node] ^ 1]) {
        push = Math.min(push, this.capacity[via[node]]);
      }
      for (let node = sink; node !== source; node = this.head[via[node] ^ 1]) {
        this.capacity[via[node]] -= push;
        this.capacity[via[node] ^ 1] += push;
      }
      total += push;
    }
    return total;
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
