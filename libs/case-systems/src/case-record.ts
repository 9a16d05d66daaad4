import type { CaseSystem, ExploitationLocation, ExploitationType, Gender, OrganisationType, PotentialVictim, ReferralKind } from '@app/domain';

/** Who a case record is about, normalised from the vendor's format. Names are as the vendor stores them. */
export interface CaseSubject {
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  aliases: string[];
  /** ISO YYYY-MM-DD. */
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean;
  sex: Gender | null;
  /** ISO 3166-1 alpha-3; null when not recorded or recorded as unknown. */
  nationality: string | null;
  nhsNumber: string | null;
}

export type CaseRecordSource = 'referral_hub' | 'practitioner';

/**
 * What a record says about the modern-slavery referral it holds, so that one a practitioner entered directly can
 * be counted beside the hub's own referrals.
 */
export interface CaseReferralFacts {
  /** AIS: a concern in the "Modern Slavery" category; LCS: a contact with assessment factor 12A (Trafficking). */
  modernSlavery: boolean;
  /** NRM referral or Duty to Notify notification; null when the practitioner did not record which. */
  kind: ReferralKind | null;
  /** The Home Office NRM/DtN reference the practitioner recorded, as typed. */
  nrmReference: string | null;
  /** ISO 3166-1 alpha-3. */
  secondNationality: string | null;
  exploitationTypes: ExploitationType[];
  exploitationLocation: ExploitationLocation | null;
  organisationType: OrganisationType | null;
  ageDisputed: boolean;
  /** The record continues a case from the other system (a transfer in): never a referral of its own. */
  transferredIn: boolean;
}
export type CaseRecordStatus = 'open' | 'closed' | 'transferred';

/** One record of AIS or LCS, in one shape whichever system holds it (read by the deduplicator). */
export interface CaseRecord extends CaseSubject {
  system: CaseSystem;
  recordId: string;
  /** Increments on every change; a change feed entry names the version it produced. */
  version: number;
  /** The vendor's own person register id (exact surname + date of birth); null for anonymous records. */
  registerPersonId: string | null;
  /**
   * Records in the OTHER system this one is linked to by a transfer: on an AIS record the LCS record it was
   * transferred from, on an LCS record the AIS record it was transferred to.
   */
  linkedRecordIds: string[];
  /** ISO YYYY-MM-DD: the day the concern or contact was received. */
  referralDate: string;
  /** The Referral Hub referral id the record was created for; null when a practitioner entered it. */
  clientReference: string | null;
  source: CaseRecordSource;
  /**
   * No name, date of birth or NHS number: never matched to a person. Counted as no individual only when it is an
   * anonymous Duty to Notify notification (`countsAsNoOne` in the deduplicator).
   */
  anonymous: boolean;
  status: CaseRecordStatus;
  /** Absent on records read before the systems reported them (older stored copies). */
  referralFacts?: CaseReferralFacts;
}

export type CaseChangeType = 'created' | 'updated' | 'transferred';

export interface CaseChange {
  recordId: string;
  version: number;
  type: CaseChangeType;
}

export interface ChangePage {
  changes: CaseChange[];
  /** Opaque: pass it back to read on. Equal to the cursor given when nothing new has happened. */
  nextCursor: string;
  /** More changes wait beyond this page. */
  hasMore: boolean;
}

export interface DeliveryResult {
  recordId: string;
  /** False when the system already held a record for this referral (an idempotent repeat). */
  created: boolean;
}

/** Why a child's case moves to adults' services (mirrors the central transition reasons). */
export type TransferReason = 'age_assessment_adult' | 'eighteenth_birthday';

export function isAnonymous(subject: Pick<CaseSubject, 'firstName' | 'lastName' | 'dateOfBirth' | 'nhsNumber'>): boolean {
  return !subject.firstName && !subject.lastName && !subject.dateOfBirth && !subject.nhsNumber;
}

/** The potential victim of a referral as a case system's subject (the fields both systems record). */
export function subjectOfVictim(victim: PotentialVictim): Partial<CaseSubject> {
  return {
    firstName: victim.firstName,
    lastName: victim.lastName,
    aliases: victim.aliases,
    dateOfBirth: victim.dateOfBirth,
    dateOfBirthEstimated: victim.dateOfBirthEstimated,
    sex: victim.gender,
    nationality: victim.nationality,
    nhsNumber: victim.nhsNumber,
  };
}
