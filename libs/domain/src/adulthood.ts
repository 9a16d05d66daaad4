import { eighteenthBirthday } from './dates';
import { addCalendarMonths, nrmCase, type NrmDecision, type NrmStatus } from './nrm-case';
import { refuseRecordedDay } from './recorded-day';

/**
 * Turning 18 as the law and practice run it (docs/transitions.md): a set of recorded decisions before and after the
 * birthday, not a move of the case on the day. Plain rules, no framework.
 *
 * Care Act 2014 ss.58–66: a child's needs assessment (the transition assessment) is carried out before 18 where it
 * would be of significant benefit, and children's services go on until adult services have decided. Children Act
 * 1989 (as amended by the Children and Social Work Act 2017): a care leaver keeps children's services' duties to 21,
 * and a personal adviser to 25 on request. The NRM: a child awaiting a decision at 18 consents to stay in the NRM
 * as an adult (or leaves it) and may be referred for adult victim support (the Modern Slavery Victim Care Contract).
 */

/** The steps the safeguarding lead (or children's services' own workflow) records on a referral. */
export const TRANSITION_STEPS = [
  'transition_assessment_requested',
  'transition_assessment_decided',
  'care_leaver',
  'not_care_leaver',
  'adult_services_accepted',
  'adult_services_declined',
  'adult_safeguarding_concern',
] as const;
export type TransitionStep = (typeof TRANSITION_STEPS)[number];

/** Steps that open the person's record in adults' services (AIS), linked to the child's. */
export const OPENS_ADULT_RECORD: ReadonlySet<TransitionStep> = new Set(['adult_services_accepted', 'adult_safeguarding_concern']);

export interface RecordedTransitionStep {
  readonly step: TransitionStep;
  /** YYYY-MM-DD, the day the step was taken. */
  readonly on: string;
}

/** What is still to be recorded, in the order a practitioner would take it. */
export const OUTSTANDING_ITEMS = [
  'transition_assessment_request',
  'transition_assessment_decision',
  'care_leaver_status',
  'nrm_consent_at_18',
  'adult_support_referral',
  'adult_services_decision',
] as const;
export type OutstandingItem = (typeof OUTSTANDING_ITEMS)[number];

export type DateOfBirthSource = 'age_assessment' | 'case_record' | 'referral';

export interface AssessedAge {
  /** YYYY-MM-DD, the day of the assessment. */
  readonly assessedOn: string;
  /** When it was recorded: orders two assessments of the same day. */
  readonly recordedAt?: Date | string | null;
  readonly outcome: 'adult' | 'child';
  readonly assessedDateOfBirth: string | null;
}

export interface DateOfBirthSources {
  /** Every age assessment on the referral, in any order: a later challenge is a new assessment, the history kept. */
  readonly assessments: readonly AssessedAge[];
  /** The date of birth as children's services' record holds it now (a practitioner's correction), if known. */
  readonly caseRecordDateOfBirth: string | null;
  readonly referralDateOfBirth: string | null;
}

export interface BestDateOfBirth {
  readonly dateOfBirth: string;
  readonly source: DateOfBirthSource;
}

function stamp(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString() : value;
}

/** The latest age assessment first, whatever it found: a later assessment replaces an earlier one. */
export function latestAssessment<T extends Pick<AssessedAge, 'assessedOn' | 'recordedAt'>>(assessments: readonly T[]): T | undefined {
  return [...assessments].sort((a, b) =>
    a.assessedOn === b.assessedOn ? stamp(b.recordedAt).localeCompare(stamp(a.recordedAt)) : b.assessedOn.localeCompare(a.assessedOn),
  )[0];
}

/**
 * The best date of birth known: the latest age assessment that gave one (MSA 2015 s.51: the presumption of age
 * lasts until a local authority assesses it), then the date children's services' record holds (a correction since
 * the referral), then the referral's own.
 */
