import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { FREE_TEXT_ANSWERS } from '@app/domain';
import { CreateReferralDto } from '../referrals/dto/create-referral.dto';
import { withholdThirdParties } from './subject-access';

interface DtoClass {
  new (): object;
  readonly prototype: object;
}

/** Every property of a DTO, nested DTOs followed, whose longest allowed text is 15,000 characters: its free text. */
function freeTextPathsOf(dto: DtoClass, prefix = ''): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const paths = new Set<string>();
  for (const m of metadata) {
    const path = `${prefix}${m.propertyName}`;
    if (m.name === 'maxLength' && m.constraints[0] === 15000) paths.add(path);
    const nested: unknown = Reflect.getMetadata('design:type', dto.prototype, m.propertyName);
    if (m.type === 'nestedValidation' && typeof nested === 'function' && nested !== Object && nested !== Array) {
      for (const inner of freeTextPathsOf(nested as DtoClass, `${path}.`)) paths.add(inner);
    }
  }
  return [...paths];
}

describe('withholdThirdParties', () => {
  it("keeps the requester's data and withholds the first responder's and the council contact's details and the narrative, saying so", () => {
    const { referrals, withheld } = withholdThirdParties([
      {
        id: 'r1',
        gender: 'female',
        details: {
          potentialVictim: { firstName: 'Arta', lastName: 'Hoxha' },
          firstResponder: {
            organisation: 'Thames Valley Police',
            organisationType: 'police',
            name: 'Sam Officer',
            role: 'DC',
            email: 'sam@police.example',
            phone: '01234 567890',
          },
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
      {
        referralId: 'r1',
        fields: [
          'firstResponder.name',
          'firstResponder.role',
          'firstResponder.email',
          'firstResponder.phone',
          'localAuthorityContact.name',
          'localAuthorityContact.phone',
          'localAuthorityContact.email',
        ],
        reason: expect.stringContaining('someone other than the requester'),
      },
      { referralId: 'r1', fields: ['narrative'], reason: expect.stringContaining('may name other people') },
    ]);
  });

  it("withholds the Home Office form's answers about other people: the decision's recipient, an alternative phone, every free-text answer", () => {
    const record = {
      id: 'r3',
      details: {
        potentialVictim: {
          firstName: 'Arta',
          contact: { phone: '07700 900001', alternativePhone: '07700 900123', alternativePhoneRelation: 'Her friend Drita' },
          background: { family: 'Her brother Ilir lives in Leeds' },
        },
        exploitation: { types: ['sexual'], howItStarted: 'Met Gent online', exploiters: { details: 'Gent and Arben', inUk: true } },
        firstResponderAssessment: { othersInvolved: true, othersInvolvedDetails: 'A driver called Tom' },
        decisionRecipient: { firstName: 'Mira', lastName: 'Kola', email: 'mira@charity.example', permissionGiven: true },
      },
    };
    const before = JSON.stringify(record);
    const { referrals, withheld } = withholdThirdParties([record]);
    const text = JSON.stringify(referrals);
    for (const name of ['Drita', 'Ilir', 'Gent', 'Arben', 'Tom', 'Mira', 'mira@charity', '07700 900123']) expect(text).not.toContain(name);
    // The requester's own answers stay, the yes/no answers included.
    expect(text).toContain('07700 900001');
    expect(referrals[0].details).toMatchObject({
      exploitation: { types: ['sexual'], exploiters: { inUk: true } },
      firstResponderAssessment: { othersInvolved: true },
      decisionRecipient: { permissionGiven: true },
    });
    expect(withheld.flatMap((w) => w.fields).sort()).toEqual(
      [
        'decisionRecipient.firstName',
        'decisionRecipient.lastName',
        'decisionRecipient.email',
        'potentialVictim.contact.alternativePhone',
        'potentialVictim.contact.alternativePhoneRelation',
        'potentialVictim.background.family',
        'exploitation.howItStarted',
        'exploitation.exploiters.details',
        'firstResponderAssessment.othersInvolvedDetails',
      ].sort(),
    );
    // The record read from the database is not changed by the export.
    expect(JSON.stringify(record)).toBe(before);
  });

  it('knows every free-text answer the intake accepts', () => {
    expect([...FREE_TEXT_ANSWERS].sort()).toEqual(freeTextPathsOf(CreateReferralDto).sort());
  });

  it('withholds nothing from an anonymised referral with no details left', () => {
    expect(withholdThirdParties([{ id: 'r2', details: null }]).withheld).toEqual([]);
  });
});
