import { InvalidDateError } from './statistics.errors';
import { ageOn as completedYears } from '@app/domain';

/**
 * A UK calendar date as text, YYYY-MM-DD. Statistics work on plain dates, never on instants: a referral made at
 * 00:30 BST on 1 April belongs to 1 April, which a `Date` in UTC would put on 31 March. Because the text form
 * sorts like the dates it names, dates are compared as strings.
 */
export type CalendarDate = string;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** The first and last days the calendar can write: a date outside them is well written but out of range. */
export const CALENDAR_DAYS = { first: `${String(MIN_YEAR)}-01-01`, last: `${String(MAX_YEAR)}-12-31` } as const;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(text: string): DateParts {
  const match = ISO_DATE.exec(text);
  if (!match) throw new InvalidDateError(text, 'not_a_calendar_date');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) throw new InvalidDateError(text, 'year_out_of_range');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(text, 'not_a_calendar_date');
  }
  return { year, month, day };
}

export function formatCalendarDate({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function nextDay(date: CalendarDate): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  if (day < daysInMonth(year, month)) return formatCalendarDate({ year, month, day: day + 1 });
  if (month < 12) return formatCalendarDate({ year, month: month + 1, day: 1 });
  return formatCalendarDate({ year: year + 1, month: 1, day: 1 });
}

/** "1 April 2025": the long form GOV.UK style uses in prose and table headings. */
export function longDate(date: CalendarDate): string {
  const { year, month, day } = parseCalendarDate(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * Completed years of age on `on`, by the domain's one rule (`@app/domain` `ageOn`; `central.age_on` is the same in
 * SQL, checked by test/schema.int-spec.ts). Throws InvalidDateError for a date that is not one, as the statistics'
 * other date functions do.
 */
export function ageOn(dateOfBirth: CalendarDate, on: CalendarDate): number {
  parseCalendarDate(dateOfBirth);
  parseCalendarDate(on);
  const age = completedYears(dateOfBirth, on);
  if (age === undefined) throw new InvalidDateError(dateOfBirth, 'not_a_calendar_date');
  return age;
}
