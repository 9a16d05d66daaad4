/**
 * AIS's wire format as Referral Hub reads it (AIS API v2): PascalCase, dates dd/MM/yyyy, gender M/F/I/U,
 * nationality as an English demonym. Kept apart from the mimic's own DTOs on purpose: the two sides agree
 * only through HTTP, as they would with the real vendor.
 */
import type { AisGenderCode } from '../formats/sex';

export interface AisSubject {
  Forename?: string;
  MiddleNames?: string;
  Surname?: string;
  KnownAs?: string[];
  /** dd/MM/yyyy */
  DateOfBirth?: string;
  DateOfBirthIsEstimated?: boolean;
  Gender: AisGenderCode;
  /** English demonym, e.g. "Albanian". */
  Nationality?: string;
  SecondNationality?: string;
  NhsNumber?: string;
}

export interface AisReportedBy {
  Organisation: string;
  OrganisationType: AisOrganisationType;
  ContactName?: string;
  Role?: string;
  Email?: string;
  Phone?: string;
}

export type AisOrganisationType = 'Local Authority' | 'Police' | 'Voluntary Organisation' | 'Government Agency' | 'Health' | 'Other';
export type AisRiskType = 'Labour Exploitation' | 'Sexual Exploitation' | 'Criminal Exploitation' | 'Domestic Servitude' | 'Organ Harvesting' | 'Other';
export type AisLocationOfRisk = 'UK' | 'Overseas' | 'UK and Overseas';
export type AisSource = 'ReferralHub' | 'Practitioner';

export interface AisConcernRequest {
  /** The Referral Hub referral id: a repeat with the same reference answers the same concern. */
  ClientReference?: string;
  Source: AisSource;
  Category: 'Modern Slavery';
  ReferralType?: 'NRM' | 'DutyToNotify';
  /** dd/MM/yyyy */
  ConcernDate: string;
  Subject: AisSubject;
  ReportedBy: AisReportedBy;
  RiskTypes?: AisRiskType[];
  LocationOfRisk?: AisLocationOfRisk;
  ConsentToNrm?: boolean;
  Summary?: string;
  NrmReference?: string;
}

export interface AisTransferRequest {
  LcsRecordId: string;
  ClientReference?: string;
  Reason: 'AgeAssessment' | 'EighteenthBirthday';
  /** dd/MM/yyyy */
  EffectiveDate: string;
  /** dd/MM/yyyy: when the concern was first received (by children's services). */
  ConcernDate: string;
  Subject: AisSubject;
}

export interface AisConcern {
  ConcernId: string;
  Version: number;
  Status: 'Open' | 'Closed';
  Category: string;
  Source: AisSource;
  ClientReference: string | null;
  PersonId: string | null;
  ReferralType: 'NRM' | 'DutyToNotify' | null;
  ConcernDate: string;
  Subject: {
    Forename: string | null;
    MiddleNames: string | null;
    Surname: string | null;
    /** Read as none when left out. */
    KnownAs?: string[];
    DateOfBirth: string | null;
    DateOfBirthIsEstimated: boolean;
    Gender: string;
    Nationality: string | null;
    SecondNationality: string | null;
    NhsNumber: string | null;
  };
  TransferredFrom: { System: 'LCS'; RecordId: string; Reason: string; EffectiveDate: string } | null;
  /** Older AIS releases leave these out. */
  ReportedBy?: { OrganisationType?: string };
  RiskTypes?: string[];
  LocationOfRisk?: string | null;
  NrmReference?: string | null;
}

/** GET /api/v2/SafeguardingConcerns?ConcernIds=…: the concerns found, in the order asked. */
export interface AisConcernBatch {
  Concerns: AisConcern[];
}

export interface AisChangeFeedPage {
  Changes: Array<{ Sequence: number; ConcernId: string; Version: number; ChangeType: 'Created' | 'Updated' | 'TransferIn'; ChangedAt: string }>;
  NextCursor: string;
  HasMore: boolean;
}

export interface AisErrorBody {
  Message?: unknown;
  ValidationErrors?: Array<{ Field?: unknown; Error?: unknown }>;
}
