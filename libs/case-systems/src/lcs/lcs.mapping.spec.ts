import type { Referral } from '@app/domain';
import { aChildReferral } from '../../../../test/support/fixtures';
import { fromLcsContact, toLcsContact } from './lcs.mapping';
import type { LcsContact, LcsContactRequest } from './lcs.types';

/** A child's referral (age disputed) with every field LCS carries answered; the contact expected below spells each one out. */
function childReferral(): Referral {
  return aChildReferral({
    firstResponder: { organisation: 'Thames Valley Police', organisationType: 'police', name: 'PC Jones', role: 'Investigator', email: 'jones@example.org' },
    age: { under18: 'not_sure', ageDisputed: true },
    potentialVictim: {
      gender: 'female',
      nationality: 'ALB',
      secondNationality: 'GRC',
      firstName: 'Ana Maria',
      lastName: 'Hoxha',
      aliases: ['Anna Hodja'],
      dateOfBirth: '2010-06-07',
      dateOfBirthEstimated: false,
      nhsNumber: '9434765919',
    },
    exploitation: { types: ['sexual', 'labour'], location: 'uk_and_overseas' },
    localAuthorityContact: { authority: 'Buckinghamshire Council', phone: '01296 000000', email: 'mash@example.org' },
    narrative: 'Found working in a car wash.',
    referredAt: '2026-06-01T23:30:00Z',
  });
}

function answered(request: LcsContactRequest, extra: Partial<LcsContact> = {}): LcsContact {
  const c = request.child;
  return {
    id: '400001',
    version: 1,
    status: 'open',
    closureReason: null,
    childId: 'LCS-000001',
    externalReference: request.externalReference ?? null,
    source: request.source,
    contactDate: request.contactDate,
    child: {
      name: c.name ?? null,
      aliases: c.aliases ?? [],
      dateOfBirth: c.dateOfBirth ?? null,
      dateOfBirthEstimated: c.dateOfBirthEstimated ?? false,
      ageDisputed: c.ageDisputed ?? false,
      gender: c.gender,
      nationality: c.nationality ?? null,
      secondNationality: c.secondNationality ?? null,
      nhsNumber: c.nhsNumber ?? null,
    },
    factors: request.factors,
    transfer: null,
    referrer: { agencyType: request.referrer.agencyType },
    nrmReference: request.nrmReference ?? null,
    ...extra,
  };
}

describe('LCS mapping', () => {
  const referralId = '4b7c6d1e-1f2a-4c3b-8d9e-0a1b2c3d4e5f';

  it('writes a referral as a contact with the trafficking factor', () => {
    expect(toLcsContact(childReferral(), referralId)).toEqual({
      externalReference: referralId,
      source: 'INTEGRATION',
      contactDate: '2026-06-02',
      child: {
        name: 'HOXHA, Ana Maria',
        aliases: ['Anna Hodja'],
        dateOfBirth: '2010-06-07',
        dateOfBirthEstimated: false,
        ageDisputed: true,
        gender: 'female',
        nationality: 'AL',
        secondNationality: 'GR',
        nhsNumber: '9434765919',
      },
      referrer: { agency: 'Thames Valley Police', agencyType: 'POLICE', name: 'PC Jones', role: 'Investigator', email: 'jones@example.org' },
      factors: ['12A'],
      summary: 'Found working in a car wash.',
    });
  });

  it('reads a contact back, splitting the name', () => {
    expect(fromLcsContact(answered(toLcsContact(childReferral(), referralId)))).toEqual({
      system: 'LCS',
      recordId: '400001',
      version: 1,
      registerPersonId: 'LCS-000001',
      firstName: 'Ana',
      middleNames: 'Maria',
      lastName: 'HOXHA',
      aliases: ['Anna Hodja'],
      dateOfBirth: '2010-06-07',
      dateOfBirthEstimated: false,
      sex: 'female',
      nationality: 'ALB',
      nhsNumber: '9434765919',
      linkedRecordIds: [],
      referralDate: '2026-06-02',
      clientReference: referralId,
      source: 'referral_hub',
      anonymous: false,
      status: 'open',
      // LCS records no referral kind, exploitation type or location; factor 12A says it is modern slavery.
      referralFacts: {
        modernSlavery: true,
        kind: null,
        nrmReference: null,
        secondNationality: 'GRC',
        exploitationTypes: [],
        exploitationLocation: null,
        organisationType: 'police',
        ageDisputed: true,
        transferredIn: false,
      },
    });
  });

  it('reads a contact without factor 12A as no modern-slavery referral', () => {
    expect(fromLcsContact(answered(toLcsContact(childReferral(), referralId), { factors: ['1A'] })).referralFacts?.modernSlavery).toBe(false);
  });

  it('reads a transferred contact with the AIS record it went to', () => {
    const contact = answered(toLcsContact(childReferral(), referralId), {
      status: 'closed',
      closureReason: 'TRANSFERRED_TO_ADULTS',
      transfer: { aisRecordId: 'SC-000009', reason: 'age_assessment_adult', effectiveOn: '2026-07-01' },
    });
    expect(fromLcsContact(contact)).toMatchObject({ status: 'transferred', linkedRecordIds: ['SC-000009'] });
  });

  it('writes a child with no known name and unknown nationality without those fields', () => {
    const referral = childReferral();
    referral.potentialVictim = { gender: 'male', nationality: 'UNK' };
    expect(toLcsContact(referral, referralId).child).toEqual({ gender: 'male', ageDisputed: true });
  });
});
