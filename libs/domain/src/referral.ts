/**
 * The referral as the Home Office NRM form and the Duty to Notify (MS1) collect it (docs/domain.md, "The referral").
 * Plain types: the intake DTOs, the router and the statistics all read a referral through these.
 */
import type { HomeOfficeExploitationType } from './home-office-types';

export const REFERRAL_KINDS = ['nrm', 'dtn'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const ORGANISATION_TYPES = ['local_authority', 'police', 'ngo', 'government_agency', 'health', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const YES_NO_NOT_SURE = ['yes', 'no', 'not_sure'] as const;
export type YesNoNotSure = (typeof YES_NO_NOT_SURE)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const EXPLOITATION_TYPES = ['labour', 'sexual', 'criminal', 'domestic_servitude', 'organ_harvesting', 'other'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const EXPLOITATION_LOCATIONS = ['uk', 'overseas', 'uk_and_overseas'] as const;
export type ExploitationLocation = (typeof EXPLOITATION_LOCATIONS)[number];

export type CaseSystem = 'AIS' | 'LCS';

export interface FirstResponder {
  organisation: string;
  organisationType: OrganisationType;
  name: string;
  role: string;
  email: string;
  phone?: string;
  reference?: string;
}

export interface AgeAnswers {
  under18: YesNoNotSure;
  under18DuringExploitation?: YesNoNotSure;
  ageDisputed?: boolean;
}

export interface Contact {
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
}

export interface PotentialVictim {
  gender: Gender;
  nationality: string;
  secondNationality?: string;
  firstName?: string;
  lastName?: string;
  aliases?: string[];
  dateOfBirth?: string;
  dateOfBirthEstimated?: boolean;
  nhsNumber?: string;
  homeOfficeReference?: string;
  interpreterLanguage?: string;
  contact?: Contact;
}

export interface Exploitation {
  /** The statistics types. When only `homeOfficeTypes` is given, intake fills these from them. */
  types: ExploitationType[];
  /** The Home Office form's detailed types, as the form names them. */
  homeOfficeTypes?: HomeOfficeExploitationType[];
  /** The criminal exploitation was county lines drug supply (the Home Office flags it in its statistics). */
  countyLines?: boolean;
  otherDetails?: string;
  location: ExploitationLocation;
  ukTowns?: string[];
  countries?: string[];
  /** YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known (an estimate is fine). */
  startDate?: string;
  ongoing?: boolean;
}

export interface LocalAuthorityContact {
  authority: string;
  phone: string;
  email: string;
  name?: string;
}

export interface PoliceDetails {
  force: string;
  crimeReference?: string;
}

export interface Referral {
  kind: ReferralKind;
  firstResponder: FirstResponder;
  age: AgeAnswers;
  consentToNrm?: boolean;
  cooperatesWithAuthorities?: boolean;
  potentialVictim: PotentialVictim;
  exploitation: Exploitation;
  localAuthorityContact?: LocalAuthorityContact;
  police?: PoliceDetails;
  narrative?: string;
  /** ISO date-time; intake fills it with the time of receipt when absent. */
  referredAt: string;
}

/** A failing field, named by its path in the request body (e.g. `potentialVictim.dateOfBirth`). */
export interface FieldViolation {
  path: string;
  message: string;
}
