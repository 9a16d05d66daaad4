import { mayBeChild } from './age-route';
import { parseIsoDate } from './dates';
import type { AgeAnswers, FieldViolation } from './referral';
import { refuseRecordedDay } from './recorded-day';

/**
 * The NRM case after a referral: the competent authority's decisions and the events around them, as a state
 * machine over the decisions in the order they were made. Plain rules, no framework.
 *
 * Modern Slavery Statutory Guidance (England and Wales), chapters 14–15: a reasonable grounds (RG) decision first;
 * after a positive one, a conclusive grounds (CG) decision. A negative decision may be reconsidered on request of
 * the first responder or support provider; the competent authority then makes a new decision of the same stage,
 * which upholds or overturns it. A case may be suspended (and picked up again by the next decision), withdrawn,
 * or ended by a public order disqualification (Nationality and Borders Act 2022 s.63). A person referred as a child
 * who reaches 18 before the CG decision consents to stay in the NRM or leaves it.
 */
export const NRM_DECISION_TYPES = [
  'reasonable_grounds',
  'conclusive_grounds',
  'reconsideration_requested',
  'withdrawal',
  'suspension',
  'public_order_disqualification',
  'consent_to_stay',
] as const;
export type NrmDecisionType = (typeof NRM_DECISION_TYPES)[number];

/** The two decision stages, the only decisions that can be reconsidered. */
export type NrmStage = 'reasonable_grounds' | 'conclusive_grounds';

/** Who made the decision: the Single Competent Authority, the Immigration Enforcement CA, or a devolved panel. */
export const COMPETENT_AUTHORITIES = ['SCA', 'IECA', 'devolved_panel'] as const;
export type CompetentAuthority = (typeof COMPETENT_AUTHORITIES)[number];

/** What a positive conclusive grounds decision found the person to be a victim of, where the letter says. */
export const CONCLUSIVE_FINDINGS = ['human_trafficking', 'slavery_servitude_forced_labour', 'both'] as const;
export type ConclusiveFinding = (typeof CONCLUSIVE_FINDINGS)[number];

export const NRM_OUTCOMES: Readonly<Record<NrmDecisionType, readonly string[]>> = {
  reasonable_grounds: ['positive', 'negative'],
  conclusive_grounds: ['positive', 'negative'],
  consent_to_stay: ['consented', 'declined'],
  reconsideration_requested: [],
  withdrawal: [],
  suspension: [],
  public_order_disqualification: [],
};

export type NrmStatus =
  | 'not_in_nrm'
  | 'awaiting_reasonable_grounds'
  | 'awaiting_conclusive_grounds'
  | 'negative_reasonable_grounds'
  | 'negative_conclusive_grounds'
  | 'reconsideration_requested'
  | 'positive_conclusive_grounds'
  | 'withdrawn'
  | 'suspended'
  | 'public_order_disqualification';

/** A decision as recorded (and as requested): the date is the date on the decision letter. */
export interface NrmDecision {
  readonly type: NrmDecisionType;
  readonly outcome?: string | null;
  /** YYYY-MM-DD, the date on the letter. */
  readonly decidedOn: string;
  readonly competentAuthority?: string | null;
  readonly finding?: string | null;
}

/** What the rules need to know of the referral a decision is recorded on. */
export interface NrmReferralFacts {
  readonly kind: 'nrm' | 'dtn';
  /** The UK calendar date of the referral. */
  readonly referredOn: string;
  readonly under18: string;
  readonly ageDisputed: boolean;
  readonly dateOfBirth: string | null;
}

export interface Reconsideration {
  readonly stage: NrmStage;
  readonly requestedOn: string;
  /** When the new decision is expected: one calendar month after the request. */
  readonly dueOn: string;
}

export interface NrmHistoryEntry {
  readonly type: NrmDecisionType;
  readonly outcome: string | null;
  readonly decidedOn: string;
  readonly competentAuthority: string | null;
  readonly finding: string | null;
  /** For a decision that answered a reconsideration: whether it kept or reversed the decision reconsidered. */
  readonly reconsideration: 'upheld' | 'overturned' | null;
  readonly statusAfter: NrmStatus;
}

export interface NrmCase {
  readonly status: NrmStatus;
  /** The authority named on the latest decision that named one. */
  readonly competentAuthority: string | null;
  readonly reconsideration: Reconsideration | null;
  readonly history: readonly NrmHistoryEntry[];
}

/** Where a case stands between decisions: its status, and what the next decision is judged against. */
interface CaseState {
  readonly status: NrmStatus;
  /** While suspended, or while a reconsideration is pending, the status before it. */
  readonly before: NrmStatus | null;
  readonly reconsideration: Reconsideration | null;
  readonly reconsidered: ReadonlySet<NrmStage>;
  readonly consentToStayRecorded: boolean;
}

const ENDED: ReadonlySet<NrmStatus> = new Set(['positive_conclusive_grounds', 'withdrawn', 'public_order_disqualification']);
const NEGATIVE: Readonly<Partial<Record<NrmStatus, NrmStage>>> = {
  negative_reasonable_grounds: 'reasonable_grounds',
  negative_conclusive_grounds: 'conclusive_grounds',
};

