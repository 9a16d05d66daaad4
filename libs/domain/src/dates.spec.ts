import { ageOn, eighteenthBirthday, isIsoDate, parsePartialDate, representativeDay } from './dates';

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

describe(parsePartialDate.name, () => {
  it('reads a day, a month or a year as the period it names', () => {
    expect(parsePartialDate('2025-03-27')).toEqual({ precision: 'day', first: '2025-03-27', last: '2025-03-27' });
    expect(parsePartialDate('2024-02')).toEqual({ precision: 'month', first: '2024-02-01', last: '2024-02-29' });
    expect(parsePartialDate('2025')).toEqual({ precision: 'year', first: '2025-01-01', last: '2025-12-31' });
  });

  it.each(['2025-13', '2025-00', '2025-02-30', '25', '2025-3', 'March 2025', '', undefined])('refuses %s', (value) => {
    expect(parsePartialDate(value)).toBeUndefined();
  });
});

describe(representativeDay.name, () => {
  it('takes the middle of the period, kept inside it, not after today nor before the date of birth', () => {
    expect(representativeDay('2025-03-27')).toBe('2025-03-27');
    expect(representativeDay('2025-03')).toBe('2025-03-15');
    expect(representativeDay('2025')).toBe('2025-07-01');
    expect(representativeDay('2026', { notAfter: '2026-02-10' })).toBe('2026-02-10');
    expect(representativeDay('2010', { notBefore: '2010-09-01' })).toBe('2010-09-01');
  });
});
