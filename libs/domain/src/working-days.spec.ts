import { addWorkingDays, ENGLAND_AND_WALES_BANK_HOLIDAYS, isWorkingDay } from './working-days';

describe('addWorkingDays', () => {
  it('counts Monday to Friday', () => {
    expect(addWorkingDays('2026-11-30', 2)).toBe('2026-12-02');
  });

  it('skips the weekend', () => {
    expect(addWorkingDays('2026-12-03', 2)).toBe('2026-12-07');
  });

  it('counts a weekend day from the next working day', () => {
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-05', 2)).toBe('2026-12-09');
  });

  it('skips bank holidays and their substitute days', () => {
    // 25 December 2026 is a Friday; Boxing Day falls on a Saturday, so Monday 28th is the substitute.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(isWorkingDay('2026-12-28')).toBe(false);
  });

  it('refuses a negative number of days', () => {
    expect(() => addWorkingDays('2026-12-01', -1)).toThrow(RangeError);
  });
});

describe('addWorkingDays over Christmas and New Year', () => {
  it('puts the fifth working day after Thursday 24 December 2026 on Tuesday 5 January 2027', () => {
    // 25 and 28 December and 1 January are bank holidays: 29, 30, 31 December, 4 and 5 January are working days.
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
  });

  it('lists no bank holiday on a weekend (substitute days are listed instead)', () => {
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toEqual([]);
  });
});

describe("bank holidays of the years a council's history reaches back to", () => {
  it('skips the early May and summer holidays of 2021 (a referral of 29 April or 24 August is due a day later)', () => {
    expect(addWorkingDays('2021-04-29', 5)).toBe('2021-05-07');
    expect(addWorkingDays('2021-08-24', 5)).toBe('2021-09-01');
  });

  it('skips the days moved or added by proclamation', () => {
    for (const day of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) expect(isWorkingDay(day)).toBe(false);
    // The usual early May and spring Mondays of those years were working days.
    for (const day of ['2020-05-04', '2022-05-30']) expect(isWorkingDay(day)).toBe(true);
  });

  it('lists Good Friday and Easter Monday of every year from 2015', () => {
    // Easter Sundays (Gregorian computus): 2015-04-05 … 2028-04-16.
    const easter = [
      '2015-04-05',
      '2016-03-27',
      '2017-04-16',
      '2018-04-01',
      '2019-04-21',
      '2020-04-12',
      '2021-04-04',
      '2022-04-17',
      '2023-04-09',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
    ];
    const shift = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    for (const sunday of easter) {
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.has(shift(sunday, -2))).toBe(true);
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.has(shift(sunday, 1))).toBe(true);
    }
  });
});