/** What a status guarantees its state holds (set on entering the status); missing, it is a bug here. */
function held<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`An NRM case state lacks its ${what}`);
  return value;
}

/** The state after one more decision, or why the decision cannot follow the ones before it (a field violation). */
function transition(state: CaseState, d: NrmDecision): { state: CaseState; reconsideration: NrmHistoryEntry['reconsideration'] } | FieldViolation {
  const refuse = (message: string): FieldViolation => ({ path: 'type', message });
  const to = (status: NrmStatus, changes: Partial<CaseState> = {}): { state: CaseState; reconsideration: null } => ({
    state: { ...state, status, before: null, reconsideration: null, ...changes },
    reconsideration: null,
  });
  if (ENDED.has(state.status)) return refuse(`the NRM case has ended (${describeStatus(state.status)}): no decision can follow`);

  // Withdrawal and public order disqualification can end a case at any open point.
  if (d.type === 'withdrawal') return to('withdrawn');
  if (d.type === 'public_order_disqualification') return to('public_order_disqualification');

  if (state.status === 'reconsideration_requested') {
    const stage = held(state.reconsideration, 'pending reconsideration').stage;
    if (d.type !== stage) return refuse(`a reconsideration is answered by a new ${describeType(stage)}`);
    const overturned = d.outcome === 'positive';
    const status: NrmStatus = overturned
      ? stage === 'reasonable_grounds'
        ? 'awaiting_conclusive_grounds'
        : 'positive_conclusive_grounds'
      : NEGATIVE_OF[stage];
    return { state: { ...to(status).state }, reconsideration: overturned ? 'overturned' : 'upheld' };
  }

  const stage = NEGATIVE[state.status];
  if (d.type === 'reconsideration_requested') {
    if (stage === undefined) return refuse('only a negative reasonable or conclusive grounds decision can be reconsidered');
    if (state.reconsidered.has(stage)) return refuse(`the ${describeType(stage)} has already been reconsidered`);
    return to('reconsideration_requested', {
      before: state.status,
      reconsideration: { stage, requestedOn: d.decidedOn, dueOn: addCalendarMonths(d.decidedOn, 1) },
      reconsidered: new Set([...state.reconsidered, stage]),
    });
  }
  if (stage !== undefined) return refuse(`the case ended with a negative ${describeType(stage)}: only a reconsideration request can follow it`);

  // Open cases: awaiting a decision, or suspended (the next decision is judged as if the suspension had not happened).
  const open = state.status === 'suspended' ? held(state.before, 'status before the suspension') : state.status;
  switch (d.type) {
    case 'suspension':
      if (state.status === 'suspended') return refuse('the case is already suspended');
      return to('suspended', { before: open });
    case 'consent_to_stay':
      if (state.consentToStayRecorded) return refuse('the decision at 18 on staying in the NRM is already recorded');
      return d.outcome === 'declined' ? to('withdrawn', { consentToStayRecorded: true }) : to(open, { consentToStayRecorded: true });
    case 'reasonable_grounds':
      if (open !== 'awaiting_reasonable_grounds') return refuse('a reasonable grounds decision is already recorded');
      return to(d.outcome === 'positive' ? 'awaiting_conclusive_grounds' : 'negative_reasonable_grounds');
    case 'conclusive_grounds':
      if (open !== 'awaiting_conclusive_grounds') return refuse('a conclusive grounds decision follows a positive reasonable grounds decision');
      return to(d.outcome === 'positive' ? 'positive_conclusive_grounds' : 'negative_conclusive_grounds');
  }
}

const NEGATIVE_OF: Readonly<Record<NrmStage, NrmStatus>> = {
  reasonable_grounds: 'negative_reasonable_grounds',
  conclusive_grounds: 'negative_conclusive_grounds',
};

const START: CaseState = { status: 'awaiting_reasonable_grounds', before: null, reconsideration: null, reconsidered: new Set(), consentToStayRecorded: false };

/**
 * The case after its recorded decisions, in the order they were made. Decisions were checked when recorded, so
 * one that does not fit (possible only if the rules have since changed) is shown in the history and skipped.
 */
export function nrmCase(kind: 'nrm' | 'dtn', decisions: readonly NrmDecision[]): NrmCase {
  if (kind === 'dtn') return { status: 'not_in_nrm', competentAuthority: null, reconsideration: null, history: [] };
  let state = START;
  let competentAuthority: string | null = null;
  const history: NrmHistoryEntry[] = [];
  for (const d of decisions) {
    const next = transition(state, d);
    let reconsideration: NrmHistoryEntry['reconsideration'] = null;
    if (!('path' in next)) {
      state = next.state;
      reconsideration = next.reconsideration;
    }
    competentAuthority = d.competentAuthority ?? competentAuthority;
    history.push({
      type: d.type,
      outcome: d.outcome ?? null,
      decidedOn: d.decidedOn,
      competentAuthority: d.competentAuthority ?? null,
      finding: d.finding ?? null,
      reconsideration,
      statusAfter: state.status,
    });
  }
  return { status: state.status, competentAuthority, reconsideration: state.reconsideration, history };
}