export function bestDateOfBirth(sources: DateOfBirthSources): BestDateOfBirth | null {
  const assessed = latestAssessment(sources.assessments.filter((a) => a.assessedDateOfBirth));
  if (assessed?.assessedDateOfBirth) return { dateOfBirth: assessed.assessedDateOfBirth, source: 'age_assessment' };
  if (sources.caseRecordDateOfBirth) return { dateOfBirth: sources.caseRecordDateOfBirth, source: 'case_record' };
  if (sources.referralDateOfBirth) return { dateOfBirth: sources.referralDateOfBirth, source: 'referral' };
  return null;
}

/** The NRM case still waits for a decision: at 18 the young person must consent to stay in it as an adult. */
const AWAITING_DECISION: ReadonlySet<NrmStatus> = new Set([
  'awaiting_reasonable_grounds',
  'awaiting_conclusive_grounds',
  'reconsideration_requested',
  'suspended',
]);

export type ConsentAtEighteen = 'consented' | 'declined' | 'needed' | 'not_needed';

/**
 * The NRM side of turning 18. A Duty to Notify notification or a case already decided needs no consent; a case
 * awaiting a decision needs one until the decision at 18 is recorded.
 */
export function consentAtEighteen(kind: 'nrm' | 'dtn', decisions: readonly NrmDecision[]): { status: NrmStatus; consent: ConsentAtEighteen } {
  const recorded = decisions.find((d) => d.type === 'consent_to_stay');
  const status = nrmCase(kind, decisions).status;
  if (recorded) return { status, consent: recorded.outcome === 'declined' ? 'declined' : 'consented' };
  return { status, consent: AWAITING_DECISION.has(status) ? 'needed' : 'not_needed' };
}

export interface AdulthoodFacts {
  readonly kind: 'nrm' | 'dtn';
  readonly dateOfBirth: BestDateOfBirth | null;
  readonly steps: readonly RecordedTransitionStep[];
  /** The NRM decisions recorded on the referral, in the order made. */
  readonly decisions: readonly NrmDecision[];
  /** A referral for adult victim support (MSVCC) is recorded. */
  readonly adultSupportReferred: boolean;
}

export interface AdulthoodStatus {
  readonly dateOfBirth: string;
  readonly dateOfBirthSource: DateOfBirthSource;
  /** YYYY-MM-DD: the deadline the worklist is ordered by. */
  readonly eighteenthBirthday: string;
  readonly birthdayPassed: boolean;
  /** The birthday has passed and no transition step is recorded: the daily reminder flags it. */
  readonly birthdayPassedNothingRecorded: boolean;
  /** The latest care-leaver step: true (a care leaver), false (not one), null (not recorded). */
  readonly careLeaver: boolean | null;
  readonly transitionAssessment: 'not_requested' | 'requested' | 'decided';
  readonly adultServices: 'accepted' | 'declined' | 'adult_safeguarding_concern' | null;
  readonly nrmStatus: NrmStatus;
  readonly consentAtEighteen: ConsentAtEighteen;
  readonly adultSupportReferred: boolean;
  readonly outstanding: readonly OutstandingItem[];
}

function latestOf(steps: readonly RecordedTransitionStep[], of: readonly TransitionStep[]): RecordedTransitionStep | undefined {
  // Steps arrive in the order recorded; the latest of the same day is the one recorded last.
  let latest: RecordedTransitionStep | undefined;
  for (const s of steps) if (of.includes(s.step) && (!latest || s.on >= latest.on)) latest = s;
  return latest;
}

