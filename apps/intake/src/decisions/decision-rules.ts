import type { DecisionReferralFacts, DecisionType } from '@app/database';
import { mayBeChild, type AgeAnswers, type FieldViolation } from '@app/domain';

/**
 * The Home Office decisions on an NRM referral and the decision at 18, as status events (domain brief 6: "record
 * consent events at 18 (stay / withdraw) as status changes, not as new cases"). Plain rules, no framework.
 *
 * The NRM sequence (Modern Slavery Statutory Guidance, ch. 14): a reasonable grounds decision first; after a
 * positive one, a conclusive grounds decision. A negative decision or a withdrawal ends the case. A child who
 * reaches 18 before the conclusive grounds decision must consent to stay in the NRM, or leaves it.
 */
export const DECISION_TYPES: readonly DecisionType[] = ['reasonable_grounds', 'conclusive_grounds', 'withdrawal', 'consent_to_stay'];

const OUTCOMES: Readonly<Record<DecisionType, readonly string[]>> = {
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  consent_to_stay: ['consented', 'declined'],
  withdrawal: [],
};

export interface DecisionRequest {
  readonly type: DecisionType;
  readonly outcome?: string | null;
  /** The date on the decision letter, YYYY-MM-DD. */
  readonly decidedOn: string;
}

export interface RecordedDecision {
  readonly type: DecisionType;
  readonly outcome: string | null;
  readonly decidedOn: string;
}

export type NrmStatus =
  | 'not_in_nrm'
  | 'awaiting_reasonable_grounds'
  | 'awaiting_conclusive_grounds'
  | 'negative_reasonable_grounds'
  | 'positive_conclusive_grounds'
  | 'negative_conclusive_grounds'
  | 'withdrawn';

export type DecisionRefusal =
  | { readonly kind: 'invalid'; readonly violations: FieldViolation[] }
  | { readonly kind: 'conflict' | 'unprocessable'; readonly code: string; readonly message: string };

/** Where the referral stands in the NRM after its decisions, in the order they were made. */
export function nrmStatus(kind: 'nrm' | 'dtn', decisions: readonly RecordedDecision[]): NrmStatus {
  if (kind === 'dtn') return 'not_in_nrm';
  let status: NrmStatus = 'awaiting_reasonable_grounds';
  for (const d of decisions) {
    if (d.type === 'withdrawal' || (d.type === 'consent_to_stay' && d.outcome === 'declined')) status = 'withdrawn';
    else if (d.type === 'reasonable_grounds') status = d.outcome === 'positive' ? 'awaiting_conclusive_grounds' : 'negative_reasonable_grounds';
    else if (d.type === 'conclusive_grounds') status = d.outcome === 'positive' ? 'positive_conclusive_grounds' : 'negative_conclusive_grounds';
  }
  return status;
}

const CLOSED: ReadonlySet<NrmStatus> = new Set([
  'negative_reasonable_grounds',
  'positive_conclusive_grounds',
  'negative_conclusive_grounds',
  'withdrawn',
]);

/** Why a decision cannot be recorded on this referral now, or null when it can. */
export function refuseDecision(
  referral: DecisionReferralFacts,
  recorded: readonly RecordedDecision[],
  request: DecisionRequest,
  today: string,
): DecisionRefusal | null {
  const violations: FieldViolation[] = [];
  const outcomes = OUTCOMES[request.type];
  if (outcomes.length === 0 && request.outcome !== undefined && request.outcome !== null) {
    violations.push({ path: 'outcome', message: `a ${label(request.type)} has no outcome` });
  } else if (outcomes.length > 0 && !outcomes.includes(String(request.outcome))) {
    violations.push({ path: 'outcome', message: `outcome of a ${label(request.type)} must be one of ${outcomes.join(', ')}` });
  }
  if (request.decidedOn > today) violations.push({ path: 'decidedOn', message: 'decidedOn must not be in the future' });
  if (request.decidedOn < referral.referredOn) {
    violations.push({ path: 'decidedOn', message: `decidedOn must not be before the referral (${referral.referredOn})` });
  }
  const latest = recorded.reduce<string | undefined>((max, d) => (max === undefined || d.decidedOn > max ? d.decidedOn : max), undefined);
  if (latest !== undefined && request.decidedOn < latest) {
    violations.push({ path: 'decidedOn', message: `decidedOn must not be before the decision already recorded on ${latest}` });
  }
  if (violations.length > 0) return { kind: 'invalid', violations };

  if (referral.kind === 'dtn') {
    return {
      kind: 'unprocessable',
      code: 'not_in_nrm',
      message: 'a Duty to Notify notification is not an NRM referral: the Home Office makes no decisions on it',
    };
  }
  const status = nrmStatus(referral.kind, recorded);
  if (CLOSED.has(status)) {
    return { kind: 'conflict', code: 'nrm_case_closed', message: `the referral's NRM case has ended (${status.replace(/_/g, ' ')})` };
  }
  if (recorded.some((d) => d.type === request.type)) {
    return { kind: 'conflict', code: 'decision_exists', message: `a ${label(request.type)} is already recorded on this referral` };
  }
  if (request.type === 'conclusive_grounds' && status !== 'awaiting_conclusive_grounds') {
    return {
      kind: 'unprocessable',
      code: 'needs_positive_reasonable_grounds',
      message: 'a conclusive grounds decision follows a positive reasonable grounds decision',
    };
  }
  if (request.type === 'consent_to_stay' && !referredAsChild(referral)) {
    return {
      kind: 'unprocessable',
      code: 'not_referred_as_child',
      message: 'the decision at 18 on staying in the NRM is for a person referred as a child',
    };
  }
  return null;
}

/** MSA 2015 s.51: referred as a child when the answers or the date of birth said they may be under 18. */
function referredAsChild(referral: DecisionReferralFacts): boolean {
  return mayBeChild({
    age: { under18: referral.under18 as AgeAnswers['under18'], ageDisputed: referral.ageDisputed },
    dateOfBirth: referral.dateOfBirth ?? undefined,
    referredAt: referral.referredOn,
  });
}

function label(type: DecisionType): string {
  return type.replace(/_/g, ' ') + (type === 'withdrawal' ? '' : ' decision');
}
