import type { Principal } from '@app/auth';
import { countryByAlpha3, statisticsNationalityLabel } from '@app/countries';
import { HOME_OFFICE_TYPE_LABELS, ageOn, decideRoute, toIsoDate, type FieldViolation, type Referral } from '@app/domain';
import { answerValue, dateField, inSentence, longDate, parseTypedDate, type FieldDescription, type FormBody, type FormErrors } from '@app/web';
import type { CreatedReferralView, ReferralSummaryView, ReferralView } from '../referrals/referral.presenter';
import type { ListReferralsQuery } from '../referrals/dto/list-referrals.query';
import { DETAILS_FIELDS, EXPLOITATION_GROUPS, formValues, GENDERS, nationalityOptions, ORGANISATION_TYPES, selectItems } from './referral-form.presenter';
import type { DetailsShape, ReferralDraft } from './referral-journey';
import { paginationOf } from './pagination';

export const SYSTEM_NAMES: Record<string, string> = {
  LCS: "the children's case system (LCS)",
  AIS: "the adults' case system (AIS)",
};

export const KIND_NAMES: Record<string, string> = { nrm: 'NRM referral', dtn: 'Duty to Notify notification' };

export const STATUS_NAMES: Record<string, { text: string; colour: string }> = {
  accepted: { text: 'Accepted', colour: 'blue' },
  routed: { text: 'Sent', colour: 'green' },
  routing_failed: { text: 'Not sent', colour: 'red' },
};

const TRANSITION_REASONS: Record<string, string> = {
  eighteenth_birthday: '18th birthday',
  age_assessment_adult: 'Age assessment found an adult',
  age_assessment_child: 'Age assessment found a child',
  adult_services_accepted: 'Adult services accepted',
  adult_safeguarding_concern: 'Adult safeguarding concern raised',
};

const YES_NO: Record<string, string> = { yes: 'Yes', no: 'No', not_sure: 'Not sure' };

/** The details page: which sections it shows (from the domain's rules) and the answers so far. */
export function detailsView(
  draft: ReferralDraft,
  shape: DetailsShape,
  form: FormBody,
  errors: FormErrors | undefined,
  principal: Principal,
): Record<string, unknown> {
  const values = formValues(form);
  const shows = (field: string) => !shape.withheld.has(field);
  const fieldErrors = Object.fromEntries(Object.entries(errors?.fields ?? {}).map(([path, text]) => [path, { text }]));
  return {
    title: shape.kind === 'dtn' ? 'Duty to Notify: the details' : 'Referral details',
    backLink: shape.child ? '/referrals/new' : '/referrals/new/consent',
    shape,
    kindName: KIND_NAMES[shape.kind],
    anonymous: shape.kind === 'dtn' && !shows('firstName'),
    ageSummary: YES_NO[draft.under18],
    shows: {
      names: shows('firstName'),
      aliases: shows('aliases'),
      dateOfBirth: shows('dateOfBirth'),
      nhsNumber: shows('nhsNumber'),
      homeOfficeReference: shows('homeOfficeReference'),
      contact: shows('contact'),
    },
    organisationFixed: principal.role === 'first_responder' ? principal.org : undefined,
    values,
    errors,
    fieldErrors,
    exploitationTypes: EXPLOITATION_GROUPS,
    genders: GENDERS,
    organisationTypes: selectItems(ORGANISATION_TYPES, values['firstResponder.organisationType'] as string | undefined),
    nationalities: selectItems(nationalityOptions(), values['potentialVictim.nationality'] as string | undefined, 'Select a nationality'),
    secondNationalities: selectItems(nationalityOptions(), values['potentialVictim.secondNationality'] as string | undefined, 'None'),
  };
}

/**
 * One nationality or two, joined in words ("Syrian and Lebanese"): the Home Office tables' combined label, "Syrian
 * Lebanese", reads on a page as one nationality.
 */
export function nationalityWords(first: string, second?: string | null): string {
  const labels = [statisticsNationalityLabel(first)];
  if (second && second !== first) labels.push(statisticsNationalityLabel(second));
  return labels.join(' and ');
}

