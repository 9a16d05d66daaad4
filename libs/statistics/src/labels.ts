import { combinedNationalityLabel } from '@app/countries';
import { UnknownCategoryError } from './statistics.errors';

/**
 * Labels of the Home Office NRM statistics tables (docs/domain.md, "The Home Office statistics") for the referral's coded answers.
 * Each `*_LABELS` list is the canonical order in which a breakdown shows the categories.
 */

export type Gender = 'female' | 'male' | 'other';

/** "Not recorded" covers legacy records without a gender (older editions, e.g. 2022 Q2, had "Not Recorded"). */
export const GENDER_LABELS = ['Female', 'Male', 'Other', 'Not recorded'] as const;
export type GenderLabel = (typeof GENDER_LABELS)[number];

const GENDER: Readonly<Record<Gender, GenderLabel>> = { female: 'Female', male: 'Male', other: 'Other' };

/** The form's "They do not identify as male or female" is stored as `other` and shown as "Other". */
export function genderLabel(gender: string | null | undefined): GenderLabel {
  if (gender === null || gender === undefined || gender === 'not_recorded') return 'Not recorded';
  return lookup(GENDER, 'gender', gender);
}

export type FirstResponderType = 'local_authority' | 'police' | 'ngo' | 'government_agency' | 'health' | 'other';

/**
 * Government agency, NGO, police and local authority in the order of the Home Office first-responder tables
 * (Tables 11 to 14); health and other are the council's own additions.
 */
export const FIRST_RESPONDER_TYPE_LABELS = ['Government Agency', 'NGO & Third Sector', 'Police', 'Local Authority', 'Health', 'Other'] as const;
export type FirstResponderTypeLabel = (typeof FIRST_RESPONDER_TYPE_LABELS)[number];

const FIRST_RESPONDER_TYPE: Readonly<Record<FirstResponderType, FirstResponderTypeLabel>> = {
  government_agency: 'Government Agency',
  ngo: 'NGO & Third Sector',
  police: 'Police',
  local_authority: 'Local Authority',
  health: 'Health',
  other: 'Other',
};

export function firstResponderTypeLabel(organisationType: string): FirstResponderTypeLabel {
  return lookup(FIRST_RESPONDER_TYPE, 'first responder organisation type', organisationType);
}

export type ExploitationLocation = 'uk' | 'overseas' | 'uk_and_overseas';

/** Home Office NRM Table 2 order. */
export const LOCATION_LABELS = ['Overseas', 'UK', 'UK and Overseas', 'Not specified or unknown'] as const;
export type LocationLabel = (typeof LOCATION_LABELS)[number];

const LOCATION: Readonly<Record<ExploitationLocation, LocationLabel>> = {
  uk: 'UK',
  overseas: 'Overseas',
  uk_and_overseas: 'UK and Overseas',
};

/** The form requires a location; a missing one (legacy records, `unknown`) is "Not specified or unknown". */
export function locationLabel(location: string | null | undefined): LocationLabel {
  if (location === null || location === undefined || location === 'unknown') return 'Not specified or unknown';
  return lookup(LOCATION, 'location of exploitation', location);
}

export type ReferralKind = 'nrm' | 'dtn';

export const KIND_LABELS = ['NRM referral', 'Duty to Notify'] as const;

/**
 * A referral a practitioner recorded directly in a case system without saying whether it went to the NRM or was
 * a Duty to Notify notification. Shown only when there is one, so the Home Office's two kinds stay as published.
 */
export const KIND_NOT_RECORDED = 'Kind not recorded';
export type KindLabel = (typeof KIND_LABELS)[number] | typeof KIND_NOT_RECORDED;

const KIND: Readonly<Record<ReferralKind, KindLabel>> = { nrm: 'NRM referral', dtn: 'Duty to Notify' };

export function kindLabel(kind: string | null | undefined): KindLabel {
  if (kind === null || kind === undefined) return KIND_NOT_RECORDED;
  return lookup(KIND, 'kind', kind);
}

export type ReferralSource = 'referral_hub' | 'ais' | 'lcs';

/** Where a referral was recorded: through Referral Hub, or by a practitioner straight into a case system. */
export const SOURCE_LABELS = ['Referral Hub', 'Recorded directly in AIS', 'Recorded directly in LCS'] as const;
export type SourceLabel = (typeof SOURCE_LABELS)[number];

export function sourceLabel(source: string): SourceLabel {
  return lookup({ referral_hub: 'Referral Hub', ais: 'Recorded directly in AIS', lcs: 'Recorded directly in LCS' } as const, 'source', source);
}

/**
 * Whether the Home Office has the referral. Referral Hub does not send it there (the Home Office's service has no
 * interface for it): a referral is logged until someone records its submission, or a case system holds its
 * Home Office reference.
 */
export const SUBMISSION_LABELS = ['Submitted to the Home Office', 'Logged, not yet submitted'] as const;
export type SubmissionLabel = (typeof SUBMISSION_LABELS)[number];

export function submissionLabel(submission: string): SubmissionLabel {
  return lookup({ submitted: 'Submitted to the Home Office', logged: 'Logged, not yet submitted' } as const, 'Home Office submission', submission);
}

/**
 * County lines drug supply, which the Home Office flags among criminal exploitation: flagged when the referral says
 * so (`exploitation.countyLines`). A record entered straight into a case system has no such answer and is not flagged.
 */
export const COUNTY_LINES_LABELS = ['County lines', 'Not flagged as county lines'] as const;
export type CountyLinesLabel = (typeof COUNTY_LINES_LABELS)[number];

export function countyLinesLabel(countyLines: boolean | null): CountyLinesLabel {
  return countyLines === true ? 'County lines' : 'Not flagged as county lines';
}

export type CaseSystem = 'AIS' | 'LCS';

/**
 * "Not routed" keeps the case-system breakdown summing to its total while a referral waits for, or has failed,
 * routing (`routing_failed`): it is counted as a referral but no case system holds it yet.
 */
export const CASE_SYSTEM_LABELS = ['AIS', 'LCS', 'Not routed'] as const;
export type CaseSystemLabel = (typeof CASE_SYSTEM_LABELS)[number];

export function caseSystemLabel(system: string | null | undefined): CaseSystemLabel {
  if (system === null || system === undefined) return 'Not routed';
  return lookup({ AIS: 'AIS', LCS: 'LCS' } as const, 'case system', system);
}

export type DecisionOutcome = 'negative' | 'positive';

/** Reasonable and conclusive grounds outcomes, in the order of Home Office Tables 16 and 28. */
export const DECISION_OUTCOME_LABELS = ['Negative', 'Positive'] as const;
export type DecisionOutcomeLabel = (typeof DECISION_OUTCOME_LABELS)[number];

export function decisionOutcomeLabel(outcome: string): DecisionOutcomeLabel {
  return lookup({ negative: 'Negative', positive: 'Positive' } as const, 'decision outcome', outcome);
}

/**
 * Nationality as the Home Office tables label it; dual nationals get the combined label ("Albanian Greek").
 * A missing nationality is "Unknown", as the form's "UNK" is.
 */
export function nationalityLabel(nationality: string | null | undefined, secondNationality?: string | null): string {
  return combinedNationalityLabel(nationality || 'UNK', secondNationality);
}

function lookup<K extends string, V>(table: Readonly<Record<K, V>>, dimension: string, value: string): V {
  if (!Object.prototype.hasOwnProperty.call(table, value)) throw new UnknownCategoryError(dimension, value);
  return table[value as K];
}
