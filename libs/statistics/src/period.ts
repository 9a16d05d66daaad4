import { CalendarDate, MAX_YEAR, MIN_YEAR, MONTH_NAMES, daysInMonth, formatCalendarDate, longDate, nextDay, parseCalendarDate } from './calendar-date';
import { InvalidDateError, InvalidPeriodError } from './statistics.errors';

export type PeriodKind = 'month' | 'quarter' | 'financial_year' | 'range';

/**
 * A reporting period. Both bounds are inclusive plain dates, as the `from`/`to` query of
 * `GET /v1/statistics` is: a referral belongs to the period when `from <= referredOn <= to`. For SQL over
 * timestamps use `[from, periodEndExclusive(period))` after converting the timestamp to a UK date.
 */
export interface Period {
  readonly kind: PeriodKind;
  /** The text `parsePeriod` reads back: "2025-04", "2025-Q2", "2018/19" or "2025-04-01..2025-06-30". */
  readonly code: string;
  /** What a board report prints: "April 2025", "Q2 2025 (April to June)", "2018/19 (April 2018 to March 2019)". */
  readonly label: string;
  /** First day, inclusive. */
  readonly from: CalendarDate;
  /** Last day, inclusive. */
  readonly to: CalendarDate;
}

export type CalendarPeriodKind = Exclude<PeriodKind, 'range'>;

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q(\d)$/i;
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const RANGE = /^(\S+)\.\.(\S+)$/;

/** Reads "2025-04", "2025-Q2", "2018/19" or "2025-04-01..2025-06-30". */
export function parsePeriod(text: string): Period {
  const input = text.trim();
  let match = MONTH.exec(input);
  if (match) {
    const year = checkedYear(input, Number(match[1]));
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw new InvalidPeriodError(input, 'month_out_of_range');
    return monthPeriod(year, month);
  }
  match = QUARTER.exec(input);
  if (match) {
    const year = checkedYear(input, Number(match[1]));
    const quarter = Number(match[2]);
    if (quarter < 1 || quarter > 4) throw new InvalidPeriodError(input, 'quarter_out_of_range');
    return quarterPeriod(year, quarter);
  }
  match = FINANCIAL_YEAR.exec(input);
  if (match) {
    const startYear = checkedYear(input, Number(match[1]));
    if ((startYear + 1) % 100 !== Number(match[2])) {
      throw new InvalidPeriodError(input, 'financial_year_not_consecutive');
    }
    if (startYear + 1 > MAX_YEAR) throw new InvalidPeriodError(input, 'year_out_of_range');
    return financialYearPeriod(startYear);
  }
  match = RANGE.exec(input);
  if (match) return periodFromTo(match[1], match[2]);
  throw new InvalidPeriodError(input, 'unrecognised_format');
}

/** Any span of days, both ends inclusive, as `GET /v1/statistics?from=&to=` takes it. */
export function periodFromTo(from: CalendarDate, to: CalendarDate): Period {
  const code = `${from}..${to}`;
  try {
    parseCalendarDate(from);
    parseCalendarDate(to);
  } catch (error) {
    if (error instanceof InvalidDateError) {
      throw new InvalidPeriodError(code, error.problem === 'year_out_of_range' ? 'year_out_of_range' : 'invalid_date');
    }
    throw error;
  }
  if (from > to) throw new InvalidPeriodError(code, 'from_after_to');
  const label = from === to ? longDate(from) : `${longDate(from)} to ${longDate(to)}`;
  return { kind: 'range', code, label, from, to };
}

export function monthPeriod(year: number, month: number): Period {
  const code = `${pad4(year)}-${pad2(month)}`;
  if (month < 1 || month > 12 || !Number.isInteger(month)) throw new InvalidPeriodError(code, 'month_out_of_range');
  checkedYear(code, year);
  return {
    kind: 'month',
    code,
    label: `${MONTH_NAMES[month - 1]} ${year}`,
    from: formatCalendarDate({ year, month, day: 1 }),
    to: formatCalendarDate({ year, month, day: daysInMonth(year, month) }),
  };
}

/** Calendar quarters, Q1 = January to March, as the Home Office NRM statistics use them. */
export function quarterPeriod(year: number, quarter: number): Period {
  const code = `${pad4(year)}-Q${quarter}`;
  if (quarter < 1 || quarter > 4 || !Number.isInteger(quarter)) {
    throw new InvalidPeriodError(code, 'quarter_out_of_range');
  }
  checkedYear(code, year);
  const firstMonth = quarter * 3 - 2;
  const lastMonth = firstMonth + 2;
  return {
    kind: 'quarter',
    code,
    label: `Q${quarter} ${year} (${MONTH_NAMES[firstMonth - 1]} to ${MONTH_NAMES[lastMonth - 1]})`,
    from: formatCalendarDate({ year, month: firstMonth, day: 1 }),
    to: formatCalendarDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

/** The UK public-sector financial year: 1 April of `startYear` to 31 March of the next year, written "2018/19". */
export function financialYearPeriod(startYear: number): Period {
  const code = `${pad4(startYear)}/${pad2((startYear + 1) % 100)}`;
  checkedYear(code, startYear);
  if (startYear + 1 > MAX_YEAR) throw new InvalidPeriodError(code, 'year_out_of_range');
  return {
    kind: 'financial_year',
    code,
    label: `${code} (April ${startYear} to March ${startYear + 1})`,
    from: formatCalendarDate({ year: startYear, month: 4, day: 1 }),
    to: formatCalendarDate({ year: startYear + 1, month: 3, day: 31 }),
  };
}

/** The month, quarter or financial year that a date falls in. */
export function periodContaining(date: CalendarDate, kind: CalendarPeriodKind): Period {
  const { year, month } = parseCalendarDate(date);
  switch (kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'financial_year':
      return financialYearPeriod(month >= 4 ? year : year - 1);
  }
}

export function periodIncludes(period: Period, date: CalendarDate): boolean {
  return period.from <= date && date <= period.to;
}

/** The day after the period, for half-open `[from, end)` comparisons. */
export function periodEndExclusive(period: Period): CalendarDate {
  return nextDay(period.to);
}

/**
 * The calendar quarters that make up a period, in order, for "referrals and individuals by quarter" charts.
 * A quarter only partly inside the period is cut to the period (kind "range", labelled with its quarter), so
 * that referral counts by quarter add up to the period's count and no day outside the period is counted.
 */
export function quartersIn(period: Period): Period[] {
  const quarters: Period[] = [];
  let quarter = periodContaining(period.from, 'quarter');
  for (;;) {
    const from = quarter.from < period.from ? period.from : quarter.from;
    const to = quarter.to > period.to ? period.to : quarter.to;
    if (from === quarter.from && to === quarter.to) {
      quarters.push(quarter);
    } else {
      const name = quarter.label.slice(0, quarter.label.indexOf(' ('));
      quarters.push({
        kind: 'range',
        code: `${from}..${to}`,
        label: `${name} (${dayAndMonth(from)} to ${dayAndMonth(to)})`,
        from,
        to,
      });
    }
    if (quarter.to >= period.to) return quarters;
    quarter = periodContaining(nextDay(quarter.to), 'quarter');
  }
}

function dayAndMonth(date: CalendarDate): string {
  const { month, day } = parseCalendarDate(date);
  return `${day} ${MONTH_NAMES[month - 1]}`;
}

function checkedYear(input: string, year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidPeriodError(input, 'year_out_of_range');
  }
  return year;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
