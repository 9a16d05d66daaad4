import { countryByAlpha2, countryByAlpha3, demonymOf, toAlpha3, UNKNOWN_NATIONALITY } from '@app/countries';

/**
 * Nationality as each system holds it: Referral Hub alpha-3 (with "UNK" for not known), AIS an English
 * demonym, LCS alpha-2. An unknown nationality is null on the way back, so a matcher treats it as missing
 * rather than as a shared value.
 *
 * Caution: the reference data gives Kosovo the user-assigned code "UNK"/"XK", which clashes with the form's
 * "UNK" for unknown. The form's meaning wins here, so Kosovo is not carried to LCS.
 */
export function alpha3ToDemonym(alpha3: string | null | undefined): string | undefined {
  if (!alpha3 || alpha3 === UNKNOWN_NATIONALITY) return undefined;
  return countryByAlpha3(alpha3) ? demonymOf(alpha3) : undefined;
}

export function demonymToAlpha3(demonym: string | null | undefined): string | null {
  const alpha3 = toAlpha3(demonym);
  return alpha3 && alpha3 !== UNKNOWN_NATIONALITY ? alpha3 : null;
}

export function alpha3ToAlpha2(alpha3: string | null | undefined): string | undefined {
  if (!alpha3 || alpha3 === UNKNOWN_NATIONALITY) return undefined;
  return countryByAlpha3(alpha3)?.alpha2;
}

export function alpha2ToAlpha3(alpha2: string | null | undefined): string | null {
  if (!alpha2) return null;
  const alpha3 = countryByAlpha2(alpha2)?.alpha3;
  return alpha3 && alpha3 !== UNKNOWN_NATIONALITY ? alpha3 : null;
}
