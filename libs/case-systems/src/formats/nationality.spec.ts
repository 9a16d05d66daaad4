import { HOME_OFFICE_NATIONALITIES } from '@app/countries';
import worldCountries from 'world-countries';
import { alpha2ToAlpha3, alpha3ToAlpha2, alpha3ToDemonym, demonymToAlpha3 } from './nationality';

describe('nationality codes', () => {
  it('writes alpha-3 as an AIS demonym and reads it back', () => {
    expect(alpha3ToDemonym('ALB')).toBe('Albanian');
    expect(demonymToAlpha3('Albanian')).toBe('ALB');
  });

  it('writes alpha-3 as LCS alpha-2 and reads it back', () => {
    expect(alpha3ToAlpha2('VNM')).toBe('VN');
    expect(alpha2ToAlpha3('VN')).toBe('VNM');
  });

  it("sends no nationality for the form's unknown", () => {
    expect(alpha3ToDemonym('UNK')).toBeUndefined();
    expect(alpha3ToAlpha2('UNK')).toBeUndefined();
  });

  it('reads unknown and unrecognised nationalities as null', () => {
    expect(demonymToAlpha3('Unknown')).toBeNull();
    expect(demonymToAlpha3('Martian')).toBeNull();
    expect(alpha2ToAlpha3('ZZ')).toBeNull();
  });

  it('reads a legacy spelling of British', () => {
    expect(demonymToAlpha3('British')).toBe('GBR');
  });

  it('reads a shared demonym as the sovereign state', () => {
    expect(demonymToAlpha3('French')).toBe('FRA');
    expect(demonymToAlpha3('Dutch')).toBe('NLD');
    expect(demonymToAlpha3('Norwegian')).toBe('NOR');
  });

  it('names the country where two states share a demonym', () => {
    expect(alpha3ToDemonym('COD')).not.toBe(alpha3ToDemonym('COG'));
    expect(demonymToAlpha3(alpha3ToDemonym('COD'))).toBe('COD');
    expect(demonymToAlpha3(alpha3ToDemonym('DOM'))).toBe('DOM');
  });

  it('round-trips every nationality through AIS text and LCS alpha-2', () => {
    const lost = worldCountries
      .map((c) => c.cca3)
      .filter((alpha3) => alpha3 !== 'UNK')
      .filter((alpha3) => demonymToAlpha3(alpha3ToDemonym(alpha3)) !== alpha3 || alpha2ToAlpha3(alpha3ToAlpha2(alpha3)) !== alpha3);
    expect(lost).toEqual([]);
  });
});

describe('AIS nationalities as the Home Office form writes them', () => {
  it('reads every nationality on the form, and sends each back as text AIS reads the same', () => {
    const lost = HOME_OFFICE_NATIONALITIES.filter((n) => n !== 'Unknown').filter((n) => {
      const alpha3 = demonymToAlpha3(n);
      return !alpha3 || demonymToAlpha3(alpha3ToDemonym(alpha3)) !== alpha3;
    });
    expect(lost).toEqual([]);
  });
});
