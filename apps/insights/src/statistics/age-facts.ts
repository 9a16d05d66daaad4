import type { AgeFacts } from '@app/database';
import { AgeGroupLabel, ageGroupAtExploitation, type YesNoNotSure } from '@app/statistics';

// A referral date and two dates of birth whose ages on it fall either side of 18, and start dates that put the
// start of the exploitation either side of 18 for each: any combination of "under 18 or not" is reproduced.
const REFERRED_ON = '2000-06-15';
const DATE_OF_BIRTH = { child: '1990-01-01', adult: '1970-01-01' } as const;
const START = {
  '1990-01-01': { child: '1995-01-01', adult: '2015-01-01' },
  '1970-01-01': { child: '1975-01-01', adult: '1995-01-01' },
} as const;

/**
 * The age group at exploitation of a group of referrals, decided by @app/statistics `ageGroupAtExploitation`.
 *
 * SQL groups referrals by how their dates of birth compare with 18 (on the referral date, and when the
 * exploitation began) rather than by the dates themselves, or every child would be a group of their own. The rule
 * only ever compares those ages with 18, so it is asked about representative dates with the same comparisons:
 * the law stays in one place, and `age-facts.spec.ts` checks the two agree on random dates.
 */
export function ageGroupOf(facts: AgeFacts): AgeGroupLabel {
  if (facts.ageNowBand === null) {
    return ageGroupAtExploitation({ under18: facts.under18 as YesNoNotSure, under18DuringExploitation: answer(facts.under18DuringExploitation) });
  }
  const dateOfBirth = DATE_OF_BIRTH[facts.ageNowBand];
  return ageGroupAtExploitation({
    under18: facts.under18 as YesNoNotSure,
    under18DuringExploitation: answer(facts.under18DuringExploitation),
    dateOfBirth,
    referredOn: REFERRED_ON,
    exploitationStartDate: facts.ageAtStartBand === null ? null : START[dateOfBirth][facts.ageAtStartBand],
  });
}

function answer(value: string | null): YesNoNotSure | null {
  return value as YesNoNotSure | null;
}
