import type { Referral } from '@app/domain';
import { aReferral } from '../../../../test/support/fixtures';
import { fromAisConcern, toAisConcern, toAisTransfer } from './ais.mapping';
import type { AisConcern, AisConcernRequest } from './ais.types';

/** An adult's referral with every field AIS carries answered; the concern expected below spells each one out. */
function adultReferral(overrides: Partial<Referral> = {}): Referral {
  return aReferral({
    firstResponder: { organisation: 'Thames Valley Police', organisationType: 'police', name: 'PC Jones', role: 'Investigator', email: 'jones@example.org' },
    age: { under18: 'no' },
    potentialVictim: {
      gender: 'female',
      nationality: 'ALB',
      secondNationality: 'GRC',
      firstName: 'Ana Maria',
      lastName: 'Hoxha',
      aliases: ['Anna Hodja'],
      dateOfBirth: '1999-04-05',
      dateOfBirthEstimated: true,
      nhsNumber: '9434765919',
    },
    exploitation: { types: ['sexual', 'labour'], location: 'uk_and_overseas' },
    narrative: 'Found working in a car wash.',
    referredAt: '2026-03-10T09:30:00Z',
    ...overrides,
  });
}

/** What AIS answers for a request, as the mimic stores it. */
function answered(request: AisConcernRequest, extra: Partial<AisConcern> = {}): AisConcern {
  const s = request.Subject;
  return {
    ConcernId: 'SC-000001',
    Version: 1,
    Status: 'Open',
    Category: request.Category,
    Source: request.Source,
    ClientReference: request.ClientReference ?? null,
    PersonId: 'P0000001',
    ReferralType: request.ReferralType ?? null,
    ConcernDate: request.ConcernDate,
    Subject: {
      Forename: s.Forename ?? null,
      MiddleNames: s.MiddleNames ?? null,
      Surname: s.Surname ?? null,
      KnownAs: s.KnownAs ?? [],
      DateOfBirth: s.DateOfBirth ?? null,
      DateOfBirthIsEstimated: s.DateOfBirthIsEstimated ?? false,
      Gender: s.Gender,
      Nationality: s.Nationality ?? null,
      SecondNationality: s.SecondNationality ?? null,
      NhsNumber: s.NhsNumber ?? null,
    },
    TransferredFrom: null,
    ReportedBy: { OrganisationType: request.ReportedBy.OrganisationType },
    RiskTypes: request.RiskTypes ?? [],
    LocationOfRisk: request.LocationOfRisk ?? null,
    NrmReference: request.NrmReference ?? null,
    ...extra,
  };
}

