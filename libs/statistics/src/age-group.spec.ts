import { AgeAnswers, ageGroupAtExploitation } from './age-group';

const ADULT = 'Adult (18 or over)';
const CHILD = 'Child (17 or under)';
const UNKNOWN = 'Not specified or unknown';

describe(ageGroupAtExploitation.name, () => {
  it.each<[string, AgeAnswers, string]>([
    ['a child now was a child at exploitation', { under18: 'yes' }, CHILD],
    ['an adult exploited as a child is a child at exploitation', { under18: 'no', under18DuringExploitation: 'yes' }, CHILD],
    ['an adult not under 18 during the exploitation is an adult', { under18: 'no', under18DuringExploitation: 'no' }, ADULT],
    ['an adult unsure about their age during the exploitation is unknown', { under18: 'no', under18DuringExploitation: 'not_sure' }, UNKNOWN],
    ['an adult without the exploitation-age answer is unknown', { under18: 'no' }, UNKNOWN],
    ['"not sure" with nothing else is unknown', { under18: 'not_sure' }, UNKNOWN],
    [
      '"not sure" with a date of birth under 18 on the referral date is a child',
      { under18: 'not_sure', dateOfBirth: '2010-06-01', referredOn: '2025-04-01' },
      CHILD,
    ],
    [
      '"not sure" with a date of birth of an adult and no exploitation-age answer stays unknown',
      { under18: 'not_sure', dateOfBirth: '1990-06-01', referredOn: '2025-04-01' },
      UNKNOWN,
    ],
    [
      '"not sure" settled as an adult by a date of birth, not under 18 during the exploitation, is an adult',
      { under18: 'not_sure', under18DuringExploitation: 'no', dateOfBirth: '1990-06-01', referredOn: '2025-04-01' },
      ADULT,
    ],
    [
      '"not sure" with a date of birth and start date of an adult is an adult',
      { under18: 'not_sure', dateOfBirth: '1990-06-01', exploitationStartDate: '2020-01-01' },
      ADULT,
    ],
    [
      'a date of birth and start date under 18 make a child of an adult unsure of it',
      { under18: 'no', under18DuringExploitation: 'not_sure', dateOfBirth: '2005-06-01', exploitationStartDate: '2022-01-01' },
      CHILD,
    ],
    [
      'exploitation starting on the 18th birthday is of an adult',
      { under18: 'no', under18DuringExploitation: 'not_sure', dateOfBirth: '2004-01-01', exploitationStartDate: '2022-01-01' },
      ADULT,
    ],
    [
      'exploitation starting the day before the 18th birthday is of a child',
      { under18: 'no', under18DuringExploitation: 'not_sure', dateOfBirth: '2004-01-01', exploitationStartDate: '2021-12-31' },
      CHILD,
    ],
    [
      'a date of birth under 18 on the referral date wins over the answer "no", as in the router',
      { under18: 'no', under18DuringExploitation: 'no', dateOfBirth: '2009-01-01', referredOn: '2025-04-01' },
      CHILD,
    ],
    [
      'the answer "under 18 during the exploitation" wins over dates that say adult',
      { under18: 'no', under18DuringExploitation: 'yes', dateOfBirth: '1990-01-01', exploitationStartDate: '2020-01-01' },
      CHILD,
    ],
    [
      'a start date before the date of birth settles nothing',
      { under18: 'no', under18DuringExploitation: 'not_sure', dateOfBirth: '2000-01-01', exploitationStartDate: '1999-01-01' },
      UNKNOWN,
    ],
  ])('%s', (_, answers, group) => {
    expect(ageGroupAtExploitation(answers)).toBe(group);
  });
});
