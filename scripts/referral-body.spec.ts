import { referralBody } from './referral-body';

describe('referralBody', () => {
  const record = { recordId: 'A1', sourceSystem: 'AIS', firstName: 'Ardit', lastName: 'Marku', sex: 'M', nationality: 'Albania', referralDate: '2024-03-05' };

  it('types a case-system record into the form: the date of birth as YYYY-MM-DD, the nationality as alpha-3', () => {
    const body = referralBody({ ...record, dateOfBirth: '27/06/1997', nhsNumber: '943 476 5919' }, 0) as { potentialVictim: Record<string, unknown> };
    expect(body).toMatchObject({ kind: 'nrm', age: { under18: 'no' }, referredAt: '2024-03-05T00:00:00Z' });
    expect(body.potentialVictim).toMatchObject({ gender: 'male', nationality: 'ALB', dateOfBirth: '1997-06-27', nhsNumber: '943 476 5919' });
  });

  it('leaves out what the form would refuse: an NHS number failing its check digit, a date that is no date or in the future', () => {
    const body = referralBody({ ...record, dateOfBirth: '1997-13-27', nhsNumber: '9434765918' }, 0) as { potentialVictim: Record<string, unknown> };
    expect(body.potentialVictim).not.toHaveProperty('nhsNumber');
    expect(body.potentialVictim).not.toHaveProperty('dateOfBirth');
    expect((referralBody({ ...record, dateOfBirth: '2082-06-27' }, 0) as { potentialVictim: object }).potentialVictim).not.toHaveProperty('dateOfBirth');
  });

  it('sends a child under 18 on the referral date as a child, and an anonymous record as a Duty to Notify', () => {
    expect(referralBody({ ...record, dateOfBirth: '2010-01-01' }, 0)).toMatchObject({ age: { under18: 'yes' } });
    expect(referralBody({ ...record, anonymous: true }, 0)).toMatchObject({ kind: 'dtn', consentToNrm: false });
  });
});