const LOCATIONS: Record<string, string> = { uk: 'UK', overseas: 'Overseas', uk_and_overseas: 'UK and overseas' };
const ENUM_TEXT: Readonly<Partial<Record<string, Readonly<Partial<Record<string, string>>>>>> = {
  'potentialVictim.gender': Object.fromEntries(GENDERS.map((g) => [g.value, g.text])),
  'firstResponder.organisationType': Object.fromEntries(ORGANISATION_TYPES.map((o) => [o.value, o.text])),
  'exploitation.types': Object.fromEntries(EXPLOITATION_GROUPS.map((e) => [e.value, e.text])),
  'exploitation.homeOfficeTypes': HOME_OFFICE_TYPE_LABELS,
  'exploitation.location': LOCATIONS,
};
const COUNTRY_PATHS = new Set(['potentialVictim.nationality', 'potentialVictim.secondNationality', 'exploitation.countries']);

/** One answer as a person reads it back: names for codes, a date in words, lists one to a line. */
function answerText(path: string, value: unknown): string {
  const one = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? 'Yes' : 'No';
    const text = String(v);
    if (COUNTRY_PATHS.has(path)) return text === 'ZZZ' ? 'Not known' : (countryByAlpha3(text)?.name ?? text);
    const names = ENUM_TEXT[path];
    if (names) return names[text] ?? text;
    if ((path.endsWith('startDate') || path.endsWith('dateOfBirth')) && /^\d{4}(-\d{2}){0,2}$/.test(text)) return longDate(text);
    return text;
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), body);
}

const CHECK_SECTIONS: ReadonlyArray<{ title: string; prefixes: readonly string[] }> = [
  { title: 'The potential victim', prefixes: ['potentialVictim.', 'cooperatesWithAuthorities'] },
  { title: 'The exploitation', prefixes: ['exploitation.', 'narrative'] },
  { title: 'Who else has been told', prefixes: ['localAuthorityContact.', 'police.'] },
  { title: 'About you', prefixes: ['firstResponder.'] },
];

/**
 * Where an answer is changed: the page that asks it. Co-operation is asked with consent for an adult (on the details
 * page only for a child); a first responder's organisation comes with their sign-in, so no page changes it.
 */
function changeLink(path: string, field: FieldDescription, shape: DetailsShape, options: { organisationFixed?: boolean }): { items: unknown[] } | undefined {
  if (path === 'firstResponder.organisation' && options.organisationFixed) return undefined;
  const href = path === 'cooperatesWithAuthorities' && !shape.asksCooperation ? '/referrals/new/consent' : `/referrals/new/details#${field.target}`;
  return { items: [{ href, text: 'Change', visuallyHiddenText: inSentence(field.label) }] };
}

/**
 * "Check your answers": the validated details read back section by section, each with a link to change it, and
 * the warnings a person should look at before sending (the answers themselves stay on the server for the journey).
 */
export function checkAnswersView(
  draft: ReferralDraft,
  shape: DetailsShape,
  body: object,
  now = new Date(),
  options: { organisationFixed?: boolean } = {},
): Record<string, unknown> {
  const changeAge = (text: string, href: string) => ({ items: [{ href, text: 'Change', visuallyHiddenText: inSentence(text) }] });
  const earlier = [
    { key: { text: 'Under 18' }, value: { text: YES_NO[draft.under18] }, actions: changeAge('Under 18', '/referrals/new') },
    ...(draft.under18DuringExploitation
      ? [
          {
            key: { text: 'Under 18 during the exploitation' },
            value: { text: YES_NO[draft.under18DuringExploitation] },
            actions: changeAge('Under 18 during the exploitation', '/referrals/new'),
          },
        ]
      : []),
    ...(draft.ageDisputed ? [{ key: { text: 'Age disputed' }, value: { text: 'Yes' }, actions: changeAge('Age disputed', '/referrals/new') }] : []),
    ...(!shape.child && draft.consentToNrm !== undefined
      ? [
          {
            key: { text: 'Consents to an NRM referral' },
            value: { text: draft.consentToNrm ? 'Yes' : 'No' },
            actions: changeAge('Consents to an NRM referral', '/referrals/new/consent'),
          },
        ]
      : []),
  ];
  const sections = CHECK_SECTIONS.map(({ title, prefixes }) => ({
    title,
    rows: Object.entries(DETAILS_FIELDS)
      .filter(([path]) => prefixes.some((p) => path === p || path.startsWith(p)))
      .map(([path, field]) => ({ path, field, value: valueAt(body, path) }))
      .filter((row) => row.value !== undefined && row.value !== null && row.value !== '')
      .map((row) => ({
        key: { text: row.field.label },
        value: answerValue(answerText(row.path, row.value)),
        actions: changeLink(row.path, row.field, shape, options),
      })),
  })).filter((section) => section.rows.length > 0);
  return {
    title: 'Check your answers before sending',
    backLink: '/referrals/new/details',
    kindName: KIND_NAMES[shape.kind],
    submitText: shape.kind === 'dtn' ? 'Submit notification' : 'Submit referral',
    sections: [{ title: `The ${KIND_NAMES[shape.kind]}`, rows: earlier }, ...sections],
    warnings: referralWarnings(body, now),
  };
}

