/** Factories for referral bodies as a first responder would send them (docs/domain.md, "The referral"). */
type Body = Record<string, unknown>;

const firstResponder = {
  organisation: 'Thames Valley Police',
  organisationType: 'police',
  name: 'Sam Officer',
  role: 'Detective Constable',
  email: 'sam.officer@police.example',
};

const localAuthorityContact = {
  authority: 'Buckinghamshire Council',
  phone: '01296 395000',
  email: 'mash@buckinghamshire.example',
};

export function adultNrm(overrides: Body = {}): Body {
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

export function childNrm(overrides: Body = {}): Body {
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

export function anonymousDtn(overrides: Body = {}): Body {
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

export { localAuthorityContact };
