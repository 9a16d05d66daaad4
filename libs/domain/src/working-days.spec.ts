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
