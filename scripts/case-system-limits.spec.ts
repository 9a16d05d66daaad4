import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { fromLcsContact, toAisConcern, toAisTransfer, toLcsContact, type LcsContact } from '@app/case-systems';
import { CASE_SYSTEM_LIMITS, type Referral } from '@app/domain';
import { CreateSafeguardingConcernDto } from '../apps/ais/src/concerns/dto/create-safeguarding-concern.dto';
import { AisSubjectDto } from '../apps/ais/src/concerns/dto/ais-subject.dto';
import { CreateTransferDto } from '../apps/ais/src/transfers/dto/create-transfer.dto';
import { CreateContactDto } from '../apps/lcs/src/contacts/dto/create-contact.dto';
import { CreateReferralDto, FirstResponderDto, PotentialVictimDto } from '../apps/intake/src/referrals/dto/create-referral.dto';
import { aChildReferral } from '../test/support/fixtures';

/**
 * Intake must refuse what AIS or LCS would refuse: a referral accepted but refused by its case system fails routing
 * for ever (a 152-character first name was accepted by intake's 200 and refused by AIS's 100). This fills every
 * field the router sends at the longest intake accepts, maps it as the router does, and validates the result with
 * the mimics' own request DTOs; and checks that intake's limits are the shared ones, so the two cannot drift.
 */

function maxLengthOf(target: object, property: string): number {
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(target as new () => unknown, '', true, false)
    .find((m) => m.propertyName === property && m.name === 'maxLength');
  const max: unknown = found?.constraints[0];
  if (typeof max !== 'number') throw new Error(`${property} has no MaxLength`);
  return max;
}

function arrayMaxSizeOf(target: object, property: string): number {
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(target as new () => unknown, '', true, false)
    .find((m) => m.propertyName === property && m.name === 'arrayMaxSize');
  const max: unknown = found?.constraints[0];
  if (typeof max !== 'number') throw new Error(`${property} has no ArrayMaxSize`);
  return max;
}

function failures(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${e.property}: ${m}`),
    ...failures(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

async function refusals(dto: new () => object, body: object): Promise<string[]> {
  return failures(await validate(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true }));
}

const text = (length: number, letter = 'a'): string => letter.repeat(length);

/** A child's referral with every text the router sends at the longest intake accepts. */
function atIntakeLimits(): Referral {
  const base = aChildReferral();
  const aliases = Array.from({ length: arrayMaxSizeOf(PotentialVictimDto, 'aliases') }, (_, i) =>
    text(maxLengthOf(PotentialVictimDto, 'aliases'), String.fromCharCode(98 + i)),
  );
  // A UK number padded with spaces to the longest phone intake takes.
  const phoneLength = CASE_SYSTEM_LIMITS.phone;
  const phone = `01296${' '.repeat(phoneLength - 11)}395000`;
  return aChildReferral({
    firstResponder: {
      ...base.firstResponder,
      organisation: text(maxLengthOf(FirstResponderDto, 'organisation')),
      name: text(maxLengthOf(FirstResponderDto, 'name')),
      role: text(maxLengthOf(FirstResponderDto, 'role')),
      phone,
    },
    potentialVictim: {
      ...base.potentialVictim,
      firstName: text(maxLengthOf(PotentialVictimDto, 'firstName')),
      lastName: text(maxLengthOf(PotentialVictimDto, 'lastName')),
      aliases,
      nhsNumber: '943 476 5919',
    },
    narrative: text(maxLengthOf(CreateReferralDto, 'narrative')),
  });
}

describe('what intake accepts, the case systems take', () => {
  const referral = atIntakeLimits();

  it('intake accepts the referral at its limits, and refuses one character more naming the field', async () => {
    expect(await refusals(CreateReferralDto, referral)).toEqual([]);
    const longer = { ...referral, potentialVictim: { ...referral.potentialVictim, firstName: `${referral.potentialVictim.firstName ?? ''}a` } };
    expect(await refusals(CreateReferralDto, longer)).toEqual([expect.stringMatching(/^potentialVictim\.firstName: firstName must be shorter/)]);
    const comma = { ...referral, potentialVictim: { ...referral.potentialVictim, lastName: 'Kola, Ana' } };
    expect(await refusals(CreateReferralDto, comma)).toEqual(['potentialVictim.lastName: lastName must not contain a comma']);
  });

  it('AIS takes the concern the router makes of it', async () => {
    expect(await refusals(CreateSafeguardingConcernDto, toAisConcern(referral, randomUUID()))).toEqual([]);
  });

  it('LCS takes the contact the router makes of it', async () => {
    expect(await refusals(CreateContactDto, toLcsContact(referral, randomUUID()))).toEqual([]);
  });

  it('AIS takes the transfer of the referral, and of the child as LCS holds them at 18', async () => {
    const common = { lcsRecordId: 'C-1', referralId: randomUUID(), reason: 'eighteenth_birthday' as const, effectiveOn: '2026-06-01' };
    expect(await refusals(CreateTransferDto, toAisTransfer({ ...common, referral }))).toEqual([]);
    const request = toLcsContact(referral, common.referralId);
    const held = {
      ...request,
      id: 'C-1',
      version: 1,
      childId: 'P-1',
      status: 'open',
      transfer: null,
      nrmReference: null,
      factors: request.factors,
    } as unknown as LcsContact;
    const child = fromLcsContact({ ...held, child: { ...request.child, ageDisputed: false, dateOfBirthEstimated: false } as LcsContact['child'] });
    expect(await refusals(CreateTransferDto, toAisTransfer({ ...common, subject: child, referralDate: child.referralDate }))).toEqual([]);
  });

  it("intake's limits are the shared ones, and within both case systems'", () => {
    expect(maxLengthOf(PotentialVictimDto, 'firstName')).toBe(CASE_SYSTEM_LIMITS.forename);
    expect(maxLengthOf(PotentialVictimDto, 'lastName')).toBe(CASE_SYSTEM_LIMITS.surname);
    expect(maxLengthOf(AisSubjectDto, 'Forename')).toBe(CASE_SYSTEM_LIMITS.forename);
    expect(maxLengthOf(AisSubjectDto, 'Surname')).toBe(CASE_SYSTEM_LIMITS.surname);
    // LCS's one-string name holds both parts, the comma and the space between.
    expect(CASE_SYSTEM_LIMITS.forename + CASE_SYSTEM_LIMITS.surname + 2).toBeLessThanOrEqual(CASE_SYSTEM_LIMITS.lcsName);
    expect(maxLengthOf(CreateReferralDto, 'narrative')).toBeLessThanOrEqual(CASE_SYSTEM_LIMITS.summary);
  });
});
