import { afterAge, answersFor, detailsShape } from './referral-journey';

describe(detailsShape.name, () => {
  it('asks a child referral for the local-authority contact and every identity field, with no consent', () => {
    const shape = detailsShape({ under18: 'not_sure' });
    expect(shape).toMatchObject({ child: true, kind: 'nrm', needsLocalAuthorityContact: true, asksCooperation: true });
    expect([...shape.withheld]).toEqual([]);
    expect(afterAge({ under18: 'yes' })).toBe('/referrals/new/details');
  });

  it('treats a disputed age as a child (MSA 2015 s.51)', () => {
    expect(detailsShape({ under18: 'no', ageDisputed: true })).toMatchObject({ child: true, kind: 'nrm' });
  });

  it('makes an adult who consents an NRM referral with every identity field', () => {
    const shape = detailsShape({ under18: 'no', consentToNrm: true, cooperatesWithAuthorities: false });
    expect(shape).toMatchObject({ child: false, kind: 'nrm', needsLocalAuthorityContact: false });
    expect([...shape.withheld]).toEqual([]);
    expect(afterAge({ under18: 'no' })).toBe('/referrals/new/consent');
  });

  it('hides every identity field of an anonymous Duty to Notify', () => {
    const shape = detailsShape({ under18: 'no', consentToNrm: false, cooperatesWithAuthorities: false });
    expect(shape.kind).toBe('dtn');
    expect([...shape.withheld].sort()).toEqual([
      'aliases',
      'contact',
      'dateOfBirth',
      'dateOfBirthEstimated',
      'firstName',
      'homeOfficeReference',
      'lastName',
      'nhsNumber',
    ]);
  });

  it('shows names and contact, never a date of birth, when the adult co-operates', () => {
    const shape = detailsShape({ under18: 'no', consentToNrm: false, cooperatesWithAuthorities: true });
    expect([...shape.withheld].sort()).toEqual(['dateOfBirth', 'dateOfBirthEstimated', 'homeOfficeReference', 'nhsNumber']);
  });
});

describe(answersFor.name, () => {
  const kept = {
    'potentialVictim.firstName': 'Dritan',
    'potentialVictim.dateOfBirth-day': '3',
    'potentialVictim.contact.email': 'd@example.com',
    'potentialVictim.gender': 'male',
    'localAuthorityContact.authority': 'Buckinghamshire Council',
    cooperatesWithAuthorities: 'yes',
    narrative: 'What happened',
  };

  it('keeps every answer the details page still asks', () => {
    expect(answersFor(detailsShape({ under18: 'yes' }), kept)).toEqual(kept);
  });

  it('drops the answers an anonymous Duty to Notify page no longer asks after an earlier answer changed', () => {
    const shape = detailsShape({ under18: 'no', consentToNrm: false, cooperatesWithAuthorities: false });
    expect(answersFor(shape, kept)).toEqual({ 'potentialVictim.gender': 'male', narrative: 'What happened' });
  });
});
