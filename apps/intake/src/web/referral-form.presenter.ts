import worldCountries from 'world-countries';
import type { Principal } from '@app/auth';
import { countryByAlpha3, isAlpha3, toAlpha3, UNKNOWN_NATIONALITY } from '@app/countries';
import { HOME_OFFICE_EXPLOITATION_TYPES, type FieldViolation, type HomeOfficeExploitationType } from '@app/domain';
import { HOME_OFFICE_QUESTIONS } from '../referrals/home-office-questions';
import {
  compact,
  dateField,
  formErrors,
  linesField,
  listField,
  section,
  textField,
  yesNoField,
  type FieldDescription,
  type FormBody,
  type FormErrors,
} from '@app/web';
import type { DetailsShape, ReferralDraft } from './referral-journey';

// Wording follows the Home Office "Report modern slavery" form (docs/domain.md, "The referral") where it has a question.

export const AGE_FIELDS: Record<string, FieldDescription> = {
  under18: { target: 'under18', label: 'Whether they are under 18', missing: 'Select whether the potential victim is under 18' },
  under18DuringExploitation: {
    target: 'under18DuringExploitation',
    label: 'Under 18 during the exploitation',
    missing: 'Select whether they were under 18 at any time during the exploitation',
  },
  ageDisputed: { target: 'ageDisputed', label: 'Age disputed' },
};

export const CONSENT_FIELDS: Record<string, FieldDescription> = {
  cooperatesWithAuthorities: {
    target: 'cooperatesWithAuthorities',
    label: 'Co-operation',
    missing: 'Select whether the potential victim is willing to co-operate with the authorities',
  },
  consentToNrm: { target: 'consentToNrm', label: 'Consent', missing: 'Select whether the potential victim consents to being referred to the NRM' },
};

