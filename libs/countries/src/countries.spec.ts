import { combinedNationalityLabel, countryByAlpha3, demonymOf, isAlpha3, toAlpha3 } from './countries';

describe('countries', () => {
  it('reads codes, names and demonyms as the same country', () => {
    expect(toAlpha3('ALB')).toBe('ALB');
    expect(toAlpha3('al')).toBe('ALB');
    expect(toAlpha3('Albania')).toBe('ALB');
    expect(toAlpha3('albanian')).toBe('ALB');
    expect(toAlpha3('Vietnamese')).toBe('VNM');
    expect(toAlpha3('Viet Nam')).toBe('VNM');
    expect(toAlpha3('British')).toBe('GBR');
  });

  it('reads a demonym shared with a territory as the independent state', () => {
    expect(toAlpha3('French')).toBe('FRA');
    expect(toAlpha3('Dutch')).toBe('NLD');
    expect(toAlpha3('Norwegian')).toBe('NOR');
  });

  it('keeps UNK for an unknown nationality and gives Kosovo XKX', () => {
    expect(toAlpha3('UNK')).toBe('UNK');
    expect(toAlpha3('Kosovo')).toBe('XKX');
    expect(countryByAlpha3('XKX')?.name).toBe('Kosovo');
    expect(demonymOf('UNK')).toBe('Unknown');
  });

  it('answers undefined for text it cannot place, and UNK for a stated unknown', () => {
    expect(toAlpha3('Atlantis')).toBeUndefined();
    expect(toAlpha3('')).toBeUndefined();
    expect(toAlpha3('unknown')).toBe('UNK');
  });

  it('knows alpha-3 codes and their alpha-2 and demonym', () => {
    expect(isAlpha3('ERI')).toBe(true);
    expect(isAlpha3('XXX')).toBe(false);
    expect(countryByAlpha3('ERI')?.alpha2).toBe('ER');
    expect(demonymOf('ERI')).toBe('Eritrean');
  });

  it('labels dual nationals as the Home Office tables do', () => {
    expect(combinedNationalityLabel('ALB', 'GRC')).toBe('Albanian Greek');
    expect(combinedNationalityLabel('DZA', 'GBR')).toBe('Algerian UK');
    expect(combinedNationalityLabel('GBR')).toBe('UK');
  });
});
