import { formatAisDate, formatAisTimestamp, parseAisDate } from './ais-dates';

describe('AIS dates', () => {
  it('reads dd/MM/yyyy', () => {
    expect(parseAisDate('31/12/1999')).toBe('1999-12-31');
  });

  it('refuses a date that does not exist', () => {
    expect(parseAisDate('29/02/2001')).toBeUndefined();
  });

  it('refuses ISO dates', () => {
    expect(parseAisDate('1999-12-31')).toBeUndefined();
  });

  it('writes dd/MM/yyyy', () => {
    expect(formatAisDate('1999-12-31')).toBe('31/12/1999');
  });

  it('writes timestamps as dd/MM/yyyy HH:mm:ss', () => {
    expect(formatAisTimestamp(new Date('2026-03-10T09:05:07.123Z'))).toBe('10/03/2026 09:05:07');
  });
});