/** The details page's answers by API path: the input an error links to, and how a message names it. */
export const DETAILS_FIELDS: Record<string, FieldDescription> = {
  'localAuthorityContact.authority': {
    target: 'localAuthorityContact-authority',
    label: 'Local authority',
    missing: 'Enter the local authority you contacted about the child',
  },
  'localAuthorityContact.phone': {
    target: 'localAuthorityContact-phone',
    label: "The local authority's phone number",
    missing: "Enter the local authority's phone number",
  },
  'localAuthorityContact.email': {
    target: 'localAuthorityContact-email',
    label: "The local authority's email address",
    missing: "Enter the local authority's email address, like name@example.gov.uk",
  },
  'localAuthorityContact.name': { target: 'localAuthorityContact-name', label: 'Contact name' },
  'exploitation.types': { target: 'exploitation-types', label: 'How they were exploited', missing: 'Select how the potential victim was exploited' },
  'exploitation.homeOfficeTypes': { target: 'exploitation-types', label: 'What happened, as the Home Office form asks' },
  'exploitation.countyLines': { target: 'exploitation-countyLines', label: 'County lines' },
  'exploitation.otherDetails': { target: 'exploitation-otherDetails', label: 'Other exploitation', missing: 'Describe the other exploitation' },
  'exploitation.location': { target: 'exploitation-location', label: 'Where they were exploited', missing: 'Select where the potential victim was exploited' },
  'exploitation.ukTowns': {
    target: 'exploitation-ukTowns',
    label: 'UK towns or cities',
    missing: 'Enter up to 10 UK towns or cities, one on each line',
    // The rule's message names the API's fields (location, countries, ukTowns); the page says it in the form's words.
    refusals: [
      {
        when: /^location is "overseas"/,
        text: 'Enter the countries where they were exploited, or select UK or UK and overseas if they were exploited in the UK',
      },
    ],
  },
  'exploitation.countries': {
    target: 'exploitation-countries',
    label: 'Countries',
    missing: 'Enter each country by its name, one on each line, like Albania',
    refusals: [
      {
        when: /^location is "uk"/,
        text: 'Enter the UK towns or cities where they were exploited, or select Overseas or UK and overseas if they were exploited outside the UK',
      },
    ],
  },
  'exploitation.startDate': { target: 'exploitation-startDate-day', label: 'The date the exploitation started' },
  'exploitation.ongoing': { target: 'exploitation-ongoing', label: 'Still in an exploitative situation' },
  'police.force': { target: 'police-force', label: 'Police force', missing: 'Enter the police force, or leave the crime reference empty too' },
  'police.crimeReference': { target: 'police-crimeReference', label: 'Crime reference' },
  cooperatesWithAuthorities: { target: 'cooperatesWithAuthorities', label: 'Co-operation' },
  'potentialVictim.firstName': { target: 'potentialVictim-firstName', label: 'First name', missing: 'Enter their first name, or leave it empty' },
  'potentialVictim.lastName': { target: 'potentialVictim-lastName', label: 'Last name', missing: 'Enter their last name, or leave it empty' },
  'potentialVictim.aliases': { target: 'potentialVictim-aliases', label: 'Other names' },
  'potentialVictim.dateOfBirth': { target: 'potentialVictim-dateOfBirth-day', label: 'Date of birth' },
  'potentialVictim.dateOfBirthEstimated': { target: 'potentialVictim-dateOfBirthEstimated', label: 'Estimated date of birth' },
  'potentialVictim.gender': { target: 'potentialVictim-gender', label: 'Gender', missing: "Select the potential victim's gender" },
  'potentialVictim.nationality': { target: 'potentialVictim-nationality', label: 'Nationality', missing: "Select the potential victim's nationality" },
  'potentialVictim.secondNationality': {
    target: 'potentialVictim-secondNationality',
    label: 'Second nationality',
    missing: 'Select a second nationality, or leave it empty',
  },
  'potentialVictim.nhsNumber': { target: 'potentialVictim-nhsNumber', label: 'NHS number' },
  'potentialVictim.homeOfficeReference': { target: 'potentialVictim-homeOfficeReference', label: 'Home Office reference' },
  'potentialVictim.interpreterLanguage': { target: 'potentialVictim-interpreterLanguage', label: 'Interpreter language' },
  'potentialVictim.contact.email': {
    target: 'potentialVictim-contact-email',
    label: 'Their email address',
    missing: 'Enter their email address in the correct format, like name@example.com',
  },
  'potentialVictim.contact.phone': { target: 'potentialVictim-contact-phone', label: 'Their phone number' },
  'potentialVictim.contact.street': { target: 'potentialVictim-contact-street', label: 'Their building and street' },
  'potentialVictim.contact.town': { target: 'potentialVictim-contact-town', label: 'Their town or city' },
  'potentialVictim.contact.county': { target: 'potentialVictim-contact-county', label: 'Their county' },
  'potentialVictim.contact.postcode': { target: 'potentialVictim-contact-postcode', label: 'Their postcode' },
  narrative: { target: 'narrative', label: 'What happened' },
  'firstResponder.organisation': { target: 'firstResponder-organisation', label: 'Organisation', missing: 'Enter your organisation' },
  'firstResponder.organisationType': {
    target: 'firstResponder-organisationType',
    label: 'Type of organisation',
    missing: 'Select the type of your organisation',
  },
  'firstResponder.name': { target: 'firstResponder-name', label: 'Your name', missing: 'Enter your full name' },
  'firstResponder.role': { target: 'firstResponder-role', label: 'Your role', missing: 'Enter your role' },
  'firstResponder.email': {
    target: 'firstResponder-email',
    label: 'Your work email address',
    missing: 'Enter your work email address in the correct format, like name@example.gov.uk',
  },
  'firstResponder.phone': { target: 'firstResponder-phone', label: 'Your phone number' },
  'firstResponder.reference': { target: 'firstResponder-reference', label: 'Your reference' },
};

/** What the local-authority section must hold (`LocalAuthorityContactDto`): the contact's name is optional. */
const LOCAL_AUTHORITY_REQUIRED = ['authority', 'phone', 'email'] as const;

/** Errors about answers given on the earlier pages link back there. */
function earlierPage(path: string): string | undefined {
  if (path === 'kind' || path.startsWith('age') || path === 'consentToNrm') return '/referrals/new';
  return undefined;
}

