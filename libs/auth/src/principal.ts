/** Who may do what (issue 5): deny by default, each route names the roles it admits. */
export const ROLES = ['first_responder', 'safeguarding_lead', 'board_viewer', 'board_member', 'service', 'admin'] as const;
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
   * The board a board viewer or board member sits on (token claim `board`, required for both roles); their reads
   * are limited to its population and its reports.
   */
  board?: Board;
}

/**
 * The roles bound to one board by the `board` claim: a board viewer reads what is published (disclosure-controlled);
 * a board member also reads the board's restricted pack, with exact figures, under the board's data-sharing
 * agreement (docs/security.md, "Board packs").
 */
export const BOARD_ROLES: readonly Role[] = ['board_viewer', 'board_member'];

export function isBoardRole(role: Role): boolean {
  return BOARD_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isBoard(value: unknown): value is Board {
  return typeof value === 'string' && (BOARDS as readonly string[]).includes(value);
}

/**
 * The purposes a caller may state in X-Access-Purpose, per role; the audit records the one stated, or the route's
 * own purpose when none is. Anything else is a 400 naming the header and the purposes the role may give.
 */
export const ACCESS_PURPOSES: Readonly<Record<Role, readonly string[]>> = {
  first_responder: ['casework', 'safeguarding', 'referral'],
  safeguarding_lead: [
    'casework',
    'safeguarding',
    'strategy_meeting',
    'linkage_review',
    'merge',
    'subject_access_request',
    'court_order',
    'data_quality',
    'home_office_submission',
  ],
  board_viewer: ['board_report', 'statistics'],
  board_member: ['board_report', 'statistics'],
  service: ['routing', 'linkage', 'reconciliation'],
  admin: ['audit_review', 'subject_access_request', 'retention', 'data_quality', 'incident'],
};

/** A stated purpose's problem, or undefined when it may be given by this role. */
export function accessPurposeProblem(role: Role, stated: string): string | undefined {
  const allowed = ACCESS_PURPOSES[role];
  if (stated.length > 40 || !/^[a-z_]+$/.test(stated) || !allowed.includes(stated)) {
    return `X-Access-Purpose must be one of: ${allowed.join(', ')} (for the ${role} role)`;
  }
  return undefined;
}

/** The client's own X-Request-Id: letters, digits and . _ : - only, at most 64 characters. */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
