import { aisGenderToSex, lcsGenderToSex, sexToAisGender, sexToLcsGender } from './sex';

describe('gender codes', () => {
  it.each([
    ['female', 'F'],
    ['male', 'M'],
    ['other', 'I'],
  ] as const)('maps %s to AIS %s and back', (sex, code) => {
    expect(sexToAisGender(sex)).toBe(code);
    expect(aisGenderToSex(code)).toBe(sex);
  });

  it('writes an unknown sex as AIS U and reads U as unknown', () => {
    expect(sexToAisGender(null)).toBe('U');
    expect(aisGenderToSex('U')).toBeNull();
  });

  it('reads an unrecognised AIS code as unknown', () => {
    expect(aisGenderToSex('X')).toBeNull();
  });

  it('maps LCS genders both ways', () => {
    expect(sexToLcsGender('other')).toBe('other');
    expect(sexToLcsGender(undefined)).toBe('not_known');
    expect(lcsGenderToSex('not_known')).toBeNull();
    expect(lcsGenderToSex('female')).toBe('female');
  });
});
