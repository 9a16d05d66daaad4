import { ageOn, eighteenthBirthday, isIsoDate } from './dates';

describe('dates', () => {
  it('refuses impossible calendar dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('01/02/2024')).toBe(false);
  });

  it('counts whole years to the day', () => {
    expect(ageOn('2008-06-02', '2026-06-01')).toBe(17);
    expect(ageOn('2008-06-01', '2026-06-01')).toBe(18);
  });

  it('puts a leap-day 18th birthday on 1 March in a common year', () => {
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-03-01');
    expect(eighteenthBirthday('2010-05-17')).toBe('2028-05-17');
  });
});
