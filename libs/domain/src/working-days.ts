import { parseIsoDate } from './dates';

/**
 * Bank holidays in England and Wales (GOV.UK "UK bank holidays", england-and-wales), which are not working days,
 * from 2015 (the Modern Slavery Act's year: a council's history of referrals reaches back that far) on. Substitute
 * days are listed where the holiday falls at a weekend, and the days moved or added by proclamation: the early May
 * holiday of 2020 on Friday 8 May (VE Day), the spring holiday of 2022 on Thursday 2 June with Friday 3 June (the
 * Platinum Jubilee), Monday 19 September 2022 (the State Funeral of Queen Elizabeth II) and Monday 8 May 2023 (the
 * Coronation). Outside the years listed, only weekends count.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2015-01-01',
  '2015-04-03',
  '2015-04-06',
  '2015-05-04',
  '2015-05-25',
  '2015-08-31',
  '2015-12-25',
  '2015-12-28',
  '2016-01-01',
  '2016-03-25',
  '2016-03-28',
  '2016-05-02',
  '2016-05-30',
  '2016-08-29',
  '2016-12-26',
  '2016-12-27',
  '2017-01-02',
  '2017-04-14',
  '2017-04-17',
  '2017-05-01',
  '2017-05-29',
  '2017-08-28',
  '2017-12-25',
  '2017-12-26',
  '2018-01-01',
  '2018-03-30',
  '2018-04-02',
  '2018-05-07',
  '2018-05-28',
  '2018-08-27',
  '2018-12-25',
  '2018-12-26',
  '2019-01-01',
  '2019-04-19',
  '2019-04-22',
  '2019-05-06',
  '2019-05-27',
  '2019-08-26',
  '2019-12-25',
  '2019-12-26',
  '2020-01-01',
  '2020-04-10',
  '2020-04-13',
  '2020-05-08',
  '2020-05-25',
  '2020-08-31',
  '2020-12-25',
  '2020-12-28',
  '2021-01-01',
  '2021-04-02',
  '2021-04-05',
  '2021-05-03',
  '2021-05-31',
  '2021-08-30',
  '2021-12-27',
  '2021-12-28',
  '2022-01-03',
  '2022-04-15',
  '2022-04-18',
  '2022-05-02',
  '2022-06-02',
  '2022-06-03',
  '2022-08-29',
  '2022-09-19',
  '2022-12-26',
  '2022-12-27',
  '2023-01-02',
  '2023-04-07',
  '2023-04-10',
  '2023-05-01',
  '2023-05-08',
  '2023-05-29',
  '2023-08-28',
  '2023-12-25',
  '2023-12-26',
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
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