/**
 * The page's errors. On the adult journey a date of birth under 18 makes the rules ask for what only the child
 * journey asks (an NRM referral, a local-authority contact): that is said once, at the date of birth, with what to do.
 */
export function detailsErrors(violations: readonly FieldViolation[], shape?: Pick<DetailsShape, 'child'>): FormErrors {
  const childRules = (v: FieldViolation) => (v.path === 'kind' || v.path === 'localAuthorityContact') && /may be under 18/.test(v.message);
  if (shape && !shape.child && violations.some(childRules)) {
    violations = [
      ...violations.filter((v) => !childRules(v) && !(v.path === 'consentToNrm' && /adult/.test(v.message))),
      { path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth is that of someone under 18: correct it, or go back and answer that they are under 18' },
    ];
  }
  // On the child journey the whole local-authority section left empty is every field of it missing, said at once,
  // not the authority now and its phone and email on the next round.
  if (shape?.child && violations.some((v) => v.path === 'localAuthorityContact' && childRules(v))) {
    violations = violations.flatMap((v) =>
      v.path === 'localAuthorityContact' && childRules(v)
        ? LOCAL_AUTHORITY_REQUIRED.map((field) => ({ path: `localAuthorityContact.${field}`, message: `${field} should not be empty` }))
        : [v],
    );
  }
  // Statistics types and detailed ones that disagree: on this page, a type selected with nothing under it.
  violations = violations.map((v) =>
    v.path === 'exploitation.types' && /homeOfficeTypes imply/.test(v.message)
      ? { path: 'exploitation.homeOfficeTypes', message: 'Select what happened under each type of exploitation you selected, or under none of them' }
      : v,
  );
  return formErrors(violations, DETAILS_FIELDS, earlierPage);
}

/**
 * The form's detailed types from the page: those ticked under each type selected, and the one detailed type of a
 * type that has only one (criminal exploitation is "forced to commit a crime"). None when a type that has several
 * was selected with nothing ticked under it and nothing is ticked under any other: the statistics types alone are
 * then the answer, as before the detailed ones were asked.
 */
export function detailedTypes(form: FormBody): HomeOfficeExploitationType[] | undefined {
  const selected = listField(form, 'exploitation.types');
  const ticked = listField(form, 'exploitation.homeOfficeTypes');
  const found = new Set<HomeOfficeExploitationType>();
  let undetailed = false;
  let detailed = false;
  for (const group of EXPLOITATION_GROUPS.filter((g) => selected.includes(g.value))) {
    if (group.details.length === 1) {
      found.add(group.details[0]);
      continue;
    }
    const mine = group.details.filter((d) => ticked.includes(d));
    if (mine.length === 0) undetailed = true;
    else detailed = true;
    for (const d of mine) found.add(d);
  }
  if (found.size === 0 || (undetailed && !detailed)) return undefined;
  return HOME_OFFICE_EXPLOITATION_TYPES.filter((t) => found.has(t));
}

/** The age page's answers. Under 18 during the exploitation is asked only of someone who is not under 18 now. */
export function ageAnswers(form: FormBody): Partial<ReferralDraft> {
  const under18 = textField(form, 'under18');
  return compact({
    under18: under18 as ReferralDraft['under18'] | undefined,
    under18DuringExploitation: under18 === 'no' ? (textField(form, 'under18DuringExploitation') as ReferralDraft['under18DuringExploitation']) : undefined,
    ageDisputed: listField(form, 'ageDisputed').includes('yes') ? true : undefined,
  });
}

/** Co-operation and consent (adults). Both are questions the journey needs answered to know what to ask next. */
export function consentAnswers(form: FormBody): { answers: Pick<ReferralDraft, 'consentToNrm' | 'cooperatesWithAuthorities'>; violations: FieldViolation[] } {
  const cooperatesWithAuthorities = yesNoField(form, 'cooperatesWithAuthorities');
  const consentToNrm = yesNoField(form, 'consentToNrm');
  const violations: FieldViolation[] = [];
  if (cooperatesWithAuthorities === undefined)
    violations.push({ path: 'cooperatesWithAuthorities', message: 'cooperatesWithAuthorities must be a boolean value' });
  if (consentToNrm === undefined) violations.push({ path: 'consentToNrm', message: 'consentToNrm must be a boolean value' });
  return { answers: { consentToNrm, cooperatesWithAuthorities }, violations };
}

/** A nationality or country as entered or chosen: its code when recognised, else as written for the API to refuse. */
function country(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (toAlpha3(value) ?? value);
}

/**
 * The referral the details page describes, in the API's own shape (POST /v1/referrals), for the API's own
 * validation. A first responder's organisation is theirs, whatever the form says.
 */
export function referralBody(draft: ReferralDraft, shape: DetailsShape, form: FormBody, principal: Principal): Record<string, unknown> {
  const t = (name: string) => textField(form, name);
  const cooperates = shape.asksCooperation ? yesNoField(form, 'cooperatesWithAuthorities') : draft.cooperatesWithAuthorities;
  return compact({
    kind: shape.kind,
    firstResponder: compact({
      organisation: principal.role === 'first_responder' ? principal.org : t('firstResponder.organisation'),
      organisationType: t('firstResponder.organisationType'),
      name: t('firstResponder.name'),
      role: t('firstResponder.role'),
      email: t('firstResponder.email'),
      phone: t('firstResponder.phone'),
      reference: t('firstResponder.reference'),
    }),
    age: compact({ under18: draft.under18, under18DuringExploitation: draft.under18DuringExploitation, ageDisputed: draft.ageDisputed }),
    consentToNrm: shape.child ? undefined : draft.consentToNrm,
    cooperatesWithAuthorities: cooperates,
    potentialVictim: compact({
      gender: t('potentialVictim.gender'),
      nationality: country(t('potentialVictim.nationality')),
      secondNationality: country(t('potentialVictim.secondNationality')),
      firstName: t('potentialVictim.firstName'),
      lastName: t('potentialVictim.lastName'),
      aliases: linesField(form, 'potentialVictim.aliases'),
      dateOfBirth: dateField(form, 'potentialVictim.dateOfBirth'),
      dateOfBirthEstimated: listField(form, 'potentialVictim.dateOfBirthEstimated').includes('yes') ? true : undefined,
      nhsNumber: t('potentialVictim.nhsNumber')?.replace(/\s+/g, ''),
      homeOfficeReference: t('potentialVictim.homeOfficeReference'),
      interpreterLanguage: t('potentialVictim.interpreterLanguage'),
      contact: section({
        email: t('potentialVictim.contact.email'),
        phone: t('potentialVictim.contact.phone'),
        street: t('potentialVictim.contact.street'),
        town: t('potentialVictim.contact.town'),
        county: t('potentialVictim.contact.county'),
        postcode: t('potentialVictim.contact.postcode'),
      }),
    }),
    exploitation: compact({
      types: listField(form, 'exploitation.types'),
      homeOfficeTypes: detailedTypes(form),
      countyLines: listField(form, 'exploitation.types').includes('criminal') && listField(form, 'exploitation.countyLines').includes('yes') ? true : undefined,
      otherDetails: listField(form, 'exploitation.types').includes('other') ? t('exploitation.otherDetails') : undefined,
      location: t('exploitation.location'),
      ukTowns: linesField(form, 'exploitation.ukTowns'),
      countries: linesField(form, 'exploitation.countries')?.map((c) => country(c) as string),
      startDate: dateField(form, 'exploitation.startDate', { partial: true }),
      ongoing: yesNoField(form, 'exploitation.ongoing'),
    }),
    localAuthorityContact: section({
      authority: t('localAuthorityContact.authority'),
      phone: t('localAuthorityContact.phone'),
      email: t('localAuthorityContact.email'),
      name: t('localAuthorityContact.name'),
    }),
    police: section({ force: t('police.force'), crimeReference: t('police.crimeReference') }),
    narrative: t('narrative'),
  });
}

export const ORGANISATION_TYPES = [
  { value: 'local_authority', text: 'Local authority' },
  { value: 'police', text: 'Police' },
  { value: 'ngo', text: 'Non-governmental organisation (NGO)' },
  { value: 'government_agency', text: 'Government agency' },
  { value: 'health', text: 'Health' },
  { value: 'other', text: 'Other' },
];

/** The form's words for one of its detailed types (its checkbox label). */
const formWords = (type: HomeOfficeExploitationType): string => HOME_OFFICE_QUESTIONS[`types-of-exploitation-${type}`]?.question ?? type;

/**
 * The statistics types, each with the form's detailed types under it (the form's checkboxes under its headings,
 * prompt sheet); organ harvesting is its own type in the statistics. A type with several detailed ones reveals them.
 */
export const EXPLOITATION_GROUPS: ReadonlyArray<{
  value: string;
  text: string;
  hint?: string;
  details: readonly HomeOfficeExploitationType[];
  detailItems: Array<{ value: string; text: string }>;
}> = [
  {
    value: 'labour',
    text: 'Labour and financial exploitation',
    hint: 'Forced to work for nothing or almost nothing, wages taken, or forced to commit fraud',
    details: ['forced-to-work', 'wages-taken', 'forced-to-commit-fraud'],
  },
  {
    value: 'sexual',
    text: 'Sexual exploitation',
    hint: 'Forced into prostitution, child sexual exploitation, or held and sexually assaulted',
    details: ['prostitution', 'child-exploitation', 'taken-somewhere'],
  },
  {
    value: 'criminal',
    text: 'Criminal exploitation',
    hint: 'Forced to commit a crime, for example growing cannabis, drug dealing or begging (includes county lines)',
    details: ['forced-to-commit-crime'],
  },
  {
    value: 'domestic_servitude',
    text: 'Domestic servitude',
    hint: 'Forced to do unpaid or low paid household work by relatives or strangers (may include forced marriage)',
    details: ['unpaid-household-work'],
  },
  { value: 'organ_harvesting', text: 'Organ harvesting', hint: 'Organs, such as kidneys, removed against their will', details: ['organs-removed'] },
  { value: 'other', details: ['other'], text: 'Other' },
].map((g) => ({
  ...g,
  details: g.details as HomeOfficeExploitationType[],
  detailItems: (g.details as HomeOfficeExploitationType[]).map((d) => ({ value: d, text: formWords(d) })),
}));

export const GENDERS = [
  { value: 'female', text: 'Female' },
  { value: 'male', text: 'Male' },
  { value: 'other', text: 'They do not identify as male or female' },
];

let countryOptions: Array<{ value: string; text: string }> | undefined;

/** Every nationality the API accepts, by country name, and "Not known". */
export function nationalityOptions(): Array<{ value: string; text: string }> {
  countryOptions ??= [
    ...worldCountries
      .map((c) => c.cca3)
      .filter(isAlpha3)
      .map((code) => countryByAlpha3(code))
      .filter((c) => c !== undefined)
      .map((c) => ({ value: c.alpha3, text: c.name }))
      .sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
    { value: UNKNOWN_NATIONALITY, text: 'Not known' },
  ];
  return countryOptions;
}

/** A select's items with the current answer chosen and an empty first choice. */
export function selectItems(
  options: ReadonlyArray<{ value: string; text: string }>,
  chosen: string | undefined,
  empty = 'Select an option',
): Array<{ value: string; text: string; selected: boolean }> {
  return [{ value: '', text: empty, selected: !chosen }, ...options.map((o) => ({ ...o, selected: o.value === chosen }))];
}

/** The form's answers as written, for showing them again beside the errors. */
export function formValues(form: FormBody): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === '_csrf' || value === undefined) continue;
    values[key] = value;
  }
  values['exploitation.types'] = listField(form, 'exploitation.types');
  values['exploitation.homeOfficeTypes'] = listField(form, 'exploitation.homeOfficeTypes');
  values['exploitation.countyLines'] = listField(form, 'exploitation.countyLines');
  return values;
}
