import { aisDateToIso, isoToAisDate, ukDateOf } from './dates';

describe('case-system dates', () => {
  it('writes an ISO date as dd/MM/yyyy for AIS', () => {
    expect(isoToAisDate('2007-03-09')).toBe('09/03/2007');
  });

  it('reads dd/MM/yyyy back to ISO', () => {
    expect(aisDateToIso('09/03/2007')).toBe('2007-03-09');
  });

  it('refuses a day that does not exist', () => {
    expect(aisDateToIso('30/02/2007')).toBeUndefined();
  });

  it('refuses the American order when the month would be impossible', () => {
    expect(aisDateToIso('03/13/2007')).toBeUndefined();
  });

  it('refuses to format something that is not an ISO date', () => {
    expect(() => isoToAisDate('09/03/2007')).toThrow(RangeError);
  });

  it('dates a referral by the UK calendar, not UTC', () => {
    expect(ukDateOf('2026-06-01T23:30:00Z')).toBe('2026-06-02');
    expect(ukDateOf('2026-01-01T23:30:00Z')).toBe('2026-01-01');
  });
});
