/** Plain calendar dates (YYYY-MM-DD), compared without time zones: a birthday is a calendar fact. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(value: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

/** The calendar date (UTC) of an instant, as YYYY-MM-DD. */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whole years between a date of birth and a day. */
export function ageOn(dateOfBirth: string, day: string): number | undefined {
  const born = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(day);
  if (!born || !on) return undefined;
  let age = on.year - born.year;
  if (on.month < born.month || (on.month === born.month && on.day < born.day)) age -= 1;
  return age;
}

/**
 * The day someone turns 18. A 29 February birthday falls on 1 March in a common year
 * (Family Law Reform Act 1969 s.9 counts attaining an age at the start of the anniversary).
 */
export function eighteenthBirthday(dateOfBirth: string): string | undefined {
  const born = parseIsoDate(dateOfBirth);
  if (!born) return undefined;
  const d = new Date(Date.UTC(born.year + 18, born.month - 1, born.day));
  return toIsoDate(d);
}

/**
 * A date known to the day, the month or the year ("2025-03-27", "2025-03", "2025": ISO 8601's reduced precision),
 * for answers the form says may be estimated. `first` and `last` are the days the period runs from and to.
 */
export interface PartialDate {
  precision: 'day' | 'month' | 'year';
  first: string;
  last: string;
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function parsePartialDate(value: unknown): PartialDate | undefined {
  if (typeof value !== 'string') return undefined;
  if (isIsoDate(value)) return { precision: 'day', first: value, last: value };
  const month = YEAR_MONTH.exec(value);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return undefined;
    return { precision: 'month', first: `${month[1]}-${month[2]}-01`, last: toIsoDate(new Date(Date.UTC(year, m, 0))) };
  }
  const year = YEAR.exec(value);
  if (year) return { precision: 'year', first: `${year[1]}-01-01`, last: `${year[1]}-12-31` };
  return undefined;
}

export function isPartialDate(value: unknown): value is string {
  return parsePartialDate(value) !== undefined;
}

/**
 * One day to stand for a partial date where a whole date is needed (an age at that time): the middle of the period
 * (the 15th of a month, 1 July of a year), moved inside the days it may be, not after `notAfter` (today) nor before
 * `notBefore` (a date of birth). An estimate is never moved outside the period it names.
 */
export function representativeDay(value: string, bounds: { notAfter?: string; notBefore?: string } = {}): string | undefined {
  const period = parsePartialDate(value);
  if (!period) return undefined;
  if (period.precision === 'day') return period.first;
  let day = period.precision === 'month' ? `${period.first.slice(0, 7)}-15` : `${period.first.slice(0, 4)}-07-01`;
  if (bounds.notAfter && day > bounds.notAfter) day = bounds.notAfter;
  if (bounds.notBefore && day < bounds.notBefore) day = bounds.notBefore;
  if (day < period.first) day = period.first;
  if (day > period.last) day = period.last;
  return day;
}

/** The calendar date in the UK (Europe/London) at an instant, as YYYY-MM-DD: where birthdays and deadlines fall. */
export function ukDateOn(instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
