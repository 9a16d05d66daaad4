import { CalendarDate, Period, periodContaining } from '@app/statistics';
import type { ReportCadence } from './report-jobs';

/** The UK calendar date of an instant: reports run on UK dates, whatever the server's time zone. */
export function ukDate(instant: Date): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The period a scheduled run reports on: the calendar quarter, or the financial year (April to March), that ended
 * most recently before `asOf`. A run on 7 July 2026 reports Q2 2026; one on 7 April 2026 reports 2025/26.
 */
export function lastCompletedPeriod(cadence: ReportCadence, asOf: CalendarDate): Period {
  const current = periodContaining(asOf, cadence === 'quarterly' ? 'quarter' : 'financial_year');
  return periodContaining(dayBefore(current.from), cadence === 'quarterly' ? 'quarter' : 'financial_year');
}

/** The same quarter or financial year one year earlier: what a board compares a period's figures with. */
export function sameTimeYearBefore(period: Period): Period {
  if (period.kind !== 'quarter' && period.kind !== 'financial_year') throw new Error(`no year-before of a ${period.kind}`);
  const [year, month, day] = period.from.split('-').map(Number);
  return periodContaining(`${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, period.kind);
}

function dayBefore(date: CalendarDate): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
