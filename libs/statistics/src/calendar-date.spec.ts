import { ageOn, isLeapYear, nextDay, parseCalendarDate } from './calendar-date';
import { InvalidDateError } from './statistics.errors';
import { thrownBy } from '../../../test/support/thrown';

describe(parseCalendarDate.name, () => {
  it('reads a date into its parts', () => {
    expect(parseCalendarDate('2025-04-01')).toEqual({ year: 2025, month: 4, day: 1 });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('rejects 29 February in a common year', () => {
    expect(() => parseCalendarDate('2023-02-29')).toThrow(InvalidDateError);
  });

  it('rejects a date with a time', () => {
    expect(() => parseCalendarDate('2025-04-01T00:30:00+01:00')).toThrow(InvalidDateError);
  });

  it('names a year before 1900 as out of range', () => {
    expect(thrownBy(() => parseCalendarDate('1899-12-31'))).toMatchObject({ problem: 'year_out_of_range' });
  });
});

describe(isLeapYear.name, () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe(nextDay.name, () => {
  it.each([
    ['2024-02-28', '2024-02-29'],
    ['2023-02-28', '2023-03-01'],
    ['2019-03-31', '2019-04-01'],
    ['2024-12-31', '2025-01-01'],
  ])('the day after %s is %s', (date, next) => {
    expect(nextDay(date)).toBe(next);
  });
});

describe(ageOn.name, () => {
  it('counts the birthday itself as the day a year is completed', () => {
    expect(ageOn('2007-04-01', '2025-04-01')).toBe(18);
  });

  it('is a year younger on the day before the birthday', () => {
    expect(ageOn('2007-04-01', '2025-03-31')).toBe(17);
  });

  it('gives someone born on 29 February their birthday on 1 March in a common year', () => {
    expect([ageOn('2004-02-29', '2022-02-28'), ageOn('2004-02-29', '2022-03-01')]).toEqual([17, 18]);
  });
});
