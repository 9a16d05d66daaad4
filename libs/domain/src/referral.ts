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

/** Where the first responder makes the report (the form's "fr-location"). */
export const UK_NATIONS = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

/** When the potential victim and the exploiters were last in contact (the form's "when-last-contact"). */
export const LAST_CONTACT_PERIODS = ['last_week', 'last_month', 'last_3_months', 'last_6_months', '6_to_12_months', 'over_a_year', 'not_sure'] as const;
export type LastContactPeriod = (typeof LAST_CONTACT_PERIODS)[number];

export interface FirstResponder {
  organisation: string;
  organisationType: OrganisationType;
  name: string;
  role: string;
  email: string;
  phone?: string;
  reference?: string;
  /** Where the report is made. */
  reportMadeIn?: UkNation;
  /** Who the Home Office contacts in the first responder's absence. */
  alternativeEmail?: string;
}

export interface AgeAnswers {
  under18: YesNoNotSure;
  under18DuringExploitation?: YesNoNotSure;
  ageDisputed?: boolean;
}

/** A postal address in the parts the form asks. */
export interface AddressParts {
  street?: string;
  town?: string;
  county?: string;
  postcode?: string;
}

export interface Contact extends AddressParts {
  email?: string;
  phone?: string;
  /** The address in one line, as older clients send it; `street`, `town`, `county` and `postcode` are its parts. */
  address?: string;
  /** It is safe to write to them at this email address. */
  safeToEmail?: boolean;
  /** It is safe to write to them at this postal address. */
  safeToPost?: boolean;
  /** A number through which the support provider can reach them, and whose it is. */
  alternativePhone?: string;
  alternativePhoneRelation?: string;
  /** Why no telephone number can be given. */
  noPhoneReason?: string;
}

/** The potential victim's background, as the form asks it. */
export interface Background {
  birthplace?: string;
  family?: string;
  education?: string;
  employmentHistory?: string;
}

/** Someone else the decision is sent to, with the potential victim's permission. */
export interface DecisionRecipient extends AddressParts {
  firstName?: string;
  lastName?: string;
  email?: string;
  permissionGiven: boolean;
}

/** What the first responder observed and judged, each answer as the form asks it. */
export interface FirstResponderAssessment {
  /** Has the potential victim reported this before? */
  reportedBefore?: YesNoNotSure;
  reportedBeforeDetails?: string;
  /** What prevented them from reporting sooner (asked when not reported before). */
  whyNotReportedSooner?: string;
  modernSlaveryIndicators?: boolean;
  modernSlaveryIndicatorsDetails?: string;
  interviews?: string;
  professionalInsight?: string;
  credibilityConcerns?: boolean;
  credibilityConcernsDetails?: string;
  othersInvolved?: boolean;
  othersInvolvedDetails?: string;
  /** The documents the first responder will submit to the Home Office. */
  evidence?: string;
}

export interface Exploiters {
  details?: string;
  /** Is there information about where the exploiters are? */
  locationKnown?: boolean;
  inUk?: boolean;
  locationDetails?: string;
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
  /** Where they are staying now: a UK city or town and a region. */
  currentLocation?: { town?: string; region?: string };
  background?: Background;
  needsSupport?: boolean;
  hasChildren?: boolean;
  numberOfChildren?: number;
  needsCommunicationHelp?: boolean;
  communicationAid?: string;
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
  /** Has the potential victim been in more than one exploitative situation? */
  multipleSituations?: YesNoNotSure;
  /** When it happened, in the potential victim's words (start and end, or of each situation). */
  whenDetails?: string;
  howItStarted?: string;
  takenSomewhere?: boolean;
  journeyDetails?: string;
  requiredToDo?: string;
  livingConditions?: string;
  treatment?: string;
  /** What keeps them in the situation (still in it), or how they left it (no longer in it). */
  keepingThemThere?: string;
  howTheyLeft?: string;
  lastContact?: LastContactPeriod;
  lastContactDetails?: string;
  otherUkLocation?: string;
  otherOverseasLocation?: string;
  exploiters?: Exploiters;
  otherVictims?: YesNoNotSure;
  otherVictimsDetails?: string;
  futureRisk?: boolean;
  futureRiskReasons?: string;
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
  /** How the potential victim will help the authorities (with `cooperatesWithAuthorities`). */
  cooperationDetails?: string;
  /** Why an adult does not want their case referred (a Duty to Notify notification). */
  declinedNrmReason?: string;
  firstResponderAssessment?: FirstResponderAssessment;
  decisionRecipient?: DecisionRecipient;
  narrative?: string;
  /** ISO date-time; intake fills it with the time of receipt when absent. */
  referredAt: string;
}

/** A failing field, named by its path in the request body (e.g. `potentialVictim.dateOfBirth`). */
export interface FieldViolation {
  path: string;
  message: string;
}
