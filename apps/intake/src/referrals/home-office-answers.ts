import { homeOfficeCountryOf, homeOfficeNationalityOf } from '@app/countries';
import type { Referral, YesNoNotSure } from '@app/domain';

/** The form's answers to one referral, keyed by the form's own field names, in the form's order. */
export type HomeOfficeAnswers = Record<string, string>;

const yesNoNotSure = (answer: YesNoNotSure | undefined): string | undefined => (answer === 'not_sure' ? 'not-sure' : answer);
const yesNo = (answer: boolean | undefined): string | undefined => (answer === undefined ? undefined : answer ? 'yes' : 'no');
const LOCATION: Readonly<Record<string, string>> = { uk: 'uk', overseas: 'overseas', uk_and_overseas: 'uk-and-overseas' };
// The form's gender question answers female, male or unknown.
const GENDER: Readonly<Record<string, string>> = { female: 'female', male: 'male', other: 'unknown' };

/** "Sam de la Cruz" → first name "Sam", last name "de la Cruz": the form asks them apart. */
function splitName(name: string): [string, string] {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return [first, rest.join(' ')];
}

/**
 * A referral as the answers a first responder gives the Home Office's digital NRM / Duty to Notify form, keyed
 * by the form's field names (`pv-name-first-name`, `types-of-exploitation-forced-to-work`, …), so that what was
 * recorded here is copied there rather than typed again. Only answers the referral holds are given: the form asks
 * more than Referral Hub records yet (docs/home-office-form.md). Checkboxes the form ticks read "true"; dates are
 * YYYY-MM-DD; nationalities and countries are written as the form's own lists write them.
 */
export function homeOfficeAnswers(referral: Referral): HomeOfficeAnswers {
  const answers: Array<[string, string | undefined]> = [];
  const put = (field: string, value: string | undefined) => answers.push([field, value]);
  const { firstResponder: fr, age, potentialVictim: pv, exploitation: ex } = referral;

  put('user-organisation', fr.organisation);
  put('pv-under-age', yesNoNotSure(age.under18));
  const la = referral.localAuthorityContact;
  if (la) {
    const [first, last] = splitName(la.name ?? '');
    put('local-authority-contacted-about-child-local-authority-name', la.authority);
    put('local-authority-contacted-about-child-local-authority-phone', la.phone);
    put('local-authority-contacted-about-child-local-authority-email', la.email);
    put('local-authority-contacted-about-child-local-authority-first-name', first || undefined);
    put('local-authority-contacted-about-child-local-authority-last-name', last || undefined);
  }
  put('pv-under-age-at-time-of-exploitation', yesNoNotSure(age.under18DuringExploitation));
  put('what-happened', referral.narrative);
  put('when-did-the-exploitation-take-place', ex.startDate);
  put('still-in-exploitative-situation', yesNo(ex.ongoing));
  put('where-exploitation-happened', LOCATION[ex.location]);
  (ex.ukTowns ?? []).slice(0, 10).forEach((town, i) => put(`where-exploitation-happened-uk-city-${i + 1}`, town));
  (ex.countries ?? []).slice(0, 10).forEach((code, i) => put(`where-exploitation-happened-overseas-country-${i + 1}`, homeOfficeCountryOf(code) ?? code));
  for (const type of ex.homeOfficeTypes ?? []) put(`types-of-exploitation-${type}`, 'true');
  put('other-exploitation-details', ex.otherDetails);
  put('reported-to-police', referral.police ? 'yes' : undefined);
  put('reported-to-police-police-forces', referral.police?.force);
  put('reported-to-police-crime-reference', referral.police?.crimeReference);
  put('authorities-cooperation', yesNo(referral.cooperatesWithAuthorities));
  put('pv-want-to-submit-nrm', referral.kind === 'dtn' ? 'no' : yesNo(referral.consentToNrm));
  put('pv-phone-number', pv.contact?.phone ? 'yes' : undefined);
  put('pv-phone-number-yes', pv.contact?.phone);
  put('pv-name-first-name', pv.firstName);
  put('pv-name-last-name', pv.lastName);
  put('pv-name-nickname', pv.aliases?.length ? pv.aliases.join(', ') : undefined);
  put('pv-dob', pv.dateOfBirth);
  put('pv-gender', GENDER[pv.gender]);
  put('pv-nationality', homeOfficeNationalityOf(pv.nationality) ?? pv.nationality);
  put('pv-nationality-second', pv.secondNationality ? (homeOfficeNationalityOf(pv.secondNationality) ?? pv.secondNationality) : undefined);
  put('pv-interpreter-requirements', pv.interpreterLanguage ? 'yes' : undefined);
  put('pv-interpreter-requirements-language', pv.interpreterLanguage);
  put('pv-ho-reference', pv.homeOfficeReference ? 'yes' : undefined);
  put('pv-ho-reference-type', pv.homeOfficeReference);
  put('pv-contact-details-email-input', pv.contact?.email);
  put('pv-contact-details-postcode', pv.contact?.postcode);
  const [frFirst, frLast] = splitName(fr.name);
  put('fr-details-first-name', frFirst);
  put('fr-details-last-name', frLast || undefined);
  put('fr-details-role', fr.role);
  put('fr-details-phone', fr.phone);
  return Object.fromEntries(answers.filter((a): a is [string, string] => typeof a[1] === 'string' && a[1] !== ''));
}