describe('AIS mapping', () => {
  const referralId = '4b7c6d1e-1f2a-4c3b-8d9e-0a1b2c3d4e5f';

  it('writes a referral as a Modern Slavery concern in AIS format', () => {
    expect(toAisConcern(adultReferral(), referralId)).toEqual({
      ClientReference: referralId,
      Source: 'ReferralHub',
      Category: 'Modern Slavery',
      ReferralType: 'NRM',
      ConcernDate: '10/03/2026',
      Subject: {
        Forename: 'Ana Maria',
        Surname: 'Hoxha',
        KnownAs: ['Anna Hodja'],
        DateOfBirth: '05/04/1999',
        DateOfBirthIsEstimated: true,
        Gender: 'F',
        Nationality: 'Albanian',
        SecondNationality: 'Greek',
        NhsNumber: '9434765919',
      },
      ReportedBy: {
        Organisation: 'Thames Valley Police',
        OrganisationType: 'Police',
        ContactName: 'PC Jones',
        Role: 'Investigator',
        Email: 'jones@example.org',
      },
      RiskTypes: ['Sexual Exploitation', 'Labour Exploitation'],
      LocationOfRisk: 'UK and Overseas',
      ConsentToNrm: true,
      Summary: 'Found working in a car wash.',
    });
  });

  it('sends an anonymous notification with gender and nationality only', () => {
    const dtn = adultReferral({
      kind: 'dtn',
      consentToNrm: undefined,
      potentialVictim: { gender: 'male', nationality: 'UNK' },
    });
    expect(toAisConcern(dtn, referralId).Subject).toEqual({ Gender: 'M' });
  });

  it("reads a concern back to the referral's facts", () => {
    const record = fromAisConcern(answered(toAisConcern(adultReferral(), referralId)));
    expect(record).toEqual({
      system: 'AIS',
      recordId: 'SC-000001',
      version: 1,
      registerPersonId: 'P0000001',
      firstName: 'Ana Maria',
      middleNames: null,
      lastName: 'Hoxha',
      aliases: ['Anna Hodja'],
      dateOfBirth: '1999-04-05',
      dateOfBirthEstimated: true,
      sex: 'female',
      nationality: 'ALB',
      nhsNumber: '9434765919',
      linkedRecordIds: [],
      referralDate: '2026-03-10',
      clientReference: referralId,
      source: 'referral_hub',
      anonymous: false,
      status: 'open',
      referralFacts: {
        modernSlavery: true,
        kind: 'nrm',
        nrmReference: null,
        secondNationality: 'GRC',
        exploitationTypes: ['sexual', 'labour'],
        exploitationLocation: 'uk_and_overseas',
        organisationType: 'police',
        ageDisputed: false,
        transferredIn: false,
      },
    });
  });

  it("reads a practitioner's Home Office reference and an unrecorded kind", () => {
    const concern = answered(toAisConcern(adultReferral(), referralId), {
      Source: 'Practitioner',
      ClientReference: null,
      ReferralType: null,
      NrmReference: 'NRM-2026-1',
    });
    expect(fromAisConcern(concern).referralFacts).toMatchObject({ kind: null, nrmReference: 'NRM-2026-1' });
  });

  it('reads a transfer in from LCS as no referral of its own', () => {
    const concern = answered(toAisConcern(adultReferral(), referralId), {
      TransferredFrom: { System: 'LCS', RecordId: '400001', Reason: 'EighteenthBirthday', EffectiveDate: '01/07/2026' },
    });
    expect(fromAisConcern(concern).referralFacts?.transferredIn).toBe(true);
  });

  it('reads a concern with no name, date of birth or NHS number as anonymous', () => {
    const dtn = adultReferral({ kind: 'dtn', potentialVictim: { gender: 'other', nationality: 'VNM' } });
    const record = fromAisConcern(answered(toAisConcern(dtn, referralId), { PersonId: null }));
    expect(record).toMatchObject({ anonymous: true, registerPersonId: null, sex: 'other', nationality: 'VNM' });
  });

  it("reads a practitioner's concern as practitioner-entered", () => {
    const request = { ...toAisConcern(adultReferral(), referralId), ClientReference: undefined, Source: 'Practitioner' as const };
    expect(fromAisConcern(answered(request))).toMatchObject({ source: 'practitioner', clientReference: null });
  });

  it('links a transferred concern to the LCS record it came from', () => {
    const request = toAisConcern(adultReferral(), referralId);
    const concern = answered(request, { TransferredFrom: { System: 'LCS', RecordId: '400001', Reason: 'EighteenthBirthday', EffectiveDate: '05/04/2026' } });
    expect(fromAisConcern(concern).linkedRecordIds).toEqual(['400001']);
  });

  it('writes a transfer with AIS dates and the LCS record id', () => {
    const transfer = toAisTransfer({
      lcsRecordId: '400001',
      referralId,
      reason: 'eighteenth_birthday',
      effectiveOn: '2026-04-05',
      referralDate: '2025-11-02',
      subject: {
        firstName: 'Ana',
        middleNames: null,
        lastName: 'HOXHA',
        aliases: [],
        dateOfBirth: '2008-04-05',
        dateOfBirthEstimated: false,
        sex: 'female',
        nationality: 'ALB',
        nhsNumber: null,
      },
    });
    expect(transfer).toEqual({
      LcsRecordId: '400001',
      ClientReference: referralId,
      Reason: 'EighteenthBirthday',
      EffectiveDate: '05/04/2026',
      ConcernDate: '02/11/2025',
      Subject: { Forename: 'Ana', Surname: 'HOXHA', DateOfBirth: '05/04/2008', DateOfBirthIsEstimated: false, Gender: 'F', Nationality: 'Albanian' },
    });
  });

  it('takes the transferred subject from the original referral when given one', () => {
    const transfer = toAisTransfer({ lcsRecordId: '400001', referralId, reason: 'age_assessment_adult', effectiveOn: '2026-04-05', referral: adultReferral() });
    expect(transfer).toMatchObject({
      Reason: 'AgeAssessment',
      ConcernDate: '10/03/2026',
      Subject: { Forename: 'Ana Maria', Surname: 'Hoxha', DateOfBirth: '05/04/1999', Gender: 'F', Nationality: 'Albanian' },
    });
  });
});