export type NrmDecisionRefusal =
  | { readonly kind: 'invalid'; readonly violations: FieldViolation[] }
  | { readonly kind: 'unprocessable'; readonly code: 'not_in_nrm' | 'not_referred_as_child'; readonly message: string };

/**
 * Why a decision cannot be recorded on this referral now, or null when it can. Every failing field is named at
 * once; a decision that cannot follow the ones recorded (a CG before an RG, anything after the case ended) is a
 * violation of `type`, a date before the referral or before the latest decision one of `decidedOn`.
 */
export function refuseNrmDecision(
  referral: NrmReferralFacts,
  recorded: readonly NrmDecision[],
  request: NrmDecision,
  today: string,
): NrmDecisionRefusal | null {
  const violations: FieldViolation[] = [];
  const outcomes = NRM_OUTCOMES[request.type];
  const hasOutcome = request.outcome !== undefined && request.outcome !== null;
  if (outcomes.length === 0 && hasOutcome) {
    violations.push({ path: 'outcome', message: `a ${describeType(request.type)} has no outcome` });
  } else if (outcomes.length > 0 && !outcomes.includes(String(request.outcome))) {
    violations.push({ path: 'outcome', message: `outcome of a ${describeType(request.type)} must be one of ${outcomes.join(', ')}` });
  }
  if (
    request.competentAuthority !== undefined &&
    request.competentAuthority !== null &&
    !(COMPETENT_AUTHORITIES as readonly string[]).includes(request.competentAuthority)
  ) {
    violations.push({ path: 'competentAuthority', message: `competentAuthority must be one of ${COMPETENT_AUTHORITIES.join(', ')}` });
  }
  if (request.finding !== undefined && request.finding !== null) {
    if (request.type !== 'conclusive_grounds' || request.outcome !== 'positive') {
      violations.push({ path: 'finding', message: 'finding is given only with a positive conclusive grounds decision' });
    } else if (!(CONCLUSIVE_FINDINGS as readonly string[]).includes(request.finding)) {
      violations.push({ path: 'finding', message: `finding must be one of ${CONCLUSIVE_FINDINGS.join(', ')}` });
    }
  }
  violations.push(...refuseRecordedDay('decidedOn', request.decidedOn, { today, referredOn: referral.referredOn }));
  const latest = recorded.reduce<string | undefined>((max, d) => (max === undefined || d.decidedOn > max ? d.decidedOn : max), undefined);
  if (latest !== undefined && request.decidedOn < latest) {
    violations.push({ path: 'decidedOn', message: `decidedOn must not be before the decision already recorded on ${latest}` });
  }

  if (referral.kind === 'dtn') {
    if (violations.length > 0) return { kind: 'invalid', violations };
    return {
      kind: 'unprocessable',
      code: 'not_in_nrm',
      message: 'a Duty to Notify notification is not an NRM referral: the Home Office makes no decisions on it',
    };
  }
  if (request.type === 'consent_to_stay' && !referredAsChild(referral)) {
    if (violations.length > 0) return { kind: 'invalid', violations };
    return { kind: 'unprocessable', code: 'not_referred_as_child', message: 'the decision at 18 on staying in the NRM is for a person referred as a child' };
  }
  let state = START;
  for (const d of recorded) {
    const next = transition(state, d);
    if (!('path' in next)) state = next.state;
  }
  const next = transition(state, request);
  if ('path' in next) violations.push(next);
  return violations.length > 0 ? { kind: 'invalid', violations } : null;
}

/** MSA 2015 s.51: referred as a child when the answers or the date of birth said they may be under 18. */
function referredAsChild(referral: NrmReferralFacts): boolean {
  return mayBeChild({
    age: { under18: referral.under18 as AgeAnswers['under18'], ageDisputed: referral.ageDisputed },
    dateOfBirth: referral.dateOfBirth ?? undefined,
    referredAt: referral.referredOn,
  });
}

/** The same day one calendar month on; the last day of the month where it has no such day (31 January → 28 February). */
export function addCalendarMonths(day: string, months: number): string {
  const d = parseIsoDate(day);
  if (!d) throw new RangeError(`not a calendar date: ${day}`);
  const monthIndex = d.month - 1 + months;
  const year = d.year + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.day, lastDay))).toISOString().slice(0, 10);
}

const TYPE_WORDS: Readonly<Record<NrmDecisionType, string>> = {
  reasonable_grounds: 'reasonable grounds decision',
  conclusive_grounds: 'conclusive grounds decision',
  reconsideration_requested: 'reconsideration request',
  withdrawal: 'withdrawal',
  suspension: 'suspension',
  public_order_disqualification: 'public order disqualification',
  consent_to_stay: 'decision at 18 on staying in the NRM',
};

export function describeType(type: NrmDecisionType): string {
  return TYPE_WORDS[type];
}

export function describeStatus(status: NrmStatus): string {
  return status.replace(/_/g, ' ');
}
