/**
 * The one factory for test referrals and case records, for unit specs and integration tests alike: a complete,
 * plausible default, and an override of whatever a test is about (`aReferral({ age: { under18: 'not_sure' } })`).
 * A test that depends on a value gives it in its overrides where the value is the point of the test; some tests
 * assert on defaults (a record's id, the adult's name), so change one with care. A body the domain's Referral does
 * not describe (an unknown field, a bad value) is spread from one: `{ ...aReferral(), kind: 'x' }`.
 * The Home Office form's own recorded journeys are turned into referrals by home-office-form.ts; rows written
 * straight to the central schema for the statistics, by statistics-fixtures.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord, CaseReferralFacts } from '@app/case-systems';
import type { FirstResponder, LocalAuthorityContact, Referral } from '@app/domain';

// Referrals as a first responder sends them to POST /v1/referrals (docs/domain.md, "The referral").

export const firstResponder: FirstResponder = {
  organisation: 'Thames Valley Police',
  organisationType: 'police',
  name: 'Sam Officer',
  role: 'Detective Constable',
  email: 'sam.officer@police.example',
};

export const localAuthorityContact: LocalAuthorityContact = {
  authority: 'Buckinghamshire Council',
  phone: '01296 395000',
  email: 'mash@buckinghamshire.example',
};

/** An adult's NRM referral, with consent, exploited in the UK, routed to AIS. */
export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'nrm',
    firstResponder,
    age: { under18: 'no', under18DuringExploitation: 'no' },
    consentToNrm: true,
    potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'Arta', lastName: 'Hoxha', dateOfBirth: '1994-03-12' },
    exploitation: { types: ['sexual', 'labour'], location: 'uk', ukTowns: ['High Wycombe'] },
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

/** A child's NRM referral by the local authority (no consent asked), routed to LCS. */
export function aChildReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'nrm',
    firstResponder: { ...firstResponder, organisation: 'Buckinghamshire Council', organisationType: 'local_authority' },
    age: { under18: 'yes' },
    potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Van', lastName: 'Nguyen', dateOfBirth: '2010-07-01' },
    exploitation: { types: ['criminal'], location: 'uk_and_overseas', countries: ['VNM'], ukTowns: ['Aylesbury'] },
    localAuthorityContact,
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

/** An adult's anonymous Duty to Notify notification: no consent, no name, no date of birth. */
export function aDutyToNotify(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'dtn',
    firstResponder,
    age: { under18: 'no', under18DuringExploitation: 'no' },
    consentToNrm: false,
    potentialVictim: { gender: 'male', nationality: 'ERI' },
    exploitation: { types: ['labour'], location: 'overseas', countries: ['LBY'] },
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

// Case records as the case-system clients read them (libs/case-systems/src/case-record.ts).

/** What a practitioner's Modern Slavery record says about its referral: an NRM referral by the local authority. */
export function referralFactsOf(overrides: Partial<CaseReferralFacts> = {}): CaseReferralFacts {
  return {
    modernSlavery: true,
    kind: 'nrm',
    nrmReference: 'NRM-1',
    secondNationality: null,
    exploitationTypes: ['labour'],
    exploitationLocation: 'uk',
    organisationType: 'local_authority',
    ageDisputed: false,
    transferredIn: false,
    ...overrides,
  };
}

/** An adult's AIS concern a practitioner entered directly (no client reference). */
export function anAisRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    system: 'AIS',
    recordId: 'SC-000001',
    version: 1,
    registerPersonId: 'P0000001',
    firstName: 'Ana',
    middleNames: null,
    lastName: 'Popescu',
    aliases: [],
    dateOfBirth: '1990-01-01',
    dateOfBirthEstimated: false,
    sex: 'female',
    nationality: 'ROU',
    nhsNumber: null,
    linkedRecordIds: [],
    referralDate: '2026-05-04',
    clientReference: null,
    source: 'practitioner',
    anonymous: false,
    status: 'open',
    ...overrides,
  };
}

/** A child's LCS contact a practitioner entered directly (no external reference). */
export function anLcsRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    system: 'LCS',
    recordId: '400001',
    version: 1,
    registerPersonId: 'LCS-000001',
    firstName: 'Van',
    middleNames: null,
    lastName: 'NGUYEN',
    aliases: [],
    dateOfBirth: '2010-07-01',
    dateOfBirthEstimated: false,
    sex: 'male',
    nationality: 'VNM',
    nhsNumber: null,
    linkedRecordIds: [],
    referralDate: '2026-05-04',
    clientReference: null,
    source: 'practitioner',
    anonymous: false,
    status: 'open',
    ...overrides,
  };
}

// Case records as the case systems' own APIs take them (the mimics' request bodies, in the vendors' formats).

type Body = Record<string, unknown>;

/** POST /api/v2/SafeguardingConcerns as Referral Hub sends it; `subject` changes fields of the Subject. */
export function anAisConcernRequest(overrides: Body = {}, subject: Body = {}): Body {
  return {
    ClientReference: randomUUID(),
    Source: 'ReferralHub',
    Category: 'Modern Slavery',
    ReferralType: 'NRM',
    ConcernDate: '10/03/2026',
    Subject: { Forename: 'Ana', Surname: 'Hoxha', DateOfBirth: '05/04/1999', Gender: 'F', Nationality: 'Albanian', ...subject },
    ReportedBy: { Organisation: 'Thames Valley Police', OrganisationType: 'Police' },
    RiskTypes: ['Labour Exploitation'],
    LocationOfRisk: 'UK',
    ...overrides,
  };
}

/** POST /lcs/api/contacts as Referral Hub sends it; `child` changes fields of the child. */
export function anLcsContactRequest(overrides: Body = {}, child: Body = {}): Body {
  return {
    externalReference: randomUUID(),
    source: 'INTEGRATION',
    contactDate: '2026-03-10',
    child: { name: 'HOXHA, Ana Maria', dateOfBirth: '2010-06-07', gender: 'female', nationality: 'AL', ...child },
    referrer: { agency: 'Thames Valley Police', agencyType: 'POLICE' },
    factors: ['12A'],
    ...overrides,
  };
}
