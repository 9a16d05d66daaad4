import { decideRoute } from './age-route';

const on = '2026-06-01T10:00:00Z';

describe(decideRoute.name, () => {
  it('routes an under-18 to LCS', () => {
    expect(decideRoute({ age: { under18: 'yes' }, referredAt: on })).toMatchObject({
      system: 'LCS',
      reason: 'under_18',
      conflict: false,
    });
  });

  it('routes "not sure" to LCS under the s.51 presumption', () => {
    expect(decideRoute({ age: { under18: 'not_sure' }, referredAt: on })).toMatchObject({ system: 'LCS', reason: 'age_not_sure' });
  });

  it('routes a disputed age to LCS even when under18 is "no"', () => {
    const route = decideRoute({ age: { under18: 'no', ageDisputed: true }, referredAt: on });
    expect(route).toMatchObject({ system: 'LCS', reason: 'age_disputed' });
  });

  it('routes an adult to AIS', () => {
    expect(decideRoute({ age: { under18: 'no' }, dateOfBirth: '1990-02-03', referredAt: on })).toMatchObject({
      system: 'AIS',
      reason: 'adult',
      conflict: false,
    });
  });

  it('lets a date of birth under 18 win over "no" and records the conflict', () => {
    const route = decideRoute({ age: { under18: 'no' }, dateOfBirth: '2010-01-01', referredAt: on });
    expect(route).toMatchObject({ system: 'LCS', reason: 'dob_under_18', conflict: true });
    expect(route.explanation).toContain('age 16');
  });

  it('records a conflict when "yes" meets an adult date of birth, and still routes to LCS', () => {
    const route = decideRoute({ age: { under18: 'yes' }, dateOfBirth: '1980-01-01', referredAt: on });
    expect(route).toMatchObject({ system: 'LCS', reason: 'under_18', conflict: true });
  });

  it('counts the age on the UK day of the referral: 00:30 in summer is already the 18th birthday', () => {
    // 23:30 UTC on 31 May 2026 is 00:30 on 1 June in the UK (BST).
    const route = decideRoute({ age: { under18: 'no' }, dateOfBirth: '2008-06-01', referredAt: '2026-05-31T23:30:00Z' });
    expect(route).toMatchObject({ system: 'AIS', reason: 'adult', conflict: false });
    expect(decideRoute({ age: { under18: 'no' }, dateOfBirth: '2008-06-01', referredAt: '2026-05-31T22:30:00Z' })).toMatchObject({ system: 'LCS' });
  });

  it('treats the 18th birthday itself as adult', () => {
    expect(decideRoute({ age: { under18: 'no' }, dateOfBirth: '2008-06-01', referredAt: on }).system).toBe('AIS');
    expect(decideRoute({ age: { under18: 'no' }, dateOfBirth: '2008-06-02', referredAt: on }).system).toBe('LCS');
  });
});
