/** Who may do what (issue 5): deny by default, each route names the roles it admits. */
export const ROLES = ['first_responder', 'safeguarding_lead', 'board_viewer', 'service', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The boards that receive reports (the insights app's audiences). */
export const BOARDS = ['safeguarding_adults_board', 'safeguarding_children_partnership', 'community_safety_partnership'] as const;
export type Board = (typeof BOARDS)[number];
export const BOARD_NAMES: Readonly<Record<Board, string>> = {
  safeguarding_adults_board: 'Safeguarding Adults Board',
  safeguarding_children_partnership: 'Safeguarding Children Partnership',
  community_safety_partnership: 'Community Safety Partnership',
};

export interface Principal {
  /** Subject: the signed-in user or the calling service. */
  sub: string;
  role: Role;
  /** The first responder's organisation; their reads are limited to it. */
  org?: string;
  /**
   * The board a board viewer sits on (token claim `board`); their reads are limited to its reports. A board viewer
   * token without it reads every board's reports, as before the claim existed.
   */
  board?: Board;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isBoard(value: unknown): value is Board {
  return typeof value === 'string' && (BOARDS as readonly string[]).includes(value);
}
