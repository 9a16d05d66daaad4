import type { HomeOfficeSubmission, NotSubmittedRow } from '@app/database';

export interface HomeOfficeSubmissionView {
  submittedAt: string;
  reference: string;
  competentAuthority: 'SCA' | 'IECA';
  recordedBy: string;
  recordedAt: string;
}

export interface NotSubmittedView {
  referralId: string;
  reference: string;
  kind: 'nrm' | 'dtn';
  organisation: string;
  referredAt: string;
  loggedAt: string;
  /** The working day from which it is overdue for submission. */
  dueOn: string;
}

export function presentSubmission(s: HomeOfficeSubmission): HomeOfficeSubmissionView;
export function presentSubmission(s: HomeOfficeSubmission | null): HomeOfficeSubmissionView | null;
export function presentSubmission(s: HomeOfficeSubmission | null): HomeOfficeSubmissionView | null {
  if (!s) return null;
  return {
    submittedAt: new Date(s.submittedAt).toISOString(),
    reference: s.reference,
    competentAuthority: s.competentAuthority,
    recordedBy: s.recordedBy,
    recordedAt: new Date(s.recordedAt).toISOString(),
  };
}

export function presentNotSubmitted(row: NotSubmittedRow, dueOn: string): NotSubmittedView {
  return {
    referralId: row.referralId,
    reference: row.reference,
    kind: row.kind,
    organisation: row.organisation,
    referredAt: new Date(row.referredAt).toISOString(),
    loggedAt: new Date(row.receivedAt).toISOString(),
    dueOn,
  };
}
