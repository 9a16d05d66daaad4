import type { AgeNotSureRow, DataQualityReading, DirectReferralRow, EpisodeHeadRow, UnlinkedRecordRow } from '@app/database';

export interface DirectEntryView {
  system: 'AIS' | 'LCS';
  recordId: string;
  referredOn: string;
  kind: 'nrm' | 'dtn' | null;
  nrmReference: string | null;
  caseSystem: 'AIS' | 'LCS';
  personId: string | null;
  /** Null while the entry is counted as a referral of its own. */
  joined: {
    referralId: string | null;
    /** The hub referral's reference, when it is joined to one. */
    reference: string | null;
    system: 'AIS' | 'LCS' | null;
    recordId: string | null;
    rule: string;
    reason: string | null;
  } | null;
  /** A safeguarding lead's split or join, with the reason they gave (null for a decision made before it was kept). */
  leadDecision: { decision: 'split' | 'join'; by: string | null; at: string | null; reason: string | null } | null;
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
      ? {
          referralId: row.joinedReferralId,
          reference: row.joinedReference,
          system: row.joinedSystem,
          recordId: row.joinedRecordId,
          rule: row.joinRule,
          reason: row.joinReason,
        }
      : null,
    leadDecision: row.leadDecision
      ? {
          decision: row.leadDecision,
          by: row.leadDecidedBy,
          at: row.leadDecidedAt ? new Date(row.leadDecidedAt).toISOString() : null,
          reason: row.joinReason,
        }
      : null,
  };
}

/** An episode a lead can join an entry to: a hub referral (with its reference), or a direct entry counted on its own. */
export interface EpisodeView {
  referralId: string | null;
  reference: string | null;
  system: 'AIS' | 'LCS' | null;
  recordId: string | null;
  /** YYYY-MM-DD */
  referredOn: string;
}

export function presentEpisode(row: EpisodeHeadRow): EpisodeView {
  return { referralId: row.referralId, reference: row.reference, system: row.system, recordId: row.recordId, referredOn: row.referredOn };
}

/** What the lead's split and join forms show about an entry. */
export interface EpisodeChoicesView {
  entry: DirectEntryView;
  /** The episode the entry is counted in now, when it is joined to another; null when it counts on its own. */
  countedWith: EpisodeView | null;
  /** The other episodes of the entry's person, oldest first (none for an entry not linked to a person). */
  episodes: EpisodeView[];
}

export interface DataQualityView {
  /** Direct entries whose record says neither NRM referral nor Duty to Notify. */
  withoutKind: { total: number; items: DirectEntryView[] };
  /** Entries joined to another episode by the window rule, or split or joined by the lead. */
  windowOrLead: { total: number; items: DirectEntryView[] };
  /** Identifiable case records not linked to a person yet. */
  unlinked: { total: number; items: Array<{ system: string; recordId: string; fetchedAt: string }> };
  /** Referrals answered "not sure" for under 18 with no age assessment recorded. */
  ageNotSure: { total: number; items: Array<{ referralId: string; reference: string; referredAt: string; caseSystem: string | null }> };
}

export function presentDataQuality(reading: DataQualityReading): DataQualityView {
  const unlinked = (r: UnlinkedRecordRow) => ({ system: r.system, recordId: r.recordId, fetchedAt: new Date(r.fetchedAt).toISOString() });
  const notSure = (r: AgeNotSureRow) => ({
    referralId: r.referralId,
    reference: r.reference,
    referredAt: new Date(r.referredAt).toISOString(),
    caseSystem: r.caseSystem,
  });
  return {
    withoutKind: { total: reading.withoutKind.total, items: reading.withoutKind.items.map(presentDirectEntry) },
    windowOrLead: { total: reading.windowOrLead.total, items: reading.windowOrLead.items.map(presentDirectEntry) },
    unlinked: { total: reading.unlinked.total, items: reading.unlinked.items.map(unlinked) },
    ageNotSure: { total: reading.ageNotSure.total, items: reading.ageNotSure.items.map(notSure) },
  };
}
