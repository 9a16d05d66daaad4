import type { Referral } from '@app/domain';
import { aReferral } from '../../../../test/support/fixtures';
import { homeOfficeAnswers } from './home-office-answers';

const adult = aReferral({
  firstResponder: {
    organisation: 'Thames Valley Police',
    organisationType: 'police',
    name: 'Sam de la Cruz',
    role: 'DC',
    email: 'sam@police.example',
    phone: '01865 000000',
  },
  age: { under18: 'no', under18DuringExploitation: 'not_sure' },
  consentToNrm: true,
  potentialVictim: {
    gender: 'other',
    nationality: 'ISL',
    secondNationality: 'XKX',
    firstName: 'Helga',
    lastName: 'Jonsdottir',
    aliases: ['Hel'],
    dateOfBirth: '1991-04-05',
  },
  exploitation: {
    types: ['labour', 'sexual'],
    homeOfficeTypes: ['forced-to-commit-fraud', 'prostitution'],
    location: 'uk_and_overseas',
    ukTowns: ['Slough'],
    countries: ['TUR'],
  },
  police: { force: 'Thames Valley Police', crimeReference: 'TVP-1' },
  referredAt: '2026-06-02T10:00:00Z',
});

describe(homeOfficeAnswers.name, () => {
  it("gives a referral's answers under the form's field names, as the form writes them", () => {
    expect(homeOfficeAnswers(adult)).toEqual({
      'user-organisation': 'Thames Valley Police',
      'pv-under-age': 'no',
      'pv-under-age-at-time-of-exploitation': 'not-sure',
      'where-exploitation-happened': 'uk-and-overseas',
      'where-exploitation-happened-uk-city-1': 'Slough',
      'where-exploitation-happened-overseas-country-1': 'Turkey',
      'types-of-exploitation-forced-to-commit-fraud': 'true',
      'types-of-exploitation-prostitution': 'true',
      'reported-to-police': 'yes',
      'reported-to-police-police-forces': 'Thames Valley Police',
      'reported-to-police-crime-reference': 'TVP-1',
      'pv-want-to-submit-nrm': 'yes',
      'pv-name-first-name': 'Helga',
      'pv-name-last-name': 'Jonsdottir',
      'pv-name-nickname': 'Hel',
      'pv-dob': '1991-04-05',
      'pv-gender': 'unknown',
      'pv-nationality': 'Icelandic',
      'pv-nationality-second': 'Kosovan',
      'fr-details-first-name': 'Sam',
      'fr-details-last-name': 'de la Cruz',
      'fr-details-role': 'DC',
      'fr-details-phone': '01865 000000',
    });
  });

  it('answers "no" to entering the NRM for a Duty to Notify and names nobody who is not named', () => {
    const dtn: Referral = { ...adult, kind: 'dtn', consentToNrm: undefined, potentialVictim: { gender: 'male', nationality: 'UNK' } };
    const answers = homeOfficeAnswers(dtn);
    expect(answers['pv-want-to-submit-nrm']).toBe('no');
    expect(answers['pv-nationality']).toBe('Unknown');
    expect(Object.keys(answers).filter((k) => k.startsWith('pv-name') || k === 'pv-dob')).toEqual([]);
  });
});
