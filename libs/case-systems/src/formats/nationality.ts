import worldCountries from 'world-countries';
import { countryByAlpha2, countryByAlpha3, demonymOf, toAlpha3, UNKNOWN_NATIONALITY } from '@app/countries';

/**
 * Nationality as each system holds it: Referral Hub alpha-3 (with "UNK" for not known), AIS English text,
 * LCS alpha-2. An unknown nationality is null on the way back, so a matcher treats it as missing rather than
 * as a shared value.
 *
 * Demonyms are shared: "French" is France and the French Southern Territories, "Congolese" both Congos. Read
 * back, a demonym means the sovereign state before a territory; where two states share one ("Congolese",
 * "Dominican"), AIS is sent the country's name instead, so every nationality survives the round trip.
 *
 * The reference data gives Kosovo the user-assigned code "UNK"/"XK", which clashes with the form's "UNK" for
 * unknown. The form's meaning wins here, so Kosovo is not carried to LCS.
 */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

const BY_DEMONYM: ReadonlyMap<string, string> = (() => {
  const rank = (c: (typeof worldCountries)[number]) => (c.independent ? 0 : 1) + (c.unMember ? 0 : 1);
  const ambiguous = new Set<string>();
  const index = new Map<string, { alpha3: string; rank: number }>();
  for (const c of [...worldCountries].sort((a, b) => rank(a) - rank(b))) {
    for (const demonym of new Set([c.demonyms.eng.m, c.demonyms.eng.f])) {
      if (!demonym || c.cca3 === UNKNOWN_NATIONALITY) continue;
      const key = fold(demonym);
      const held = index.get(key);
      if (!held) index.set(key, { alpha3: c.cca3, rank: rank(c) });
      else if (held.rank === rank(c) && held.alpha3 !== c.cca3) ambiguous.add(key);
    }
  }
  for (const key of ambiguous) index.delete(key);
  return new Map([...index].map(([key, { alpha3 }]) => [key, alpha3]));
})();

export function demonymToAlpha3(text: string | null | undefined): string | null {
  if (!text) return null;
  const alpha3 = BY_DEMONYM.get(fold(text)) ?? toAlpha3(text);
  return alpha3 && alpha3 !== UNKNOWN_NATIONALITY ? alpha3 : null;
}

export function alpha3ToDemonym(alpha3: string | null | undefined): string | undefined {
  if (!alpha3 || alpha3 === UNKNOWN_NATIONALITY) return undefined;
  const country = countryByAlpha3(alpha3);
  if (!country) return undefined;
  const demonym = demonymOf(country.alpha3);
  if (demonymToAlpha3(demonym) === country.alpha3) return demonym;
  return demonymToAlpha3(country.name) === country.alpha3 ? country.name : demonym;
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
