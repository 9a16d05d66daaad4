import type { OrganisationType, Referral } from '@app/domain';
import { CaseRecord, CaseReferralFacts, CaseSubject, isAnonymous, subjectOfVictim } from '../case-record';
import { ukDateOf } from '../formats/dates';
import { joinLcsName, splitLcsName } from '../formats/names';
import { alpha2ToAlpha3, alpha3ToAlpha2 } from '../formats/nationality';
import { lcsGenderToSex, sexToLcsGender } from '../formats/sex';
import type { LcsAgencyType, LcsChild, LcsContact, LcsContactRequest } from './lcs.types';

/** CIN census assessment factor 12A, Trafficking, which "includes slavery" (docs/domain.md, "The case systems' own codes"). */
export const TRAFFICKING_FACTOR = '12A';

const AGENCY_TYPES: Readonly<Record<OrganisationType, LcsAgencyType>> = {
  local_authority: 'LA',
  police: 'POLICE',
  ngo: 'VOLUNTARY',
  government_agency: 'GOVERNMENT',
  health: 'HEALTH',
  other: 'OTHER',
};

const ORGANISATION_TYPE_OF: ReadonlyMap<string, OrganisationType> = new Map(
  Object.entries(AGENCY_TYPES).map(([type, agency]) => [agency as string, type as OrganisationType]),
);

/** What an LCS contact says about a referral: LCS records no referral kind, exploitation type or location. */
function lcsReferralFacts(contact: LcsContact): CaseReferralFacts {
  return {
    modernSlavery: contact.factors.includes(TRAFFICKING_FACTOR),
    kind: null,
    nrmReference: contact.nrmReference || null,
    secondNationality: alpha2ToAlpha3(contact.child.secondNationality) ?? null,
    exploitationTypes: [],
    exploitationLocation: null,
    organisationType: (contact.referrer?.agencyType && ORGANISATION_TYPE_OF.get(contact.referrer.agencyType)) || null,
    ageDisputed: contact.child.ageDisputed,
    transferredIn: false,
  };
}

function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/** A normalised subject as LCS's child block. */
export function toLcsChild(subject: Partial<CaseSubject>): LcsChild {
  return present<LcsChild>({
    name: joinLcsName({ firstName: subject.firstName, middleNames: subject.middleNames, lastName: subject.lastName }),
    aliases: subject.aliases?.length ? subject.aliases : undefined,
    dateOfBirth: subject.dateOfBirth ?? undefined,
    dateOfBirthEstimated: subject.dateOfBirth ? (subject.dateOfBirthEstimated ?? false) : undefined,
    gender: sexToLcsGender(subject.sex),
    nationality: alpha3ToAlpha2(subject.nationality),
    // Intake takes the number as people write it ("943 476 5919"); LCS takes ten digits.
    nhsNumber: subject.nhsNumber?.replace(/\s+/g, '') ?? undefined,
  });
}

/** A referral as an LCS contact with the trafficking assessment factor. */
export function toLcsContact(referral: Referral, referralId: string): LcsContactRequest {
  const victim = referral.potentialVictim;
  const responder = referral.firstResponder;
  const child = toLcsChild(subjectOfVictim(victim));
  const second = alpha3ToAlpha2(victim.secondNationality);
  if (second) child.secondNationality = second;
  if (referral.age.ageDisputed) child.ageDisputed = true;
  return present<LcsContactRequest>({
    externalReference: referralId,
    source: 'INTEGRATION',
    contactDate: ukDateOf(referral.referredAt),
    child,
    referrer: present({
      agency: responder.organisation,
      agencyType: AGENCY_TYPES[responder.organisationType],
      name: responder.name,
      role: responder.role,
      email: responder.email,
      phone: responder.phone,
    }),
    factors: [TRAFFICKING_FACTOR],
    summary: referral.narrative,
  });
}

/** An LCS contact as a normalised case record. */
export function fromLcsContact(contact: LcsContact): CaseRecord {
  const c = contact.child;
  const subject: CaseSubject = {
    ...splitLcsName(c.name),
    aliases: c.aliases ?? [],
    dateOfBirth: c.dateOfBirth,
    dateOfBirthEstimated: c.dateOfBirthEstimated,
    sex: lcsGenderToSex(c.gender),
    nationality: alpha2ToAlpha3(c.nationality),
    nhsNumber: c.nhsNumber || null,
  };
  return {
    system: 'LCS',
    recordId: contact.id,
    version: contact.version,
    registerPersonId: contact.childId,
    ...subject,
    linkedRecordIds: contact.transfer ? [contact.transfer.aisRecordId] : [],
    referralDate: contact.contactDate,
    clientReference: contact.externalReference,
    source: contact.source === 'PRACTITIONER' ? 'practitioner' : 'referral_hub',
    anonymous: isAnonymous(subject),
    status: contact.transfer ? 'transferred' : contact.status,
    referralFacts: lcsReferralFacts(contact),
  };
}
