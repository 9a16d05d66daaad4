import type { LinkHistoryRow, ReviewItemRow, StoredRecord } from '@app/database';

/** The fields a reviewer compares, from the record as the case system holds it. */
export interface RecordView {
  system: string;
  recordId: string;
  version: number;
  personId: string | null;
  locked: boolean;
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean;
  sex: string | null;
  nationality: string | null;
  nhsNumber: string | null;
  referralDate: string | null;
  source: string | null;
  status: string | null;
  linkedRecordIds: string[];
}

export function presentRecord(stored: StoredRecord): RecordView {
  const r = stored.record;
  const text = (k: string): string | null => {
    const value = r[k];
    return typeof value === 'string' ? value : null;
  };
  return {
    system: stored.system,
    recordId: stored.recordId,
    version: stored.version,
    personId: stored.personId,
    locked: stored.locked,
    firstName: text('firstName'),
    middleNames: text('middleNames'),
    lastName: text('lastName'),
    aliases: Array.isArray(r.aliases) ? (r.aliases as string[]) : [],
    dateOfBirth: text('dateOfBirth'),
    dateOfBirthEstimated: r.dateOfBirthEstimated === true,
    sex: text('sex'),
    nationality: text('nationality'),
    nhsNumber: text('nhsNumber'),
    referralDate: text('referralDate'),
    source: text('source'),
    status: text('status'),
    linkedRecordIds: Array.isArray(r.linkedRecordIds) ? (r.linkedRecordIds as string[]) : [],
  };
}

export interface ReviewView {
  id: string;
  status: string;
  reason: string;
  probability: number;
  record: RecordView | null;
  candidate: { personId: string; record: RecordView | null };
  /** Every field's comparison level and weight (log2 Bayes factor), as the engine scored the pair. */
  explanation: unknown;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The reviewer's reason as given for the link history. */
  decisionReason: string | null;
  createdAt: string;
}

export function presentReview(item: ReviewItemRow, record: StoredRecord | undefined, candidate: StoredRecord | undefined): ReviewView {
  return {
    id: item.id,
    status: item.status,
    reason: item.reason,
    probability: item.probability,
    record: record ? presentRecord(record) : null,
    candidate: { personId: item.candidate_person_id, record: candidate ? presentRecord(candidate) : null },
    explanation: item.explanation,
    decision: item.decision,
    decidedBy: item.decided_by,
    decidedAt: item.decided_at?.toISOString() ?? null,
    decisionReason: item.decision_reason ?? null,
    createdAt: item.created_at.toISOString(),
  };
}

export function presentHistory(h: LinkHistoryRow) {
  return {
    id: h.id,
    record: { system: h.system, recordId: h.record_id },
    action: h.action,
    personBefore: h.person_before,
    personAfter: h.person_after,
    actor: h.actor,
    reason: h.reason,
    probability: h.probability,
    at: h.at.toISOString(),
  };
}
