import type { AdulthoodStatus, DateOfBirthSource, OutstandingItem, TransitionStep } from '@app/domain';
import { TRANSITION_STEPS } from '@app/domain';
import type { FieldDescription, FormBody, FormErrors } from '@app/web';
import { longDate } from '@app/web';
import type { ApproachingAdulthoodItem, ApproachingAdulthoodPage, TransitionStepsView } from '../adulthood/adulthood.service';
import type { TransitionView } from '../referrals/referral.presenter';
import { NRM_STATUS_NAMES } from './nrm-case.presenter';
import { paginationOf } from './pagination';

export const WORKLIST_PATH = '/worklists/approaching-adulthood';

export const DATE_OF_BIRTH_SOURCES: Readonly<Record<DateOfBirthSource, string>> = {
  age_assessment: 'the age assessment',
  case_record: "children's services' record",
  referral: 'the referral',
};

export const STEP_NAMES: Readonly<Record<TransitionStep, string>> = {
  transition_assessment_requested: 'Transition assessment requested',
  transition_assessment_decided: 'Transition assessment decided',
  care_leaver: 'Care leaver',
  not_care_leaver: 'Not a care leaver',
  adult_services_accepted: 'Adult services accepted',
  adult_services_declined: 'Adult services declined',
  adult_safeguarding_concern: 'Adult safeguarding concern raised',
};

/** The names by the step as a stored row spells it. */
const STEP_TEXT = new Map<string, string>(Object.entries(STEP_NAMES));

const STEP_HINTS: Partial<Readonly<Record<TransitionStep, string>>> = {
  transition_assessment_requested: "The Care Act 2014 s.58 child's needs assessment, asked of adult social care.",
  care_leaver: "Children's services keep their duties after 18: the LCS contact stays open.",
  adult_services_accepted:
    'Opens the adult record in AIS, linked to the LCS contact. For a care leaver the LCS contact stays open; otherwise LCS closes it as transferred.',
  adult_safeguarding_concern: 'Opens the adult record in AIS too, linked to the LCS contact.',
};

/** What is still to be recorded, as a task, with where on the referral's page it is recorded when not here. */
const OUTSTANDING: Readonly<Record<OutstandingItem, { text: string; section?: string }>> = {
  transition_assessment_request: { text: 'Request the transition assessment' },
  transition_assessment_decision: { text: 'Record the transition assessment decision' },
  care_leaver_status: { text: 'Record whether they are a care leaver' },
  nrm_consent_at_18: { text: 'Record their consent to stay in the NRM at 18', section: 'nrm-case' },
  adult_support_referral: { text: 'Refer them for adult victim support (MSVCC)', section: 'support' },
  adult_services_decision: { text: "Record adult services' decision" },
};

const CONSENT: Readonly<Record<AdulthoodStatus['consentAtEighteen'], string>> = {
  needed: 'consent to stay at 18 not recorded',
  consented: 'consented to stay at 18',
  declined: 'withdrew at 18',
  not_needed: 'no consent needed',
};

const ASSESSMENT: Readonly<Record<AdulthoodStatus['transitionAssessment'], string>> = {
  not_requested: 'Not requested',
  requested: 'Requested, no decision yet',
  decided: 'Decided',
};

const ADULT_SERVICES: Readonly<Record<NonNullable<AdulthoodStatus['adultServices']>, string>> = {
  accepted: 'Accepted',
  declined: 'Declined',
  adult_safeguarding_concern: 'Adult safeguarding concern raised',
};

export const STEP_FORM_FIELDS: Readonly<Record<string, FieldDescription>> = {
  step: { target: 'step', label: 'Step', missing: 'Select the step taken' },
  on: { target: 'on-day', label: 'Date the step was taken', missing: 'Enter the date the step was taken' },
};

export const HORIZON_FIELDS: Readonly<Record<string, FieldDescription>> = {
  horizonMonths: { target: 'horizonMonths', label: 'Months ahead', missing: 'Enter how many months ahead to look, from 1 to 36' },
  on: { target: 'horizonMonths', label: 'The day the list is drawn up for' },
  page: { target: 'horizonMonths', label: 'Page' },
  pageSize: { target: 'horizonMonths', label: 'Page size' },
};

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** Whole calendar months from one day to a later one (17 March to 16 May is 1). */
function monthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/**
 * How near the 18th birthday is. A birthday over a month past is said by its date and how long ago in years or
 * months ("Turned 18 on 3 March 2021, 5 years ago"): "1,936 days ago" asked the reader to do the sum.
 */
export function birthdayText(on: string, eighteenthBirthday: string): string {
  const days = daysBetween(on, eighteenthBirthday);
  if (days === 0) return 'Turns 18 today';
  if (days > 0) return `${days.toLocaleString('en-GB')} day${days === 1 ? '' : 's'} until 18`;
  if (days >= -31) return `Turned 18 ${(-days).toLocaleString('en-GB')} day${days === -1 ? '' : 's'} ago`;
  const months = monthsBetween(eighteenthBirthday, on);
  const ago = months >= 12 ? plural(Math.floor(months / 12), 'year') : plural(Math.max(months, 1), 'month');
  return `Turned 18 on ${longDate(eighteenthBirthday)}, ${ago} ago`;
}

const plural = (n: number, unit: string): string => `${n.toLocaleString('en-GB')} ${unit}${n === 1 ? '' : 's'}`;