/** Where a child's transition stands on `today`; null without a usable date of birth. */
export function adulthoodStatus(facts: AdulthoodFacts, today: string): AdulthoodStatus | null {
  if (!facts.dateOfBirth) return null;
  const eighteenth = eighteenthBirthday(facts.dateOfBirth.dateOfBirth);
  if (!eighteenth) return null;
  const has = (step: TransitionStep): boolean => facts.steps.some((s) => s.step === step);
  const careLeaverStep = latestOf(facts.steps, ['care_leaver', 'not_care_leaver']);
  const adultStep = latestOf(facts.steps, ['adult_services_accepted', 'adult_services_declined', 'adult_safeguarding_concern']);
  const transitionAssessment = has('transition_assessment_decided') ? 'decided' : has('transition_assessment_requested') ? 'requested' : 'not_requested';
  const nrm = consentAtEighteen(facts.kind, facts.decisions);
  // Adult victim support is for someone still in the NRM as an adult: not after a withdrawal, and not where the case
  // has ended.
  const supportRelevant = nrm.consent === 'needed' || nrm.consent === 'consented';
  const outstanding: OutstandingItem[] = [];
  if (transitionAssessment === 'not_requested') outstanding.push('transition_assessment_request');
  if (transitionAssessment === 'requested') outstanding.push('transition_assessment_decision');
  if (!careLeaverStep) outstanding.push('care_leaver_status');
  if (nrm.consent === 'needed') outstanding.push('nrm_consent_at_18');
  if (supportRelevant && !facts.adultSupportReferred) outstanding.push('adult_support_referral');
  if (!adultStep) outstanding.push('adult_services_decision');
  const birthdayPassed = eighteenth <= today;
  return {
    dateOfBirth: facts.dateOfBirth.dateOfBirth,
    dateOfBirthSource: facts.dateOfBirth.source,
    eighteenthBirthday: eighteenth,
    birthdayPassed,
    birthdayPassedNothingRecorded: birthdayPassed && facts.steps.length === 0,
    careLeaver: careLeaverStep ? careLeaverStep.step === 'care_leaver' : null,
    transitionAssessment,
    adultServices: adultStep
      ? adultStep.step === 'adult_services_accepted'
        ? 'accepted'
        : adultStep.step === 'adult_services_declined'
          ? 'declined'
          : 'adult_safeguarding_concern'
      : null,
    nrmStatus: nrm.status,
    consentAtEighteen: nrm.consent,
    adultSupportReferred: facts.adultSupportReferred,
    outstanding,
  };
}

export interface AdulthoodSources extends DateOfBirthSources {
  readonly kind: 'nrm' | 'dtn';
  readonly steps: readonly RecordedTransitionStep[];
  readonly decisions: readonly NrmDecision[];
  readonly adultSupportReferred: boolean;
}

/** `adulthoodStatus` from the facts as stored: every date of birth source, the steps, the NRM decisions. */
export function adulthoodOf(sources: AdulthoodSources, today: string): AdulthoodStatus | null {
  return adulthoodStatus(
    {
      kind: sources.kind,
      dateOfBirth: bestDateOfBirth(sources),
      steps: sources.steps,
      decisions: sources.decisions,
      adultSupportReferred: sources.adultSupportReferred,
    },
    today,
  );
}

/** The last day of the horizon: a child whose 18th birthday falls on or before it is approaching adulthood. */
export function horizonEnd(today: string, horizonMonths: number): string {
  return addCalendarMonths(today, horizonMonths);
}

/**
 * On the approaching-adulthood worklist: the 18th birthday falls within the horizon, and either it is still ahead
 * or something is still outstanding (a birthday passed with steps to record stays until they are recorded).
 */
export function onAdulthoodWorklist(status: AdulthoodStatus, today: string, horizonMonths: number): boolean {
  if (status.eighteenthBirthday > horizonEnd(today, horizonMonths)) return false;
  return !status.birthdayPassed || status.outstanding.length > 0;
}

/** Oldest deadline first; the same birthday by the referral's id, so pages are stable. */
export function byDeadline<T extends { eighteenthBirthday: string; referralId: string }>(a: T, b: T): number {
  return a.eighteenthBirthday === b.eighteenthBirthday ? a.referralId.localeCompare(b.referralId) : a.eighteenthBirthday.localeCompare(b.eighteenthBirthday);
}

/**
 * Whether a recorded step leaves children's services' record open when the adult record opens: while the young
 * person is a care leaver, children's services keep their duties, so only LCS itself closes the contact.
 */
