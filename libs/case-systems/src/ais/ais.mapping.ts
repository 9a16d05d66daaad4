import type { ExploitationLocation, ExploitationType, OrganisationType, Referral } from '@app/domain';
import { CaseRecord, CaseReferralFacts, CaseSubject, isAnonymous, subjectOfVictim, TransferReason } from '../case-record';
import { aisDateToIso, isoToAisDate, ukDateOf } from '../formats/dates';
import { alpha3ToDemonym, demonymToAlpha3 } from '../formats/nationality';
import { aisGenderToSex, sexToAisGender } from '../formats/sex';
import type { AisConcern, AisConcernRequest, AisLocationOfRisk, AisOrganisationType, AisRiskType, AisSubject, AisTransferRequest } from './ais.types';

const ORGANISATION_TYPES: Readonly<Record<OrganisationType, AisOrganisationType>> = {
  local_authority: 'Local Authority',
  police: 'Police',
  ngo: 'Voluntary Organisation',
  government_agency: 'Government Agency',
  health: 'Health',
  other: 'Other',
};

const RISK_TYPES: Readonly<Record<ExploitationType, AisRiskType>> = {
  labour: 'Labour Exploitation',
  sexual: 'Sexual Exploitation',
  criminal: 'Criminal Exploitation',
  domestic_servitude: 'Domestic Servitude',
  organ_harvesting: 'Organ Harvesting',
  other: 'Other',
};

const LOCATIONS: Readonly<Record<ExploitationLocation, AisLocationOfRisk>> = {
  uk: 'UK',
  overseas: 'Overseas',
  uk_and_overseas: 'UK and Overseas',
};

const TRANSFER_REASONS: Readonly<Record<TransferReason, AisTransferRequest['Reason']>> = {
  age_assessment_adult: 'AgeAssessment',
  eighteenth_birthday: 'EighteenthBirthday',
};

function reverse<K extends string, V extends string>(table: Readonly<Record<K, V>>): ReadonlyMap<string, K> {
  return new Map(Object.entries(table).map(([k, v]) => [v as string, k as K]));
}
const ORGANISATION_TYPE_OF = reverse(ORGANISATION_TYPES);
const RISK_TYPE_OF = reverse(RISK_TYPES);
const LOCATION_OF = reverse(LOCATIONS);

/** What an AIS concern says about the referral it holds (every concern AIS sends us is in one category). */
function aisReferralFacts(concern: AisConcern): CaseReferralFacts {
  const types = (concern.RiskTypes ?? []).map((t) => RISK_TYPE_OF.get(t)).filter((t): t is ExploitationType => t !== undefined);
  return {
    modernSlavery: concern.Category === 'Modern Slavery',
    kind: concern.ReferralType === 'NRM' ? 'nrm' : concern.ReferralType === 'DutyToNotify' ? 'dtn' : null,
    nrmReference: concern.NrmReference || null,
    secondNationality: demonymToAlpha3(concern.Subject.SecondNationality) ?? null,
    exploitationTypes: [...new Set(types)],
    exploitationLocation: (concern.LocationOfRisk && LOCATION_OF.get(concern.LocationOfRisk)) || null,
    organisationType: (concern.ReportedBy?.OrganisationType && ORGANISATION_TYPE_OF.get(concern.ReportedBy.OrganisationType)) || null,
    ageDisputed: false,
    transferredIn: concern.TransferredFrom !== null,
  };
}

