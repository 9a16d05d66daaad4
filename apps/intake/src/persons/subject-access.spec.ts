import { withholdThirdParties } from './subject-access';

describe('withholdThirdParties', () => {
  it("keeps the requester's data and withholds the first responder's and the council contact's details and the narrative, saying so", () => {
    const { referrals, withheld } = withholdThirdParties([
      {
        id: 'r1',
        gender: 'female',
        details: {
          potentialVictim: { firstName: 'Arta', lastName: 'Hoxha' },
          firstResponder: { organisation: 'Thames Valley Police', organisationType: 'police', name: 'Sam Officer', role: 'DC', email: 'sam@police.example', phone: '01234 567890' },
          localAuthorityContact: { authority: 'Buckinghamshire Council', name: 'Jo Social', phone: '01296 395000', email: 'mash@bucks.example' },
          narrative: 'Her uncle, Besnik, brought her here.',
        },
      },
    ]);
    const details = referrals[0].details as Record<string, unknown>;
    expect(details.potentialVictim).toEqual({ firstName: 'Arta', lastName: 'Hoxha' });
    expect(details.firstResponder).toEqual({ organisation: 'Thames Valley Police', organisationType: 'police' });
    expect(details.localAuthorityContact).toEqual({ authority: 'Buckinghamshire Council' });
    expect(JSON.stringify(referrals)).not.toMatch(/Sam Officer|sam@police|Jo Social|mash@bucks|Besnik|01234/);
    expect(withheld).toEqual([
      { referralId: 'r1', fields: ['firstResponder.name', 'firstResponder.role', 'firstResponder.email', 'firstResponder.phone', 'localAuthorityContact.name', 'localAuthorityContact.phone', 'localAuthorityContact.email'], reason: expect.stringContaining('someone other than the requester') },
      { referralId: 'r1', fields: ['narrative'], reason: expect.stringContaining('may name other people') },
    ]);
  });

  it('withholds nothing from an anonymised referral with no details left', () => {
    expect(withholdThirdParties([{ id: 'r2', details: null }]).withheld).toEqual([]);
  });
});
