import { isPhoneNumber } from './phone-number';

describe(isPhoneNumber.name, () => {
  it.each([
    '01296 395000',
    '07700 900123',
    '0800 123 4567',
    '020 7946 0000',
    '(01296) 395000',
    '+44 1296 395000',
    '+44 (0)20 7946 0000',
    '0044 7700 900123',
    '+355 4 222 2222',
    '+1-202-555-0143',
    '+33 1.23.45.67.89',
  ])('accepts %s', (phone) => expect(isPhoneNumber(phone)).toBe(true));

  it.each([
    'abc',
    '',
    '123',
    '01296',
    '012963950001234',
    '+44 0 1296 395000',
    '+44 12345',
    '+0 123 4567',
    '++44 1296 395000',
    '01296+395000',
    '+1234567890123456',
    'call 01296 395000',
  ])('refuses %s', (phone) => expect(isPhoneNumber(phone)).toBe(false));
});
