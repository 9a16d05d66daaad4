import { checkCircumstances, checkSupportReferral, needsChildrensServicesPrompt } from './circumstances';
import { nrmReferralFactsOf } from '../../../test/support/fixtures';

const adult = nrmReferralFactsOf();
const child = nrmReferralFactsOf({ under18: 'yes', dateOfBirth: '2010-01-01' });

describe(needsChildrensServicesPrompt.name, () => {
  it('prompts for an adult with children', () => {
    expect(needsChildrensServicesPrompt(adult, { hasChildren: 'yes', childrenCount: 2 })).toBe(true);
  });

  it.each([
    ['an adult without children', adult, 'no'],
    ['an adult whose children are not known', adult, 'not_known'],
    ['a child with children (already known to children’s services)', child, 'yes'],
  ] as const)('does not prompt for %s', (_, referral, hasChildren) => {
    expect(needsChildrensServicesPrompt(referral, { hasChildren, childrenCount: hasChildren === 'yes' ? 1 : undefined })).toBe(false);
  });
});

describe(checkCircumstances.name, () => {
  it('needs how many children with a yes, and nothing about children otherwise', () => {
    expect(checkCircumstances(adult, { hasChildren: 'yes' })).toEqual([{ path: 'childrenCount', message: expect.any(String) }]);
    expect(checkCircumstances(adult, { hasChildren: 'no', childrenCount: 2 })).toEqual([{ path: 'childrenCount', message: expect.any(String) }]);
    expect(checkCircumstances(adult, { hasChildren: 'yes', childrenCount: 2, childrenWhere: 'with their grandmother in Albania' })).toEqual([]);
  });

  it('takes the reason for declining the NRM only on an adult notification', () => {
    expect(checkCircumstances({ ...adult, kind: 'dtn' }, { declinedNrmReason: 'afraid of the exploiters' })).toEqual([]);
    expect(checkCircumstances(adult, { declinedNrmReason: 'x' })).toEqual([{ path: 'declinedNrmReason', message: expect.any(String) }]);
  });
});

describe(checkSupportReferral.name, () => {
  it('refers a child to an ICTG and an adult to the MSVCC, not the other way round', () => {
    expect(checkSupportReferral(child, { service: 'ictg', provider: 'Barnardo’s ICTG', referredOn: '2026-05-10' }, '2026-06-01')).toEqual([]);
    expect(checkSupportReferral(adult, { service: 'ictg', provider: 'Barnardo’s ICTG', referredOn: '2026-05-10' }, '2026-06-01')).toMatchObject([
      { path: 'service' },
    ]);
    expect(checkSupportReferral(child, { service: 'msvcc', provider: 'The Salvation Army', referredOn: '2026-05-10' }, '2026-06-01')).toMatchObject([
      { path: 'service' },
    ]);
  });

  it('refuses a date before the referral or in the future', () => {
    expect(checkSupportReferral(adult, { service: 'local_service', provider: 'Willow Project', referredOn: '2026-05-01' }, '2026-06-01')).toMatchObject([
      { path: 'referredOn' },
    ]);
    expect(checkSupportReferral(adult, { service: 'local_service', provider: 'Willow Project', referredOn: '2026-07-01' }, '2026-06-01')).toMatchObject([
      { path: 'referredOn' },
    ]);
  });
});
