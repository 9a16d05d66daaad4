import { homeOfficeCountryOf, homeOfficeNationalityOf } from '@app/countries';
import type { Referral, YesNoNotSure } from '@app/domain';

/** The form's answers to one referral, keyed by the form's own field names, in the form's order. */
export type HomeOfficeAnswers = Record<string, string>;

const yesNoNotSure = (answer: YesNoNotSure | undefined): string | undefined => (answer === 'not_sure' ? 'not-sure' : answer);
const yesNo = (answer: boolean | undefined): string | undefined => (answer === undefined ? undefined : answer ? 'yes' : 'no');
const LOCATION: Readonly<Record<string, string>> = { uk: 'uk', overseas: 'overseas', uk_and_overseas: 'uk-and-overseas' };
// The form's gender question answers female, male or unknown.
const GENDER: Readonly<Record<string, string>> = { female: 'female', male: 'male', other: 'unknown' };
const NATION: Readonly<Record<string, string>> = { england: 'england', wales: 'wales', scotland: 'scotland', northern_ireland: 'northern-ireland' };
const LAST_CONTACT: Readonly<Record<string, string>> = {
  last_week: 'within-the-last-week',
  last_month: 'within-the-last-month',
  last_3_months: 'within-the-last-3-month',
  last_6_months: 'within-the-last-6-month',
  '6_to_12_months': 'within-the-last-6-12-month',
  over_a_year: 'over-a-year-ago',
  not_sure: 'not-sure',
};
// The form's "more than one exploitative situation" answers "I don't know" where its other questions say "not sure".
const MULTIPLE: Readonly<Record<string, string>> = { yes: 'yes', no: 'no', not_sure: 'i-dont-know' };
const checked = (ticked: boolean | undefined, value: string): string | undefined => (ticked ? value : undefined);

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

  const assessment = referral.firstResponderAssessment;
  const contact = pv.contact;
  const exploiters = ex.exploiters;
  const recipient = referral.decisionRecipient;

  put('reference', fr.reference);
  put('user-organisation', fr.organisation);
  put('fr-location', fr.reportMadeIn ? NATION[fr.reportMadeIn] : undefined);
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
  put('birthplace', pv.background?.birthplace);
  put('family', pv.background?.family);
  put('education', pv.background?.education);
  put('employment-history', pv.background?.employmentHistory);
  put('potential-victim-exploitative-situation-multiple', ex.multipleSituations ? MULTIPLE[ex.multipleSituations] : undefined);
  // The form asks when in words; a start date recorded here is offered when no words were.
  const when = ex.multipleSituations === 'yes' ? 'when-did-the-exploitation-take-place-multiple' : 'when-did-the-exploitation-take-place';
  put(when, ex.whenDetails ?? ex.startDate);
  put('how-did-the-exploitation-start', ex.howItStarted);
  put('were-they-taken-somewhere-by-their-exploiter', yesNo(ex.takenSomewhere));
  put('were-they-taken-somewhere-by-their-exploiter-journey-details', ex.journeyDetails);
  put('what-were-they-required-to-do', ex.requiredToDo);
  put('living-conditions', ex.livingConditions);
  put('how-they-were-treated', ex.treatment);
  put('still-in-exploitative-situation', yesNo(ex.ongoing));
  put('what-is-keeping-them-in-situation', ex.keepingThemThere);
  put('how-why-did-they-leave-the-situation', ex.howTheyLeft);
  put('when-last-contact', ex.lastContact ? LAST_CONTACT[ex.lastContact] : undefined);
  put('details-last-contact', ex.lastContactDetails);
  put('is-this-the-first-chance-to-report', yesNoNotSure(assessment?.reportedBefore));
  if (assessment?.reportedBefore === 'yes') put('yes-the-first-chance-to-report', assessment.reportedBeforeDetails);
  if (assessment?.reportedBefore === 'not_sure') put('not-sure-the-first-chance-to-report', assessment.reportedBeforeDetails);
  put('why-report-now', assessment?.whyNotReportedSooner);
  put('modern-slavery-indicators', yesNo(assessment?.modernSlaveryIndicators));
  put('modern-slavery-indicators-details', assessment?.modernSlaveryIndicatorsDetails);
  put('where-how-interview-carried-out', assessment?.interviews);
  put('professional-insight', assessment?.professionalInsight);
  put('evidence-of-dishonesty', yesNo(assessment?.credibilityConcerns));
  put('evidence-of-dishonesty-details', assessment?.credibilityConcernsDetails);
  put('are-others-involved', yesNo(assessment?.othersInvolved));
  put('are-others-involved-details', assessment?.othersInvolvedDetails);
  put('where-exploitation-happened', LOCATION[ex.location]);
  (ex.ukTowns ?? []).slice(0, 10).forEach((town, i) => put(`where-exploitation-happened-uk-city-${i + 1}`, town));
  put('where-exploitation-happened-other-uk-other-location', ex.otherUkLocation);
  (ex.countries ?? []).slice(0, 10).forEach((code, i) => put(`where-exploitation-happened-overseas-country-${i + 1}`, homeOfficeCountryOf(code) ?? code));
  put('where-exploitation-happened-other-overseas-other-location', ex.otherOverseasLocation);
  put('current-pv-location-uk-city', pv.currentLocation?.town);
  put('current-pv-location-uk-region', pv.currentLocation?.region);
  put('who-exploited-pv', exploiters?.details);
  put('exploiters-location', yesNo(exploiters?.locationKnown));
  put('are-exploiters-in-the-uk', yesNo(exploiters?.inUk));
  put('exploiters-current-location-details', exploiters?.locationDetails);
  for (const type of ex.homeOfficeTypes ?? []) put(`types-of-exploitation-${type}`, 'true');
  put('other-exploitation-details', ex.otherDetails);
  put('any-other-pvs', yesNoNotSure(ex.otherVictims));
  if (ex.otherVictims === 'yes') put('other-potential-victims-yes-details', ex.otherVictimsDetails);
  if (ex.otherVictims === 'not_sure') put('other-potential-victims-not-sure-details', ex.otherVictimsDetails);
  put('future-exploitation-concerns', yesNo(ex.futureRisk));
  put('future-exploitation-reasons', ex.futureRiskReasons);
  // The form's question is whether there is a crime reference: the force is asked only with one.
  const police = referral.police;
  put('reported-to-police', police ? (police.crimeReference ? 'yes' : 'no') : undefined);
  put('reported-to-police-police-forces', police?.crimeReference ? police.force : undefined);
  put('reported-to-police-crime-reference', police?.crimeReference);
  put('authorities-cooperation', yesNo(referral.cooperatesWithAuthorities));
  put('authorities-cooperation-details', referral.cooperationDetails);
  // An NRM referral is made with the adult's consent, or for a child without it: either way the form's answer is yes.
  put('pv-want-to-submit-nrm', referral.kind === 'dtn' ? 'no' : 'yes');
  put('refuse-nrm', referral.declinedNrmReason);
  put('does-pv-need-support', yesNo(pv.needsSupport));
  const phoneAnswer = contact?.phone ? 'yes' : contact?.alternativePhone ? 'pv-alternative-number' : contact?.noPhoneReason ? 'no' : undefined;
  put('pv-phone-number', phoneAnswer);
  put('pv-phone-number-yes', contact?.phone);
  if (phoneAnswer === 'pv-alternative-number') {
    put('pv-phone-number-alternative', contact?.alternativePhone);
    put('alternative-number-relation-to-pv', contact?.alternativePhoneRelation);
  }
  if (phoneAnswer === 'no') put('no-contact-details', contact?.noPhoneReason);
  put('pv-name-first-name', pv.firstName);
  put('pv-name-last-name', pv.lastName);
  put('pv-name-nickname', pv.aliases?.length ? pv.aliases.join(', ') : undefined);
  put('pv-dob', pv.dateOfBirth);
  put('pv-gender', GENDER[pv.gender]);
  put('does-pv-have-children', yesNo(pv.hasChildren));
  put('does-pv-have-children-yes-amount', pv.numberOfChildren === undefined ? undefined : String(pv.numberOfChildren));
  put('pv-nationality', homeOfficeNationalityOf(pv.nationality) ?? pv.nationality);
  put('pv-nationality-second', pv.secondNationality ? (homeOfficeNationalityOf(pv.secondNationality) ?? pv.secondNationality) : undefined);
  put('pv-interpreter-requirements', pv.interpreterLanguage ? 'yes' : undefined);
  put('pv-interpreter-requirements-language', pv.interpreterLanguage);
  put('pv-other-help-with-communication', yesNo(pv.needsCommunicationHelp));
  put('pv-other-help-with-communication-aid', pv.communicationAid);
  put('pv-ho-reference', pv.homeOfficeReference ? 'yes' : undefined);
  put('pv-ho-reference-type', pv.homeOfficeReference);
  put('who-contact', recipient ? 'someone-else' : contact?.email || contact?.street ? 'potential-victim' : undefined);
  if (recipient) {
    put('someone-else', [recipient.email ? 'email' : '', recipient.street ? 'post' : ''].filter(Boolean).join(',') || undefined);
    put('someone-else-first-name', recipient.firstName);
    put('someone-else-last-name', recipient.lastName);
    put('someone-else-email-input', recipient.email);
    put('someone-else-street', recipient.street);
    put('someone-else-town', recipient.town);
    put('someone-else-county', recipient.county);
    put('someone-else-postcode', recipient.postcode);
    put('someone-else-permission-check', checked(recipient.permissionGiven, 'someone-else-permission-check'));
  }
  put('pv-contact-details', [contact?.email ? 'email' : '', contact?.street ? 'post' : ''].filter(Boolean).join(',') || undefined);
  put('pv-contact-details-email-input', contact?.email);
  put('pv-contact-details-email-check', checked(contact?.safeToEmail, 'pv-contact-details-email-check'));
  put('pv-contact-details-street', contact?.street);
  put('pv-contact-details-town', contact?.town);
  put('pv-contact-details-county', contact?.county);
  put('pv-contact-details-postcode', contact?.postcode);
  put('pv-contact-details-post-check', checked(contact?.safeToPost, 'pv-contact-details-post-check'));
  const [frFirst, frLast] = splitName(fr.name);
  put('fr-details-first-name', frFirst);
  put('fr-details-last-name', frLast || undefined);
  put('fr-details-role', fr.role);
  put('fr-details-phone', fr.phone);
  put('fr-alternative-contact', fr.alternativeEmail);
  put('what-evidence-you-will-submit', assessment?.evidence);
  return Object.fromEntries(answers.filter((a): a is [string, string] => typeof a[1] === 'string' && a[1] !== ''));
}
