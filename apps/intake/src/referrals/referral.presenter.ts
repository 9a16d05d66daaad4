import type { AgeAssessmentEntity, DecisionEntity, HomeOfficeSubmission, ReferralEntity, TransitionEntity } from '@app/database';
import { type HomeOfficeSubmissionView, presentSubmission } from '../home-office/home-office-submission.presenter';
import type { CaseSystem, Referral } from '@app/domain';
import { presentNrmCase, type NrmCaseView } from '../decisions/decision.presenter';

export interface RouteView {
  system: CaseSystem;
  reason: string;
  conflict: boolean;
  explanation: string;
}

export interface CreatedReferralView {
  id: string;
  reference: string;
  kind: 'nrm' | 'dtn';
  route: RouteView;
  status: string;
}

export interface ReferralSummaryView extends CreatedReferralView {
  /** An anonymous Duty to Notify notification: never linked to a person. */
  anonymous: boolean;
  organisation: string;
  organisationType: string;
  referredAt: string;
  caseRecord: { system: CaseSystem; recordId: string } | null;
  personId: string | null;
}

export interface TransitionView {
  id: string;
  from: { system: CaseSystem; recordId: string };
  to: { system: CaseSystem; recordId: string | null };
  reason: string;
  effectiveOn: string;
  status: string;
  /** Children's services keep a duty (a care leaver): the record the case came from stays open. */
  keepsSourceOpen: boolean;
  recordedAt: string;
  completedAt: string | null;
}

export interface ReferralView extends ReferralSummaryView {
  receivedAt: string;
  routing: { attempts: number; lastError: string | null; routedAt: string | null };
  transitions: TransitionView[];
  /** Each finding as recorded, oldest first; the date of birth the assessment gave, where it gave one. */
  ageAssessments: Array<{
    id: string;
    assessedOn: string;
    outcome: string;
    assessedDateOfBirth: string | null;
    authority: string;
    recordedAt: string;
  }>;
  /**
   * Its submission to the Home Office, as a person recorded it; null while the referral is only logged here (the
   * hub does not send it to the Home Office).
   */
  homeOfficeSubmission: HomeOfficeSubmissionView | null;
  /** The NRM case after the referral: status, competent authority, pending reconsideration and decision history. */
  nrmCase: NrmCaseView;
  referral: Referral;
}

export function presentRoute(r: ReferralEntity): RouteView {
  return { system: r.routeSystem, reason: r.routeReason, conflict: r.routeConflict, explanation: r.routeExplanation };
}

export function presentCreated(r: ReferralEntity): CreatedReferralView {
  return { id: r.id, reference: r.reference, kind: r.kind, route: presentRoute(r), status: r.status };
}

/** No personal data: a list may be read by more people than a single record. */
export function presentSummary(r: ReferralEntity): ReferralSummaryView {
  return {
    ...presentCreated(r),
    anonymous: r.anonymous,
    organisation: r.organisation,
    organisationType: r.organisationType,
    referredAt: r.referredAt.toISOString(),
    caseRecord: r.caseSystem && r.caseRecordId ? { system: r.caseSystem, recordId: r.caseRecordId } : null,
    personId: r.personId,
  };
}

export function presentTransition(t: TransitionEntity): TransitionView {
  return {
    id: t.id,
    from: { system: t.fromSystem, recordId: t.fromRecordId },
    to: { system: t.toSystem, recordId: t.toRecordId },
    reason: t.reason,
    effectiveOn: t.effectiveOn,
    status: t.status,
    keepsSourceOpen: t.keepsSourceOpen,
    recordedAt: t.recordedAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
  };
}

export function presentReferral(
  r: ReferralEntity,
  transitions: TransitionEntity[],
  assessments: AgeAssessmentEntity[],
  submission: HomeOfficeSubmission | null = null,
  decisions: DecisionEntity[] = [],
): ReferralView {
  return {
    ...presentSummary(r),
    receivedAt: r.receivedAt.toISOString(),
    routing: { attempts: r.routingAttempts, lastError: r.routingError, routedAt: r.routedAt?.toISOString() ?? null },
    transitions: transitions.map(presentTransition),
    ageAssessments: assessments.map((a) => ({
      id: a.id,
      assessedOn: a.assessedOn,
      outcome: a.outcome,
      assessedDateOfBirth: a.assessedDateOfBirth,
      authority: a.authority,
      recordedAt: a.recordedAt.toISOString(),
    })),
    homeOfficeSubmission: presentSubmission(submission),
    nrmCase: presentNrmCase(r.kind, decisions),
    referral: r.details,
  };
}
