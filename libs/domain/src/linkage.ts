/** The engine's verdict on a pair or a group of records: the same person, perhaps (left for a reviewer), or not. */
export type MatchStatus = 'MATCH' | 'POSSIBLE_MATCH' | 'NO_MATCH';

/**
 * Which referrals a figure covers. `children` are those the referral treated as a child (MSA 2015 s.51: under 18
 * "yes" or "not sure", an age dispute, or a date of birth under 18 on the referral date) unless a later age
 * assessment found an adult; `adults` are the rest. Decided from the age answers, never from the case system.
 */
export type StatisticsPopulation = 'all' | 'adults' | 'children';
