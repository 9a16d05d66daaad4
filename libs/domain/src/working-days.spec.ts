import { addWorkingDays, isWorkingDay } from './working-days';

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