/**
 * What the answers say that a person should look at again before sending. Where the age answers and the date of
 * birth disagree the referral is still accepted and takes the child route (MSA 2015 s.51), so this is a warning,
 * not an error: shown here, before Submit, rather than discovered on the confirmation page.
 */
export function referralWarnings(body: Partial<Referral>, now = new Date()): string[] {
  const dateOfBirth = body.potentialVictim?.dateOfBirth;
  if (!body.age || !dateOfBirth) return [];
  const route = decideRoute({ age: body.age, dateOfBirth, referredAt: now.toISOString() });
  const age = ageOn(dateOfBirth, toIsoDate(now));
  // A conflict rests on the date of birth, so it always gives an age.
  if (!route.conflict || age === undefined) return [];
  const answered = body.age.under18 === 'yes' ? 'You answered that they are under 18' : 'You answered that they are not under 18';
  return [
    `${answered}, but the date of birth makes them ${age}. Check both answers. If you send it as it is, they will be treated as a child until the local authority assesses their age.`,
  ];
}

/**
 * GOV.UK's "Report modern slavery as a first responder", which leads to the Home Office's online form for an NRM
 * referral or a Duty to Notify (the form has no API). Linked through GOV.UK so the link follows the service.
 */
export const HOME_OFFICE_SERVICE_URL = 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder';

/** The submission form's fields, for the error summary and inline messages. */
export const SUBMISSION_FIELDS = {
  submittedAt: { target: 'submittedAt-day', label: 'Date submitted', missing: 'Enter the date it was submitted to the Home Office' },
  reference: { target: 'reference', label: 'Home Office reference', missing: 'Enter the reference the Home Office gave it' },
  competentAuthority: { target: 'competentAuthority', label: 'Competent authority', missing: 'Select the competent authority' },
} as const;

const COMPETENT_AUTHORITY_NAMES: Readonly<Record<string, string>> = {
  SCA: 'Single Competent Authority (SCA)',
  IECA: 'Immigration Enforcement Competent Authority (IECA)',
};

/**
 * Referral Hub records the referral for the council; it does not send it to the Home Office, so the page says so
 * and where it must be submitted, rather than what the Home Office will do with it.
 */
export function confirmationView(referral: CreatedReferralView): Record<string, unknown> {
  return {
    homeOfficeUrl: HOME_OFFICE_SERVICE_URL,
    title: referral.kind === 'dtn' ? 'Notification logged for the council' : 'Referral logged for the council',
    referral,
    kindName: KIND_NAMES[referral.kind],
    systemName: SYSTEM_NAMES[referral.route.system],
  };
}

export interface ListFilters {
  kind?: string;
  status?: string;
  caseSystem?: string;
  organisation?: string;
  from?: string;
  to?: string;
}

export const LIST_FIELDS: Record<string, FieldDescription> = {
  kind: { target: 'kind', label: 'Kind', missing: 'Select a kind from the list' },
  status: { target: 'status', label: 'Status', missing: 'Select a status from the list' },
  caseSystem: { target: 'caseSystem', label: 'Case system', missing: 'Select a case system from the list' },
  organisation: { target: 'organisation', label: 'Organisation' },
  from: { target: 'from', label: 'Referred from' },
  to: { target: 'to', label: 'Referred to' },
  personId: { target: 'main-content', label: 'Person', missing: 'The person in the address is not a person in Referral Hub: open the list again' },
  pageSize: { target: 'main-content', label: 'Page size', missing: 'The page size in the address must be a whole number from 1 to 200' },
};

