import type { DirectReferralRow } from '@app/database';

export interface DirectEntryView {
  system: 'AIS' | 'LCS';
  recordId: string;
  referredOn: string;
  kind: 'nrm' | 'dtn' | null;
  nrmReference: string | null;
  caseSystem: 'AIS' | 'LCS';
  personId: string | null;
  /** Null while the entry is counted as a referral of its own. */
  joined: { referralId: string | null; system: 'AIS' | 'LCS' | null; recordId: string | null; rule: string; reason: string | null } | null;
  leadDecision: { decision: 'split' | 'join'; by: string | null; at: string | null } | null;
}

export function presentDirectEntry(row: DirectReferralRow): DirectEntryView {
  return {
    system: row.system,
    recordId: row.recordId,
    referredOn: row.referredOn,
    kind: row.kind,
    nrmReference: row.nrmReference,
    caseSystem: row.caseSystem,
    personId: row.personId,
    joined: row.joinRule
      ? { referralId: row.joinedReferralId, system: row.joinedSystem, recordId: row.joinedRecordId, rule: row.joinRule, reason: row.joinReason }
      : null,
    leadDecision: row.leadDecision
      ? { decision: row.leadDecision, by: row.leadDecidedBy, at: row.leadDecidedAt ? new Date(row.leadDecidedAt).toISOString() : null }
      : null,
  };
}