/** Where the transition stands, one line per part, in the order the outstanding items are listed. */
function standing(status: Omit<AdulthoodStatus, 'dateOfBirth'>): Array<{ key: string; value: string }> {
  return [
    { key: 'Transition assessment', value: ASSESSMENT[status.transitionAssessment] },
    { key: 'Care leaver', value: status.careLeaver === null ? 'Not recorded' : status.careLeaver ? 'Yes' : 'No' },
    { key: 'NRM', value: `${NRM_STATUS_NAMES[status.nrmStatus].text}; ${CONSENT[status.consentAtEighteen]}` },
    { key: 'Adult victim support', value: status.adultSupportReferred ? 'Referred (MSVCC)' : 'Not referred' },
    { key: 'Adult services', value: status.adultServices ? ADULT_SERVICES[status.adultServices] : 'No decision recorded' },
  ];
}

function outstanding(referralId: string, items: readonly OutstandingItem[]): Array<{ text: string; href: string }> {
  return items.map((item) => {
    const { text, section } = OUTSTANDING[item];
    return { text, href: section ? `/referrals/${referralId}#${section}` : `/referrals/${referralId}/transition#record-step` };
  });
}

function birthday(status: Omit<AdulthoodStatus, 'dateOfBirth'>, on: string): Record<string, unknown> {
  return {
    eighteenthBirthday: status.eighteenthBirthday,
    days: birthdayText(on, status.eighteenthBirthday),
    passedNothingRecorded: status.birthdayPassedNothingRecorded,
    source: DATE_OF_BIRTH_SOURCES[status.dateOfBirthSource],
  };
}

export interface WorklistFilter {
  horizonMonths: number;
  /** As given in the address: kept in the filter form and the page links, never shown as a field. */
  on?: string;
}

/** The approaching-adulthood worklist page: oldest deadline first, as the API orders it. */
export function approachingAdulthoodView(page: ApproachingAdulthoodPage, given: WorklistFilter): Record<string, unknown> {
  const link = (n: number) =>
    `${WORKLIST_PATH}?${new URLSearchParams({ horizonMonths: String(given.horizonMonths), ...(given.on ? { on: given.on } : {}), page: String(n) }).toString()}`;
  return {
    title: 'Approaching adulthood',
    on: page.on,
    onGiven: given.on,
    horizonMonths: String(given.horizonMonths),
    horizonEnd: page.horizonEnd,
    total: page.total,
    passedNothingRecorded: page.birthdaysPassedNothingRecorded,
    rows: page.items.map((item: ApproachingAdulthoodItem) => ({
      referralId: item.referralId,
      reference: item.reference,
      organisation: item.organisation,
      caseSystem: item.caseSystem,
      birthday: birthday(item, page.on),
      flaggedOn: item.flaggedOn,
      standing: standing(item),
      outstanding: outstanding(item.referralId, item.outstanding),
    })),
    pagination: paginationOf(page, link),
  };
}

/** A child's transition page: where it stands, the steps recorded, and the form to record the next. */
export function transitionView(
  referral: { id: string; reference: string; caseRecord: { system: string; recordId: string } | null },
  view: TransitionStepsView,
  today: string,
  form: FormBody = {},
  errors?: FormErrors,
): Record<string, unknown> {
  const selected = (name: string): string | undefined => {
    const value = form[name];
    return typeof value === 'string' ? value : undefined;
  };
  const status = view.adulthood;
  return {
    title: 'Turning 18',
    id: referral.id,
    reference: referral.reference,
    caseRecord: referral.caseRecord,
    dateOfBirth: status ? { value: status.dateOfBirth, source: DATE_OF_BIRTH_SOURCES[status.dateOfBirthSource] } : undefined,
    birthday: status ? birthday(status, today) : undefined,
    standingRows: status ? standing(status).map((s) => ({ key: { text: s.key }, value: { text: s.value } })) : [],
    outstanding: status ? outstanding(referral.id, status.outstanding) : [],
    steps: [...view.steps]
      .sort((a, b) => (a.on === b.on ? a.recordedAt.localeCompare(b.recordedAt) : a.on.localeCompare(b.on)))
      .map((s) => ({
        on: s.on,
        text: STEP_TEXT.get(s.step) ?? s.step,
        recordedAt: s.recordedAt,
      })),
    errors,
    form: {
      steps: TRANSITION_STEPS.map((value) => ({
        value,
        text: STEP_NAMES[value],
        hint: STEP_HINTS[value] ? { text: STEP_HINTS[value] } : undefined,
        checked: selected('step') === value,
      })),
      on: { day: selected('on-day'), month: selected('on-month'), year: selected('on-year') },
      errors: errors?.fields ?? {},
    },
  };
}

/** The banner after a step is saved: the step, and the move to adults' services it started, if any. */
export function savedStepMessage(step: TransitionStep, on: string, transition: TransitionView | null, longDate: (d: string) => string): string {
  const saved = `Saved: ${STEP_NAMES[step].toLowerCase()}, ${longDate(on)}.`;
  if (!transition) return saved;
  return transition.keepsSourceOpen
    ? `${saved} The adult record is being opened in AIS, linked to the LCS contact, which stays open: children's services keep their duties to a care leaver.`
    : `${saved} The adult record is being opened in AIS, linked to the LCS contact; LCS closes the contact as transferred.`;
}