/** The list's address with the filters given (dates as typed) and a page. */
export function listLink(filters: Record<string, unknown>, page: number): string {
  const kept = Object.entries(filters).filter((entry): entry is [string, string] => entry[0] !== 'page' && typeof entry[1] === 'string' && entry[1] !== '');
  return `/referrals?${new URLSearchParams([...kept, ['page', String(page)]]).toString()}`;
}

/**
 * The list's filters as the API's query takes them: a date typed as people write it, or given as a GOV.UK date
 * input's day, month and year (from-day, from-month, from-year), becomes YYYY-MM-DD; one that cannot be read is a
 * violation naming its filter.
 */
export function readListFilters(raw: Record<string, unknown>): { query: Record<string, unknown>; errors: FieldViolation[] } {
  // The dates go back in only as read.
  const query: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([key]) => !/^(from|to)(-(day|month|year))?$/.test(key)));
  const errors: FieldViolation[] = [];
  for (const name of ['from', 'to'] as const) {
    const given = raw[name];
    const typed = typeof given === 'string' ? given.trim() : '';
    const parts = dateField(raw as FormBody, name);
    const written = typed || (parts && parts !== '--' ? parts : '');
    if (!written) continue;
    const date = parseTypedDate(written);
    if (date) query[name] = date;
    else {
      errors.push({ path: name, message: `Enter the date ${name === 'from' ? 'referred from' : 'referred to'} as a real date, like 5/12/2026` });
    }
  }
  return { query, errors };
}

type Placed = Pick<ReferralSummaryView, 'route' | 'caseRecord'>;

/**
 * Where a referral is, in words that stay true after a move or a failed delivery: "Sent to" while its case system
 * holds it where it was routed, "First sent to" and "Held in" once the case has moved (turning 18, an age
 * assessment), and "To be sent to" until a case system has it (not sent yet, or refused).
 */
export function placeRows(view: Placed): Array<{ key: { text: string }; value: { text: string } }> {
  const routed = SYSTEM_NAMES[view.route.system] ?? view.route.system;
  const held = view.caseRecord?.system;
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  if (!held) return [row('To be sent to', routed)];
  if (held === view.route.system) return [row('Sent to', routed)];
  return [row('First sent to', routed), row('Held in', SYSTEM_NAMES[held] ?? held)];
}

/** The list's "Held in" column: the system that holds the case now (its filter), and where it was first sent. */
export function heldInText(view: Placed): string {
  const held = view.caseRecord?.system;
  if (!held) return `Not yet: to be sent to ${view.route.system}`;
  return held === view.route.system ? held : `${held} (first sent to ${view.route.system})`;
}

/** The routing explanation as stored (its dates ISO 8601), with each date as the pages write dates: "7 December 2026". */
export function routeWhy(explanation: string): string {
  return explanation.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => longDate(day) || day);
}

/** The referrals table and its filters; no personal data is listed (as the API's list). */
export function listView(
  result: { items: ReferralSummaryView[]; page: number; pageSize: number; total: number },
  query: ListReferralsQuery,
  principal: Principal,
  typed: Record<string, unknown> = {},
): Record<string, unknown> {
  const asTyped = (name: 'from' | 'to'): string | undefined => {
    const date = query[name];
    const text = typed[name];
    return date ? longDate(date) : typeof text === 'string' ? text : undefined;
  };
  const filters: ListFilters = {
    kind: query.kind,
    status: query.status,
    caseSystem: query.caseSystem,
    organisation: query.organisation,
    from: asTyped('from'),
    to: asTyped('to'),
  };
  // The page links keep every filter the list was asked for, a person's included (it has no control of its own).
  const link = (page: number) => listLink({ ...filters, personId: query.personId }, page);
  return {
    title: principal.role === 'first_responder' && principal.org ? `Referrals from ${principal.org}` : 'Referrals',
    lead: principal.role === 'safeguarding_lead',
    filters,
    kinds: [{ value: '', text: 'Any' }, ...Object.entries(KIND_NAMES).map(([value, text]) => ({ value, text, selected: value === filters.kind }))],
    statuses: [{ value: '', text: 'Any' }, ...Object.entries(STATUS_NAMES).map(([value, s]) => ({ value, text: s.text, selected: value === filters.status }))],
    systems: [{ value: '', text: 'Any' }, ...['LCS', 'AIS'].map((value) => ({ value, text: value, selected: value === filters.caseSystem }))],
    total: result.total,
    rows: result.items.map((r) => ({
      id: r.id,
      reference: r.reference,
      referredAt: r.referredAt,
      kind: KIND_NAMES[r.kind],
      organisation: r.organisation,
      heldIn: heldInText(r),
      status: STATUS_NAMES[r.status] ?? { text: r.status, colour: 'grey' },
      personId: r.personId,
      anonymous: r.anonymous,
    })),
    pagination: paginationOf(result, link),
  };
}

