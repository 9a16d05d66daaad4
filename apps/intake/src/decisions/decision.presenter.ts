import type { DecisionEntity } from '@app/database';
import type { NrmDecisionType } from '@app/domain';
import { nrmCase, type NrmStatus, type Reconsideration } from '@app/domain';

export interface DecisionView {
  id: string;
  referralId: string;
  type: NrmDecisionType;
  outcome: string | null;
  decidedOn: string;
  competentAuthority: string | null;
  finding: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One step of the case: the decision, whether it answered a reconsideration, and where the case stood after it. */
export interface NrmHistoryView extends DecisionView {
  reconsideration: 'upheld' | 'overturned' | null;
  statusAfter: NrmStatus;
}

/** The NRM case of a referral: where it stands, who decides it, a pending reconsideration, and every decision. */
export interface NrmCaseView {
  status: NrmStatus;
  competentAuthority: string | null;
  reconsideration: Reconsideration | null;
  history: NrmHistoryView[];
}

export interface ReferralDecisionsView extends NrmCaseView {
  referralId: string;
  /** Where the referral stands in the NRM after these decisions (the same as `status`). */
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
    competentAuthority: decision.competentAuthority,
    finding: decision.finding,
    recordedBy: decision.recordedBy,
    recordedAt: decision.recordedAt.toISOString(),
  };
}

/** The case as the domain's state machine reads the decisions, in the order they were made. */
export function presentNrmCase(kind: 'nrm' | 'dtn', decisions: readonly DecisionEntity[]): NrmCaseView {
  const nrm = nrmCase(kind, decisions);
  return {
    status: nrm.status,
    competentAuthority: nrm.competentAuthority,
    reconsideration: nrm.reconsideration,
    history: decisions.map((d, i) => ({
      ...presentDecision(d),
      reconsideration: nrm.history[i]?.reconsideration ?? null,
      statusAfter: nrm.history[i]?.statusAfter ?? nrm.status,
    })),
  };
}
