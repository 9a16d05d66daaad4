import { isValidNhsNumber } from './nhs-number';

describe(isValidNhsNumber.name, () => {
  it('accepts a number whose modulus-11 check digit is right', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it('refuses a wrong check digit, a check value of 10, and the wrong length', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('1000000010')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
  });
});
