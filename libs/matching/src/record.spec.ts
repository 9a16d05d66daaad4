import { parseBirthDate } from './dates';
import { isAnonymous, normaliseNhsNumber, parseSex, prepareRecord } from './record';

describe('parseBirthDate', () => {
  it('reads ISO, compact and UK formats', () => {
    expect(parseBirthDate('2007-03-14')?.digits).toBe('20070314');
    expect(parseBirthDate('20070314')?.digits).toBe('20070314');
    expect(parseBirthDate('14/03/2007')?.digits).toBe('20070314');
  });
  it('marks 1 January as a placeholder and keeps the estimate flag', () => {
    expect(parseBirthDate('2006-01-01')?.placeholder).toBe(true);
    expect(parseBirthDate('2006-01-02')?.placeholder).toBe(false);
    expect(parseBirthDate('2006-06-02', true)?.estimated).toBe(true);
  });
  it('keeps an impossible date as digits without a day number', () => {
    const d = parseBirthDate('1862-71-17');
    expect(d?.digits).toBe('18627117');
    expect(d?.dayNumber).toBeNull();
  });
});

describe('prepareRecord', () => {
  it('reads nationality as code, alpha-2, country name or demonym', () => {
    for (const spelling of ['ALB', 'AL', 'Albania', 'Albanian', 'albanian ']) {
      expect(prepareRecord({ recordId: 'r', firstName: 'a', nationality: spelling }).nationality).toBe('ALB');
    }
    expect(prepareRecord({ recordId: 'r', firstName: 'a', nationality: 'British' }).nationality).toBe('GBR');
    expect(prepareRecord({ recordId: 'r', firstName: 'a', nationality: 'UNK' }).nationality).toBeNull();
  });
  it('reads sex codes', () => {
    expect(['female', 'F', 'male', 'M', 'other', 'I', '', 'U'].map(parseSex)).toEqual(['F', 'F', 'M', 'M', 'O', 'O', null, null]);
  });
  it('accepts an NHS number only with a valid check digit', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('9434765918')).toBeNull();
  });
});

describe('isAnonymous', () => {
  it('holds for a flagged notification and for a Duty to Notify record without name or date of birth', () => {
    expect(isAnonymous({ recordId: 'a', anonymous: true, firstName: 'X' })).toBe(true);
    expect(isAnonymous({ recordId: 'a', referralKind: 'dtn', sex: 'male', nationality: 'ALB' })).toBe(true);
    expect(isAnonymous({ recordId: 'a', sex: 'male', nationality: 'ALB', postcode: 'HP19 8FF' })).toBe(true);
  });
  it('does not hold for a named record', () => {
    expect(isAnonymous({ recordId: 'a', firstName: 'Ardit', lastName: 'Hoxha' })).toBe(false);
  });
});
