/**
 * LCS's wire format as Referral Hub reads it: camelCase, ISO dates, the child's name as one string
 * "SURNAME, Forename Middle", nationality as ISO alpha-2, CIN census assessment factor codes. Kept apart from
 * the mimic's own DTOs on purpose.
 */
import type { LcsGender } from '../formats/sex';

export type LcsSource = 'INTEGRATION' | 'PRACTITIONER';
export type LcsAgencyType = 'LA' | 'POLICE' | 'VOLUNTARY' | 'GOVERNMENT' | 'HEALTH' | 'OTHER';
export type LcsTransferReason = 'age_assessment_adult' | 'eighteenth_birthday';

export interface LcsChild {
  name?: string;
  aliases?: string[];
  dateOfBirth?: string;
  dateOfBirthEstimated?: boolean;
  ageDisputed?: boolean;
  gender: LcsGender;
  nationality?: string;
  secondNationality?: string;
  nhsNumber?: string;
}

export interface LcsContactRequest {
  /** The Referral Hub referral id: a repeat with the same reference answers the same contact. */
  externalReference?: string;
  source: LcsSource;
  contactDate: string;
  child: LcsChild;
  referrer: { agency: string; agencyType: LcsAgencyType; name?: string; role?: string; email?: string; phone?: string };
  /** CIN census factors identified; 12A is Trafficking. */
  factors: string[];
  summary?: string;
  nrmReference?: string;
}

export interface LcsContact {
  id: string;
  version: number;
  status: 'open' | 'closed';
  closureReason: string | null;
  childId: string | null;
  externalReference: string | null;
  source: LcsSource;
  contactDate: string;
  child: {
    name: string | null;
    /** Read as none when left out. */
    aliases?: string[];
    dateOfBirth: string | null;
    dateOfBirthEstimated: boolean;
    ageDisputed: boolean;
    gender: string;
    nationality: string | null;
    secondNationality: string | null;
    nhsNumber: string | null;
  };
  factors: string[];
  transfer: { aisRecordId: string; reason: LcsTransferReason; effectiveOn: string } | null;
  /** Older LCS releases leave these out. */
  referrer?: { agencyType?: string };
  nrmReference?: string | null;
}

export interface LcsTransferRequest {
  aisRecordId: string;
  reason: LcsTransferReason;
  effectiveOn: string;
}

/** POST /lcs/api/contacts/:id/return-from-adults: the case comes back from adults' services. */
export interface LcsReturnRequest {
  aisRecordId: string;
  effectiveOn: string;
  /** The date of birth an age assessment found, when it gave one. */
  dateOfBirth?: string;
}

/** GET /lcs/api/contacts?ids=…: the contacts found, in the order asked. */
export interface LcsContactBatch {
  items: LcsContact[];
}

export interface LcsFeedPage {
  items: Array<{ seq: number; contactId: string; version: number; event: 'contact.created' | 'contact.updated' | 'contact.transferred'; at: string }>;
  next: string;
  hasMore: boolean;
}

export interface LcsErrorBody {
  error?: { code?: unknown; message?: unknown; details?: Array<{ field?: unknown; issue?: unknown }> };
}
