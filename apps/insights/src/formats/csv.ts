import type { Count } from '../statistics/figures';
import type { StatisticsReport } from '../statistics/statistics-report';
import { figureCells } from './figure-cells';

export interface CsvContext {
  /** Board reports name their audience and revision on every row, so a row pasted elsewhere keeps its meaning. */
  readonly audience?: string;
  readonly revision?: number;
  /** A restricted pack's marking, the first column of every row, so no row leaves without it. */
  readonly marking?: string | null;
}

/**
 * A report as tidy CSV (RFC 4180, CRLF): one number per row with what it counts. A suppressed count is "c", as
 * published. Text that a spreadsheet would run as a formula is quoted with a leading apostrophe.
 */
export function reportCsv(report: StatisticsReport<Count>, context: CsvContext = {}): string {
  const board = context.audience !== undefined;
  const marked = Boolean(context.marking);
  const header = [
    ...(marked ? ['marking'] : []),
    ...(board ? ['audience', 'revision'] : []),
    'period',
    'from',
    'to',
    'coverage',
    'measure',
    'table',
    'category',
    'subcategory',
    'count',
  ];
  const lines = [header.map(field).join(',')];
  for (const cell of figureCells(report)) {
    const row = [
      ...(marked ? [context.marking as string] : []),
      ...(board ? [context.audience ?? '', String(context.revision ?? '')] : []),
      report.period.code,
      report.period.from,
      report.period.to,
      report.population.code,
      cell.measure,
      cell.table,
      cell.category,
      cell.subcategory,
      String(cell.count),
    ];
    lines.push(row.map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
