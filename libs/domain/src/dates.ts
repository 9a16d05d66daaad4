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
