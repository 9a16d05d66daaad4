import type { DecisionEntity, DecisionType } from '@app/database';
import type { NrmStatus } from './decision-rules';

export interface DecisionView {
  id: string;
  referralId: string;
  type: DecisionType;
  outcome: string | null;
  decidedOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ReferralDecisionsView {
  referralId: string;
  /** Where the referral stands in the NRM after these decisions. */
  nrmStatus: NrmStatus;
  decisions: DecisionView[];
}

export function presentDecision(decision: DecisionEntity): DecisionView {
  return {
    id: decision.id,
    referralId: decision.referralId,
    type: decision.type,
    outcome: decision.outcome,
    decidedOn: decision.decidedOn,
    recordedBy: decision.recordedBy,
    recordedAt: decision.recordedAt.toISOString(),
  };
}
