import type { Referral } from '@app/domain';

/** A complete adult NRM referral for mapping specs; override what a case needs. */
export function adultReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'nrm',
    firstResponder: {
      organisation: 'Thames Valley Police',
      organisationType: 'police',
      name: 'PC Jones',
      role: 'Investigator',
      email: 'jones@example.org',
    },
    age: { under18: 'no' },
    consentToNrm: true,
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
  };
}
