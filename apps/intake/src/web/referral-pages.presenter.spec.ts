import { referralWarnings } from './referral-pages.presenter';

describe(referralWarnings.name, () => {
  const now = new Date('2026-12-05T12:00:00Z');

  it('warns before sending when under 18 was answered but the date of birth makes 18', () => {
    const warnings = referralWarnings({ age: { under18: 'yes' }, potentialVictim: { gender: 'male', nationality: 'ALB', dateOfBirth: '2008-01-01' } }, now);
    expect(warnings).toEqual([expect.stringContaining('You answered that they are under 18, but the date of birth makes them 18')]);
  });

  it('says nothing when the answers agree', () => {
    expect(referralWarnings({ age: { under18: 'yes' }, potentialVictim: { gender: 'male', nationality: 'ALB', dateOfBirth: '2010-01-01' } }, now)).toEqual([]);
    expect(referralWarnings({ age: { under18: 'no' }, potentialVictim: { gender: 'male', nationality: 'ALB' } }, now)).toEqual([]);
  });
});
