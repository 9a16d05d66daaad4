import type { Response } from 'express';
import type { Count } from '../statistics/figures';
import type { StatisticsReport } from '../statistics/statistics-report';
import type { ReportFormat } from '../statistics/dto/statistics.query';
import { reportCsv, type CsvContext } from './csv';
import { reportHtml, type HtmlContext } from './html';

/**
 * Writes a report in the asked format. Every answer is marked no-store: figures about potential victims are not
 * for shared caches, and a board's copy should come from the report, not a proxy.
 */
export function render<T extends object>(
  res: Response,
  format: ReportFormat,
  json: T,
  report: StatisticsReport<Count>,
  fileStem: string,
  context: CsvContext & HtmlContext = {},
): T | string {
  res.setHeader('Cache-Control', 'no-store');
  switch (format) {
    case 'json':
      return json;
    case 'csv':
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${fileStem}.csv"`);
      return reportCsv(report, context);
    case 'html':
      res.type('text/html; charset=utf-8');
      return reportHtml(report, context);
  }
}

/** A file name from codes only (letters, digits, dashes): "2026-Q2", "2018/19" → "2018-19". */
export function fileStem(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')).join('_');
}