/** One referral, as its first responder or a safeguarding lead may read it (the read is audited). */
export function referralView(view: ReferralView, principal: Principal, chosenAuthority?: unknown): Record<string, unknown> {
  const victim = view.referral.potentialVictim;
  const exploitation = view.referral.exploitation;
  const row = (key: string, value: string | undefined | null) => (value ? { key: { text: key }, value: { text: value } } : undefined);
  return {
    title: `Referral ${view.reference}`,
    view,
    lead: principal.role === 'safeguarding_lead',
    kindName: KIND_NAMES[view.kind],
    status: STATUS_NAMES[view.status] ?? { text: view.status, colour: 'grey' },
    systemName: SYSTEM_NAMES[view.route.system],
    placeRows: [
      ...placeRows(view),
      row('Why', routeWhy(view.route.explanation)),
      row('Case record', view.caseRecord ? `${view.caseRecord.system} ${view.caseRecord.recordId}` : 'Not yet recorded'),
    ],
    victimRows: [
      row('Name', [victim.firstName, victim.lastName].filter(Boolean).join(' ') || (view.kind === 'dtn' ? 'Not given (Duty to Notify)' : 'Not given')),
      row('Other names', victim.aliases?.join(', ')),
      row('Date of birth', victim.dateOfBirth ? `${longDate(victim.dateOfBirth)}${victim.dateOfBirthEstimated ? ' (estimated)' : ''}` : undefined),
      row('Gender', GENDERS.find((g) => g.value === victim.gender)?.text),
      row('Nationality', nationalityWords(victim.nationality, victim.secondNationality)),
      row('Under 18', YES_NO[view.referral.age.under18]),
      row('Age disputed', view.referral.age.ageDisputed ? 'Yes' : undefined),
    ].filter(Boolean),
    exploitationRows: [
      row('Types', exploitation.types.map((t) => EXPLOITATION_GROUPS.find((g) => g.value === t)?.text ?? t).join(', ')),
      row('As the Home Office form asks', exploitation.homeOfficeTypes?.map((t) => HOME_OFFICE_TYPE_LABELS[t]).join(', ')),
      row('County lines', exploitation.countyLines ? 'Yes' : undefined),
      row('Other exploitation', exploitation.otherDetails),
      row('Where', { uk: 'UK', overseas: 'Overseas', uk_and_overseas: 'UK and overseas' }[exploitation.location]),
      row('UK towns or cities', exploitation.ukTowns?.join(', ')),
      row('Countries', exploitation.countries?.map((c) => countryByAlpha3(c)?.name ?? c).join(', ')),
      row('Started', longDate(exploitation.startDate)),
    ].filter(Boolean),
    transitions: view.transitions.map((t) => ({ ...t, reasonText: TRANSITION_REASONS[t.reason] ?? t.reason })),
    homeOfficeUrl: HOME_OFFICE_SERVICE_URL,
    submissionRows: view.homeOfficeSubmission
      ? [
          { key: { text: 'Submitted' }, value: { text: longDate(view.homeOfficeSubmission.submittedAt.slice(0, 10)) } },
          { key: { text: 'Home Office reference' }, value: { text: view.homeOfficeSubmission.reference } },
          { key: { text: 'Competent authority' }, value: { text: COMPETENT_AUTHORITY_NAMES[view.homeOfficeSubmission.competentAuthority] } },
        ]
      : null,
    competentAuthorities: Object.entries(COMPETENT_AUTHORITY_NAMES).map(([value, text]) => ({ value, text, checked: value === chosenAuthority })),
  };
}

export { TRANSITION_REASONS };