function present<T extends object>(value: T): T {
  // AIS refuses explicit nulls in requests; absent is how it says "not known".
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/** A normalised subject as AIS's Subject block. */
export function toAisSubject(subject: Partial<CaseSubject>): AisSubject {
  return present<AisSubject>({
    Forename: subject.firstName ?? undefined,
    MiddleNames: subject.middleNames ?? undefined,
    Surname: subject.lastName ?? undefined,
    KnownAs: subject.aliases?.length ? subject.aliases : undefined,
    DateOfBirth: subject.dateOfBirth ? isoToAisDate(subject.dateOfBirth) : undefined,
    DateOfBirthIsEstimated: subject.dateOfBirth ? (subject.dateOfBirthEstimated ?? false) : undefined,
    Gender: sexToAisGender(subject.sex),
    Nationality: alpha3ToDemonym(subject.nationality),
    // Intake takes the number as people write it ("943 476 5919"); AIS takes ten digits.
    NhsNumber: subject.nhsNumber?.replace(/\s+/g, '') ?? undefined,
  });
}

/** A referral as an AIS safeguarding concern in the "Modern Slavery" category. */
export function toAisConcern(referral: Referral, referralId: string): AisConcernRequest {
  const victim = referral.potentialVictim;
  const responder = referral.firstResponder;
  const subject = toAisSubject(subjectOfVictim(victim));
  const second = alpha3ToDemonym(victim.secondNationality);
  if (second) subject.SecondNationality = second;
  return present<AisConcernRequest>({
    ClientReference: referralId,
    Source: 'ReferralHub',
    Category: 'Modern Slavery',
    ReferralType: referral.kind === 'nrm' ? 'NRM' : 'DutyToNotify',
    ConcernDate: isoToAisDate(ukDateOf(referral.referredAt)),
    Subject: subject,
    ReportedBy: present({
      Organisation: responder.organisation,
      OrganisationType: ORGANISATION_TYPES[responder.organisationType],
      ContactName: responder.name,
      Role: responder.role,
      Email: responder.email,
      Phone: responder.phone,
    }),
    RiskTypes: referral.exploitation.types.map((t) => RISK_TYPES[t]),
    LocationOfRisk: LOCATIONS[referral.exploitation.location],
    ConsentToNrm: referral.consentToNrm,
    Summary: referral.narrative,
  });
}

interface TransferCommon {
  /** The LCS contact the child's case was held under. */
  lcsRecordId: string;
  /** The referral the case began with; null for a case a practitioner entered directly into LCS. */
  referralId: string | null;
  reason: TransferReason;
  /** ISO YYYY-MM-DD */
  effectiveOn: string;
}

/**
 * Who is transferred: either the original referral (its potential victim and date), or the subject as
 * children's services now hold it (e.g. read from LCS with getRecord, or with an age-assessed date of birth).
 */
export type AisTransferInput = TransferCommon &
  (
    | { referral: Referral }
    | {
        subject: CaseSubject;
        /** ISO YYYY-MM-DD: when children's services first received the case. */
        referralDate: string;
      }
  );

function referralSubject(referral: Referral): CaseSubject {
  const v = referral.potentialVictim;
  return {
    firstName: v.firstName ?? null,
    middleNames: null,
    lastName: v.lastName ?? null,
    aliases: v.aliases ?? [],
    dateOfBirth: v.dateOfBirth ?? null,
    dateOfBirthEstimated: v.dateOfBirthEstimated ?? false,
    sex: v.gender,
    nationality: v.nationality,
    nhsNumber: v.nhsNumber ?? null,
  };
}

export function toAisTransfer(input: AisTransferInput): AisTransferRequest {
  const subject = 'referral' in input ? referralSubject(input.referral) : input.subject;
  const referralDate = 'referral' in input ? ukDateOf(input.referral.referredAt) : input.referralDate;
  return present<AisTransferRequest>({
    LcsRecordId: input.lcsRecordId,
    ClientReference: input.referralId ?? undefined,
    Reason: TRANSFER_REASONS[input.reason],
    EffectiveDate: isoToAisDate(input.effectiveOn),
    ConcernDate: isoToAisDate(referralDate),
    Subject: toAisSubject(subject),
  });
}

/** An AIS concern as a normalised case record. */
export function fromAisConcern(concern: AisConcern): CaseRecord {
  const s = concern.Subject;
  const subject: CaseSubject = {
    firstName: s.Forename || null,
    middleNames: s.MiddleNames || null,
    lastName: s.Surname || null,
    aliases: s.KnownAs ?? [],
    dateOfBirth: s.DateOfBirth ? (aisDateToIso(s.DateOfBirth) ?? null) : null,
    dateOfBirthEstimated: s.DateOfBirthIsEstimated,
    sex: aisGenderToSex(s.Gender),
    nationality: demonymToAlpha3(s.Nationality),
    nhsNumber: s.NhsNumber || null,
  };
  const referralDate = aisDateToIso(concern.ConcernDate);
  if (!referralDate) throw new RangeError(`AIS concern ${concern.ConcernId} has an unreadable ConcernDate`);
  return {
    system: 'AIS',
    recordId: concern.ConcernId,
    version: concern.Version,
    registerPersonId: concern.PersonId,
    ...subject,
    linkedRecordIds: concern.TransferredFrom ? [concern.TransferredFrom.RecordId] : [],
    referralDate,
    clientReference: concern.ClientReference,
    source: concern.Source === 'Practitioner' ? 'practitioner' : 'referral_hub',
    anonymous: isAnonymous(subject),
    status: concern.Status === 'Closed' ? 'closed' : 'open',
    referralFacts: aisReferralFacts(concern),
  };
}
