/** Who may do what (issue 5): deny by default, each route names the roles it admits. */
export const ROLES = ['first_responder', 'safeguarding_lead', 'board_viewer', 'service', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** Subject: the signed-in user or the calling service. */
  sub: string;
  role: Role;
  /** The first responder's organisation; their reads are limited to it. */
  org?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
