/**
 * NHS number: ten digits, the last a modulus-11 check digit (NHS Data Dictionary, "NHS Number").
 * Weights 10..2 over the first nine digits; 11 - (sum mod 11), where 11 becomes 0 and 10 is invalid.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}
