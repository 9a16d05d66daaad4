import { ageOn, ukDateOn } from './dates';
import type { AgeAnswers, CaseSystem } from './referral';

/** Why a referral went where it went; the first child signal found names the reason. */
export type RouteReason = 'under_18' | 'age_not_sure' | 'age_disputed' | 'dob_under_18' | 'adult';

export interface RouteDecision {
  system: CaseSystem;
  reason: RouteReason;
  /** The answers disagree (e.g. a date of birth of 16 with under18 "no"); the child route won. */
  conflict: boolean;
  /** A sentence for a practitioner: what was decided and why. */
  explanation: string;
  /** Every child signal present, in order of precedence. */
  signals: RouteReason[];
}

export interface AgeFacts {
  age: AgeAnswers;
  dateOfBirth?: string;
  /** ISO date-time or date on which the referral was made. */
  referredAt: string;
}

/** The UK day of the referral, as the rules, the statistics and the worklists count it (not the UTC day). */
function referralDay(referredAt: string): string {
  return referredAt.length === 10 ? referredAt : ukDateOn(new Date(referredAt));
}

/**
 * The signals that the person may be a child.
 * MSA 2015 s.51: where a public authority is not certain of the person's age but has reasonable grounds to
 * believe they may be under 18, it must assume they are under 18 until an age assessment is carried out —
 * so "not sure" and a disputed age count as child signals, exactly as the Home Office form treats them
 * (automatic-referral.js: automatic referral unless pv-under-age is "no").
 */
export function childSignals(facts: AgeFacts): RouteReason[] {
  const signals: RouteReason[] = [];
  if (facts.age.under18 === 'yes') signals.push('under_18');
  if (facts.age.under18 === 'not_sure') signals.push('age_not_sure');
  if (facts.age.ageDisputed === true) signals.push('age_disputed');
  const ageAtReferral = facts.dateOfBirth ? ageOn(facts.dateOfBirth, referralDay(facts.referredAt)) : undefined;
  if (ageAtReferral !== undefined && ageAtReferral < 18) signals.push('dob_under_18');
  return signals;
}

export function mayBeChild(facts: AgeFacts): boolean {
  return childSignals(facts).length > 0;
}

/** Under 18 → LCS, 18 and over → AIS; where the answers disagree the child route wins (MSA 2015 s.51). */
export function decideRoute(facts: AgeFacts): RouteDecision {
  const signals = childSignals(facts);
  const day = referralDay(facts.referredAt);
  const ageAtReferral = facts.dateOfBirth ? ageOn(facts.dateOfBirth, day) : undefined;

  if (signals.length === 0) {
    return {
      system: 'AIS',
      reason: 'adult',
      conflict: false,
      explanation: 'Under 18 answered "no", no age dispute, and no date of birth under 18: routed to adults\' services.',
      signals,
    };
  }

  const reason = signals[0];
  const dobSaysAdult = ageAtReferral !== undefined && ageAtReferral >= 18;
  // Only the explanations that rest on the date of birth say the age, so it is known wherever it is said.
  const age = ageAtReferral ?? 'not known';
  const dobSaysChild = signals.includes('dob_under_18');
  const conflict = (facts.age.under18 === 'no' && dobSaysChild) || (facts.age.under18 === 'yes' && dobSaysAdult);

  let explanation: string;
  if (conflict && dobSaysChild) {
    explanation =
      `Conflict: the date of birth gives age ${age} on ${day} but under 18 was answered "no"; ` +
      'treated as a child until the local authority assesses age (MSA 2015 s.51).';
  } else if (conflict) {
    explanation =
      `Conflict: under 18 was answered "yes" but the date of birth gives age ${age} on ${day}; ` +
      'treated as a child until the local authority assesses age (MSA 2015 s.51).';
  } else {
    const why: Record<RouteReason, string> = {
      under_18: 'The potential victim is under 18',
      age_not_sure: 'The first responder is not sure whether the potential victim is under 18',
      age_disputed: "The potential victim's age is disputed",
      dob_under_18: `The date of birth gives age ${age} on ${day}`,
      adult: '',
    };
    explanation = `${why[reason]}: presumed a child and routed to children's services (MSA 2015 s.51).`;
  }
  return { system: 'LCS', reason, conflict, explanation, signals };
}
