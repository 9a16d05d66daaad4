import { Dimension, TOTAL_LABEL } from './dimension';
import { TableInvariantError, UnknownCategoryError } from './statistics.errors';
import type { CrossTabShape } from './disclosure-layout';

/** One category of a breakdown and how many referrals, notifications or people fall in it. */
export interface Cell {
  readonly label: string;
  readonly count: number;
}

/** A one-way breakdown of a population. Invariant: the counts add up to `total`. */
export interface Breakdown {
  readonly dimension: string;
  readonly total: number;
  readonly cells: readonly Cell[];
}

/**
 * A two-way table with margins, e.g. age group × location (Home Office NRM Table 2) or outcome × age group
 * (Tables 16 and 28). Invariants: `counts[r][c]` adds up across a row to `rowTotals[r]`, down a column to
 * `columnTotals[c]`, and both margins add up to `total`.
 */
export type CrossTab = CrossTabShape<number>;

/** A labelled count as the insights app has it after grouping rows; a label may occur more than once. */
export interface CountEntry {
  readonly label: string;
  readonly count: number;
}

export interface CrossCountEntry {
  readonly row: string;
  readonly column: string;
  readonly count: number;
}

/**
 * Builds a breakdown in the dimension's canonical order: every fixed category is present (0 when empty), extra
 * labels the dimension accepts follow their canonical order, and entries with the same label are added. When
 * `total` is given (the population count, counted separately) the cells must add up to it.
 */
export function buildBreakdown(dimension: Dimension, entries: Iterable<CountEntry>, total?: number): Breakdown {
  const counts = new Map<string, number>(dimension.categories.map((label) => [label, 0]));
  for (const { label, count } of entries) {
    checkCount(count, `${dimension.name} "${label}"`);
    if (!counts.has(label) && !dimension.accepts(label)) throw new UnknownCategoryError(dimension.name, label);
    counts.set(label, (counts.get(label) ?? 0) + count);
  }
  const cells = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => dimension.compare(a.label, b.label));
  const breakdown = { dimension: dimension.name, total: total ?? sum(cells.map((c) => c.count)), cells };
  assertBreakdownSumsToTotal(breakdown);
  return breakdown;
}

/** Checks a breakdown's invariant: whole non-negative counts, each label once, adding up to the total. */
export function assertBreakdownSumsToTotal(breakdown: Breakdown): void {
  checkCount(breakdown.total, `${breakdown.dimension} total`);
  checkLabels(
    breakdown.cells.map((c) => c.label),
    breakdown.dimension,
  );
  breakdown.cells.forEach((c) => checkCount(c.count, `${breakdown.dimension} "${c.label}"`));
  const cellSum = sum(breakdown.cells.map((c) => c.count));
  if (cellSum !== breakdown.total) {
    throw new TableInvariantError('total_mismatch', `${breakdown.dimension} cells add up to ${cellSum}, not to the total ${breakdown.total}`);
  }
}

/**
 * Builds a cross-tab with every fixed category of both dimensions, zero-filled, in canonical order, and its
 * margins. When `total` is given the cells must add up to it.
 */
export function buildCrossTab(rowDimension: Dimension, columnDimension: Dimension, entries: Iterable<CrossCountEntry>, total?: number): CrossTab {
  const rowSet = new Set(rowDimension.categories);
  const columnSet = new Set(columnDimension.categories);
  const byCell = new Map<string, number>();
  const key = (row: string, column: string): string => JSON.stringify([row, column]);
  for (const { row, column, count } of entries) {
    checkCount(count, `${rowDimension.name} "${row}" × ${columnDimension.name} "${column}"`);
    if (!rowSet.has(row) && !rowDimension.accepts(row)) throw new UnknownCategoryError(rowDimension.name, row);
    if (!columnSet.has(column) && !columnDimension.accepts(column)) {
      throw new UnknownCategoryError(columnDimension.name, column);
    }
    rowSet.add(row);
    columnSet.add(column);
    byCell.set(key(row, column), (byCell.get(key(row, column)) ?? 0) + count);
  }
  const rows = [...rowSet].sort(rowDimension.compare);
  const columns = [...columnSet].sort(columnDimension.compare);
  const counts = rows.map((row) => columns.map((column) => byCell.get(key(row, column)) ?? 0));
  const rowTotals = counts.map(sum);
  const columnTotals = columns.map((_, c) => sum(counts.map((line) => line[c])));
  const table: CrossTab = {
    rowDimension: rowDimension.name,
    columnDimension: columnDimension.name,
    rows,
    columns,
    counts,
    rowTotals,
    columnTotals,
    total: total ?? sum(rowTotals),
  };
  assertCrossTabSumsToTotals(table);
  return table;
}

/** Checks a cross-tab's invariants: its shape, whole non-negative counts, and rows, columns and margins adding up. */
export function assertCrossTabSumsToTotals(table: CrossTab): void {
  const name = `${table.rowDimension} × ${table.columnDimension}`;
  checkLabels(table.rows, table.rowDimension);
  checkLabels(table.columns, table.columnDimension);
  if (
    table.counts.length !== table.rows.length ||
    table.counts.some((line) => line.length !== table.columns.length) ||
    table.rowTotals.length !== table.rows.length ||
    table.columnTotals.length !== table.columns.length
  ) {
    throw new TableInvariantError('shape_mismatch', `${name} counts do not match its rows and columns`);
  }
  table.counts.forEach((line, r) => line.forEach((count, c) => checkCount(count, `${name} "${table.rows[r]}" × "${table.columns[c]}"`)));
  [...table.rowTotals, ...table.columnTotals, table.total].forEach((count) => checkCount(count, `${name} total`));
  table.rows.forEach((row, r) => expectSum(sum(table.counts[r]), table.rowTotals[r], `${name} row "${row}"`));
  table.columns.forEach((column, c) => expectSum(sum(table.counts.map((line) => line[c])), table.columnTotals[c], `${name} column "${column}"`));
  expectSum(sum(table.rowTotals), table.total, `${name} row totals`);
  expectSum(sum(table.columnTotals), table.total, `${name} column totals`);
}

/** The row margin of a cross-tab as a breakdown by the row dimension. */
export function rowBreakdown(table: CrossTab): Breakdown {
  return {
    dimension: table.rowDimension,
    total: table.total,
    cells: table.rows.map((label, r) => ({ label, count: table.rowTotals[r] })),
  };
}

/** The column margin of a cross-tab as a breakdown by the column dimension. */
export function columnBreakdown(table: CrossTab): Breakdown {
  return {
    dimension: table.columnDimension,
    total: table.total,
    cells: table.columns.map((label, c) => ({ label, count: table.columnTotals[c] })),
  };
}

function expectSum(actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new TableInvariantError('total_mismatch', `${what} add up to ${actual}, not to the total ${expected}`);
  }
}

function checkCount(count: number, what: string): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new TableInvariantError('not_a_count', `${what} is ${count}, not a whole number of 0 or more`);
  }
}

function checkLabels(labels: readonly string[], dimension: string): void {
  if (new Set(labels).size !== labels.length) {
    throw new TableInvariantError('duplicate_category', `${dimension} shows a category twice`);
  }
  if (labels.includes(TOTAL_LABEL)) {
    throw new TableInvariantError('duplicate_category', `${dimension} may not have a category "${TOTAL_LABEL}"`);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
