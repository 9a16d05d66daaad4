import countries from './data/home-office-countries.json';
import nationalities from './data/home-office-nationalities.json';

/**
 * The Home Office NRM form's own lists, as the form writes them (source named in each data file): what a first
 * responder or a practitioner copying from the form may type, and what `toAlpha3` must read.
 */
export const HOME_OFFICE_NATIONALITIES: readonly string[] = nationalities.values.map((v) => v.trim());
export const HOME_OFFICE_COUNTRIES: readonly string[] = countries.values.map((v) => v.trim());
