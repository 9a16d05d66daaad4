import { BOARD_NAMES, isBoardRole, type Principal } from '@app/auth';
import type { BoardAudience } from '@app/database';
import type { StatisticsPopulation } from '@app/domain';

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
 * The board whose figures and reports alone a principal may read: a board viewer's or board member's (token claim
 * `board`, which their tokens must carry). Undefined for the safeguarding lead and everyone else.
 */
export function readableBoard(principal: Principal): BoardAudience | undefined {
  return isBoardRole(principal.role) ? principal.board : undefined;
}

/**
 * Whether a principal may read exact figures: the safeguarding lead, and a board member for their own board's
 * population (the restricted tier). A board viewer reads published figures only.
 */
export function readsExactFigures(principal: Principal): boolean {
  return principal.role === 'safeguarding_lead' || (principal.role === 'board_member' && principal.board !== undefined);
}
