import { parseIsoDate } from './dates';

/**
 * Bank holidays in England and Wales (GOV.UK "UK bank holidays", england-and-wales), which are not working days.
 * Substitute days are listed where the holiday falls at a weekend. Past the last year listed, only weekends count.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
]);

function utcDay(date: string): Date {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function isWorkingDay(date: string): boolean {
  const weekday = utcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !ENGLAND_AND_WALES_BANK_HOLIDAYS.has(date);
}

/** The working day `days` working days after `date` (a date that is no working day counts from the next one). */
export function addWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
  const d = utcDay(date);
  const iso = (): string => d.toISOString().slice(0, 10);
  while (!isWorkingDay(iso())) d.setUTCDate(d.getUTCDate() + 1);
  for (let left = days; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(iso())) left -= 1;
  }
  return iso();
}