export function keepsChildrensRecordOpen(steps: readonly RecordedTransitionStep[]): boolean {
  return latestOf(steps, ['care_leaver', 'not_care_leaver'])?.step === 'care_leaver';
}

/** The refusals a step is checked against before it is recorded. */
export function refuseTransitionStep(
  request: { step: string; on: string },
  context: { today: string; referredOn: string },
): Array<{ path: string; message: string }> {
  const violations: Array<{ path: string; message: string }> = [];
  if (!(TRANSITION_STEPS as readonly string[]).includes(request.step)) {
    violations.push({ path: 'step', message: `step must be one of ${TRANSITION_STEPS.join(', ')}` });
  }
  violations.push(...refuseRecordedDay('on', request.on, context));
  return violations;
}

/** A referral that may have turned 18 with an open episode in a period, as stored. */
export interface TransitionCohortMember extends AdulthoodSources {
  readonly referralId: string;
  /** The person the referral is linked to (null until linked: the referral then stands for a person of its own). */
  readonly personId?: string | null;
  /** The UK calendar date of the referral. */
  readonly referredOn: string;
}

/** Per period: who turned 18 with an open episode, and what was recorded for them (figures for the boards). */
export interface TransitionCounts {
  readonly turnedEighteen: number;
  readonly consentedToStay: number;
  readonly withdrew: number;
  readonly noDecisionNeeded: number;
  readonly notYetRecorded: number;
  readonly referredForAdultSupport: number;
  readonly acceptedByAdultServices: number;
  readonly careLeaversRemaining: number;
}

/**
 * Counts the children whose 18th birthday (by the best date of birth) fell in `from`–`to` while their episode was
 * open: referred before the birthday, and not found an adult by their latest age assessment. The NRM side is read
 * at the birthday: a decision at 18 recorded (consented, or withdrew), none needed (a Duty to Notify, or the case
 * had been decided or ended by then), or one needed and not yet recorded. What was recorded after 18 (adult
 * support, adult services, care leaver) is counted as known now: a later step changes a past period, as a late
 * decision does.
 */
export function countTransitions(members: readonly TransitionCohortMember[], from: string, to: string): TransitionCounts {
  const counts = {
    turnedEighteen: 0,
    consentedToStay: 0,
    withdrew: 0,
    noDecisionNeeded: 0,
    notYetRecorded: 0,
    referredForAdultSupport: 0,
    acceptedByAdultServices: 0,
    careLeaversRemaining: 0,
  };
  // A person with several referrals turns 18 once: counted by their earliest referral that qualifies.
  const counted = new Set<string>();
  for (const m of [...members].sort((a, b) => a.referredOn.localeCompare(b.referredOn) || a.referralId.localeCompare(b.referralId))) {
    const best = bestDateOfBirth(m);
    const eighteenth = best ? eighteenthBirthday(best.dateOfBirth) : undefined;
    if (!eighteenth || eighteenth < from || eighteenth > to || m.referredOn >= eighteenth) continue;
    if (latestAssessment(m.assessments)?.outcome === 'adult') continue;
    const person = m.personId ?? m.referralId;
    if (counted.has(person)) continue;
    counted.add(person);
    counts.turnedEighteen += 1;
    const consent = m.decisions.find((d) => d.type === 'consent_to_stay');
    if (consent) {
      if (consent.outcome === 'declined') counts.withdrew += 1;
      else counts.consentedToStay += 1;
    } else if (
      consentAtEighteen(
        m.kind,
        m.decisions.filter((d) => d.decidedOn < eighteenth),
      ).consent === 'needed'
    ) {
      counts.notYetRecorded += 1;
    } else {
      counts.noDecisionNeeded += 1;
    }
    if (m.adultSupportReferred) counts.referredForAdultSupport += 1;
    if (m.steps.some((s) => s.step === 'adult_services_accepted')) counts.acceptedByAdultServices += 1;
    if (keepsChildrensRecordOpen(m.steps)) counts.careLeaversRemaining += 1;
  }
  return counts;
}
