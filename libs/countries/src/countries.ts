import worldCountries from 'world-countries';

/** One country as the case systems and the statistics need it. */
export interface Country {
  /** ISO 3166-1 alpha-3, the form's and the central store's code. */
  readonly alpha3: string;
  /** ISO 3166-1 alpha-2, as LCS stores nationality. */
  readonly alpha2: string;
  /** Common English name ("Albania"). */
  readonly name: string;
  /** English demonym ("Albanian"), as AIS stores nationality and the Home Office tables label it. */
  readonly demonym: string;
}

/** The form's code for an unknown nationality. */
export const UNKNOWN_NATIONALITY = 'UNK';

// The Home Office NRM tables label British nationals "UK" rather than with a demonym.
const STATISTICS_LABEL_OVERRIDES: Readonly<Record<string, string>> = { GBR: 'UK', UNK: 'Unknown' };

// Legacy exports spell some nationalities in ways the reference data does not list.
const EXTRA_SPELLINGS: Readonly<Record<string, string>> = {
  british: 'GBR',
  uk: 'GBR',
  'united kingdom': 'GBR',
  english: 'GBR',
  scottish: 'GBR',
  welsh: 'GBR',
  'northern irish': 'GBR',
  vietnam: 'VNM',
  'viet nam': 'VNM',
  eritrea: 'ERI',
  'ivory coast': 'CIV',
  czechia: 'CZE',
  'czech republic': 'CZE',
  'south korea': 'KOR',
  'north korea': 'PRK',
  russia: 'RUS',
  usa: 'USA',
  american: 'USA',
  unknown: UNKNOWN_NATIONALITY,
  unk: UNKNOWN_NATIONALITY,
  'not known': UNKNOWN_NATIONALITY,
  stateless: UNKNOWN_NATIONALITY,
};

// The Home Office NRM form's own spellings (its nationality and country lists, kept in ./data with their source)
// where the reference data spells them otherwise. "Citizen of X" and "X citizen" are read as X (see toAlpha3).
const HOME_OFFICE_FORM_SPELLINGS: Readonly<Record<string, string>> = {
  anguillan: 'AIA',
  botswanan: 'BWA',
  'british virgin islander': 'VGB',
  burkinan: 'BFA',
  'cape verdean': 'CPV',
  'cayman islander': 'CYM',
  'congolese congo': 'COG',
  'congolese drc': 'COD',
  djiboutian: 'DJI',
  gibraltarian: 'GIB',
  icelandic: 'ISL',
  kazakh: 'KAZ',
  kittitian: 'KNA',
  kosovan: 'XKX',
  kyrgyz: 'KGZ',
  maldivian: 'MDV',
  martiniquais: 'MTQ',
  salvadorean: 'SLV',
  slovenian: 'SVN',
  'st helenian': 'SHN',
  'st lucian': 'LCA',
  surinamese: 'SUR',
  tajik: 'TJK',
  // Tristan da Cunha is part of Saint Helena, Ascension and Tristan da Cunha.
  tristanian: 'SHN',
  uzbek: 'UZB',
  vatican: 'VAT',
  vincentian: 'VCT',
  wallisian: 'WLF',
  'congo democratic republic': 'COD',
  'st kitts and nevis': 'KNA',
  'st lucia': 'LCA',
  'st vincent': 'VCT',
  'the bahamas': 'BHS',
  'the gambia': 'GMB',
  turkey: 'TUR',
};

// The reference data gives Kosovo "UNK", which the Home Office form uses for an unknown nationality; Kosovo takes
// the user-assigned "XKX" that the EU and IOM use instead.
const KOSOVO = 'XKX';
const alpha3Of = (c: { cca3: string }): string => (c.cca3 === UNKNOWN_NATIONALITY ? KOSOVO : c.cca3);

const COUNTRIES: readonly Country[] = worldCountries
  .filter((c) => c.cca3 && c.cca2)
  .map((c) => ({
    alpha3: alpha3Of(c),
    alpha2: c.cca2,
    name: c.name.common,
    demonym: c.demonyms.eng.m,
  }));

const BY_ALPHA3 = new Map(COUNTRIES.map((c) => [c.alpha3, c]));
const BY_ALPHA2 = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
const BY_TEXT = buildTextIndex();

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildTextIndex(): Map<string, string> {
  const index = new Map<string, string>();
  // Independent states first, so a demonym shared with a territory ("French": France and the French Southern
  // Territories) reads as the state.
  // The data holds null for a few territories although its types say boolean.
  const independent = (c: { independent: boolean | null }): number => Number(c.independent === true);
  const ordered = [...worldCountries].sort((a, b) => independent(b) - independent(a) || a.cca3.localeCompare(b.cca3));
  for (const c of ordered) {
    if (!c.cca3) continue;
    const spellings = [c.name.common, c.name.official, c.demonyms.eng.m, c.demonyms.eng.f, ...c.altSpellings.filter((s) => s.length > 3)];
    for (const s of spellings) {
      if (s && !index.has(fold(s))) index.set(fold(s), alpha3Of(c));
    }
  }
  for (const [spelling, alpha3] of Object.entries({ ...EXTRA_SPELLINGS, ...HOME_OFFICE_FORM_SPELLINGS })) index.set(spelling, alpha3);
  return index;
}

export function isAlpha3(code: string): boolean {
  return code === UNKNOWN_NATIONALITY || BY_ALPHA3.has(code);
}

export function countryByAlpha3(code: string): Country | undefined {
  return BY_ALPHA3.get(code.toUpperCase());
}

export function countryByAlpha2(code: string): Country | undefined {
  return BY_ALPHA2.get(code.toUpperCase());
}

/**
 * Reads a nationality as legacy systems hold it — an alpha-3 or alpha-2 code, a country name or a demonym,
 * in any case — and answers its alpha-3 code, "UNK" for a stated unknown, or undefined when it cannot tell.
 */
export function toAlpha3(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const upper = trimmed.toUpperCase();
  if (upper === UNKNOWN_NATIONALITY) return UNKNOWN_NATIONALITY;
  if (upper.length === 3 && BY_ALPHA3.has(upper)) return upper;
  const byAlpha2 = upper.length === 2 ? BY_ALPHA2.get(upper) : undefined;
  if (byAlpha2) return byAlpha2.alpha3;
  const text = fold(trimmed);
  // The form writes some nationalities as "Citizen of Bosnia and Herzegovina" or "Liechtenstein citizen".
  const country = /^citizen of (?:the )?(.+)$/.exec(text)?.[1] ?? /^(.+) citizen$/.exec(text)?.[1];
  return BY_TEXT.get(text) ?? (country ? BY_TEXT.get(country) : undefined);
}

/** The English demonym for an alpha-3 code ("ALB" → "Albanian"); "Unknown" for UNK. */
export function demonymOf(alpha3: string): string {
  if (alpha3 === UNKNOWN_NATIONALITY) return 'Unknown';
  return BY_ALPHA3.get(alpha3)?.demonym ?? 'Unknown';
}

/** The label the Home Office NRM tables use for a nationality ("Albanian", "UK", "Unknown"). */
export function statisticsNationalityLabel(alpha3: string): string {
  return STATISTICS_LABEL_OVERRIDES[alpha3] ?? demonymOf(alpha3);
}

/** Dual nationals appear as a combined label, e.g. "Albanian Greek" (Home Office tables). */
export function combinedNationalityLabel(first: string, second?: string | null): string {
  const labels = [statisticsNationalityLabel(first)];
  if (second && second !== first) labels.push(statisticsNationalityLabel(second));
  return labels.join(' ');
}
