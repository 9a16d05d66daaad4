import { BOARD_NAMES, type Principal } from '@app/auth';
import type { BoardAudience, StatisticsPopulation } from '@app/database';

export const POPULATIONS: readonly StatisticsPopulation[] = ['all', 'adults', 'children'];

export const POPULATION_LABELS: Readonly<Record<StatisticsPopulation, string>> = {
  all: 'All referrals and notifications',
  adults: 'Adults: referrals of people treated as adults when referred',
  children: 'Children: referrals of people treated as children when referred (MSA 2015 s.51)',
};

export interface Audience {
  readonly code: BoardAudience;
  readonly name: string;
  readonly population: StatisticsPopulation;
}

/** Who receives board reports, and which referrals each is sent figures for. */
export const AUDIENCES: Readonly<Record<BoardAudience, Audience>> = {
  safeguarding_adults_board: { code: 'safeguarding_adults_board', name: BOARD_NAMES.safeguarding_adults_board, population: 'adults' },
  safeguarding_children_partnership: {
    code: 'safeguarding_children_partnership',
    name: BOARD_NAMES.safeguarding_children_partnership,
    population: 'children',
  },
  community_safety_partnership: { code: 'community_safety_partnership', name: BOARD_NAMES.community_safety_partnership, population: 'all' },
};

export const AUDIENCE_CODES = Object.keys(AUDIENCES) as BoardAudience[];

/**
 * The board whose reports alone a principal may read: a board viewer whose token names their board (claim
 * `board`). Undefined for everyone else, and for a board viewer token naming no board, which reads every board's
 * reports and figures (the behaviour before the claim existed; identity providers should issue the claim).
 */
export function readableBoard(principal: Principal): BoardAudience | undefined {
  return principal.role === 'board_viewer' ? principal.board : undefined;
}
