import type { Principal } from '@app/auth';
import { combinedNationalityLabel, countryByAlpha3 } from '@app/countries';
import type { FormBody, FormErrors } from '@app/web';
import type { CreatedReferralView, ReferralSummaryView, ReferralView } from '../referrals/referral.presenter';
import type { ListReferralsQuery } from '../referrals/dto/list-referrals.query';
import { EXPLOITATION_GROUPS, formValues, GENDERS, nationalityOptions, ORGANISATION_TYPES, selectItems } from './referral-form.presenter';
import type { DetailsShape, ReferralDraft } from './referral-journey';

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
};

const YES_NO: Record<string, string> = { yes: 'Yes', no: 'No', not_sure: 'Not sure' };

/** The details page: which sections it shows (from the domain's rules) and the answers so far. */
export function detailsView(draft: ReferralDraft, shape: DetailsShape, form: FormBody, errors: FormErrors | undefined, principal: Principal): Record<string, unknown> {
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

export function confirmationView(referral: CreatedReferralView): Record<string, unknown> {
  return {
    title: referral.kind === 'dtn' ? 'Notification submitted' : 'Referral submitted',
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

/** The referrals table and its filters; no personal data is listed (as the API's list). */
export function listView(result: { items: ReferralSummaryView[]; page: number; pageSize: number; total: number }, query: ListReferralsQuery, principal: Principal): Record<string, unknown> {
  const filters: ListFilters = { kind: query.kind, status: query.status, caseSystem: query.caseSystem, organisation: query.organisation, from: query.from, to: query.to };
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => `/referrals?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(page) }).toString()}`;
  return {
    title: principal.role === 'first_responder' ? `Referrals from ${principal.org}` : 'Referrals',
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
      system: r.route.system,
      status: STATUS_NAMES[r.status] ?? { text: r.status, colour: 'grey' },
      personId: r.personId,
    })),
    pagination: pages > 1 ? {
      previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
      next: result.page < pages ? { href: link(result.page + 1) } : undefined,
      items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === result.page })),
    } : undefined,
  };
}

/** One referral, as its first responder or a safeguarding lead may read it (the read is audited). */
export function referralView(view: ReferralView, principal: Principal): Record<string, unknown> {
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
    victimRows: [
      row('Name', [victim.firstName, victim.lastName].filter(Boolean).join(' ') || (view.kind === 'dtn' ? 'Not given (Duty to Notify)' : 'Not given')),
      row('Other names', victim.aliases?.join(', ')),
      row('Date of birth', victim.dateOfBirth ? `${victim.dateOfBirth}${victim.dateOfBirthEstimated ? ' (estimated)' : ''}` : undefined),
      row('Gender', GENDERS.find((g) => g.value === victim.gender)?.text),
      row('Nationality', combinedNationalityLabel(victim.nationality, victim.secondNationality)),
      row('Under 18', YES_NO[view.referral.age.under18]),
      row('Age disputed', view.referral.age.ageDisputed ? 'Yes' : undefined),
    ].filter(Boolean),
    exploitationRows: [
      row('Types', exploitation.types.map((t) => EXPLOITATION_GROUPS.find((g) => g.value === t)?.text ?? t).join(', ')),
      row('Where', { uk: 'UK', overseas: 'Overseas', uk_and_overseas: 'UK and overseas' }[exploitation.location]),
      row('UK towns or cities', exploitation.ukTowns?.join(', ')),
      row('Countries', exploitation.countries?.map((c) => countryByAlpha3(c)?.name ?? c).join(', ')),
      row('Started', exploitation.startDate),
    ].filter(Boolean),
    transitions: view.transitions.map((t) => ({ ...t, reasonText: TRANSITION_REASONS[t.reason] ?? t.reason })),
  };
}

export { TRANSITION_REASONS };
