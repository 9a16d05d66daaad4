import { AgeGroupLabel, ageGroupAtExploitation, type YesNoNotSure } from './age-group';

/** A date of birth settles an age as under 18 ('child') or 18 and over ('adult'); null when it settles nothing. */
export type AgeBand = 'child' | 'adult' | null;

/** The facts the age group at exploitation is decided from, reduced to how they compare with 18 (as SQL groups them). */
export interface AgeBandFacts {
  under18: string;
  under18DuringExploitation: string | null;
  /** Age on the referral date by the date of birth. */
  ageNowBand: AgeBand;
  /** Age when the exploitation began by the date of birth and start date (null if a start precedes the birth). */
  ageAtStartBand: AgeBand;
}

// A referral date and two dates of birth whose ages on it fall either side of 18, and start dates that put the
// start of the exploitation either side of 18 for each: any combination of "under 18 or not" is reproduced.
const REFERRED_ON = '2000-06-15';
const DATE_OF_BIRTH = { child: '1990-01-01', adult: '1970-01-01' } as const;
const START = {
  '1990-01-01': { child: '1995-01-01', adult: '2015-01-01' },
  '1970-01-01': { child: '1975-01-01', adult: '1995-01-01' },
} as const;

/**
 * The age group at exploitation of a group of referrals, decided by `ageGroupAtExploitation`.
 *
 * SQL groups referrals by how their dates of birth compare with 18 (on the referral date, and when the
 * exploitation began) rather than by the dates themselves, or every child would be a group of their own. The rule
 * only ever compares those ages with 18, so it is asked about representative dates with the same comparisons:
 * the law stays in one place, and `age-band.spec.ts` checks the two agree on random dates.
 */
export function ageGroupOf(facts: AgeBandFacts): AgeGroupLabel {
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
