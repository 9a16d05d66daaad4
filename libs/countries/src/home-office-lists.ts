import { toAlpha3 } from './countries';
import countries from './data/home-office-countries.json';
import nationalities from './data/home-office-nationalities.json';

/**
 * The Home Office NRM form's own lists, as the form writes them (source named in each data file): what a first
 * responder or a practitioner copying from the form may type, and what `toAlpha3` must read.
 */
export const HOME_OFFICE_NATIONALITIES: readonly string[] = nationalities.values.map((v) => v.trim());
export const HOME_OFFICE_COUNTRIES: readonly string[] = countries.values.map((v) => v.trim());

function byCode(list: readonly string[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const entry of list) {
    const alpha3 = toAlpha3(entry);
    // The first entry the form lists for a code is how the form writes it.
    if (alpha3 && !index.has(alpha3)) index.set(alpha3, entry);
  }
  return index;
}

const NATIONALITY_BY_CODE = byCode(HOME_OFFICE_NATIONALITIES);
const COUNTRY_BY_CODE = byCode(HOME_OFFICE_COUNTRIES);

/** A nationality code as the Home Office form's nationality list writes it ("ISL" → "Icelandic"), if it lists it. */
export function homeOfficeNationalityOf(alpha3: string): string | undefined {
  return NATIONALITY_BY_CODE.get(alpha3.toUpperCase());
}

/** A country code as the Home Office form's country list writes it ("TUR" → "Turkey"), if it lists it. */
export function homeOfficeCountryOf(alpha3: string): string | undefined {
  return COUNTRY_BY_CODE.get(alpha3.toUpperCase());
}
