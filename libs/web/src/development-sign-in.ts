import { createHash } from 'node:crypto';
import { isBoard, isBoardRole, type Principal, type Role } from '@app/auth';
import type { FieldViolation } from '@app/domain';

/** The roles a developer may sign in as (not "service": that is for apps calling apps). */
export const DEVELOPMENT_ROLES: ReadonlyArray<{ value: Role; text: string; hint: string }> = [
  { value: 'first_responder', text: 'First responder', hint: "Logs referrals and sees their own organisation's" },
  { value: 'safeguarding_lead', text: 'Safeguarding lead', hint: 'Sees every referral and person, reviews possible duplicates' },
  { value: 'board_viewer', text: 'Board viewer (published figures)', hint: 'Sees the disclosure-controlled dashboard and published board reports' },
  { value: 'board_member', text: 'Board member (restricted pack)', hint: "Reads the board's restricted pack with exact figures" },
  { value: 'admin', text: 'Administrator', hint: 'Reads the audit' },
];

/** Development sign-in: a role, an organisation for a first responder, and optionally a board for a board member. */
export function developmentPrincipal(
  role: string | undefined,
  organisation: string | undefined,
  admitted: readonly Role[],
  board?: string,
): { principal: Principal } | { errors: FieldViolation[] } {
  const choice = DEVELOPMENT_ROLES.find((r) => r.value === role && admitted.includes(r.value));
  if (!choice) return { errors: [{ path: 'role', message: 'Select the role to sign in as' }] };
  if (choice.value === 'first_responder' && !organisation) {
    return { errors: [{ path: 'organisation', message: 'Enter the organisation of the first responder' }] };
  }
  if (organisation && organisation.length > 200) return { errors: [{ path: 'organisation', message: 'Organisation must be 200 characters or fewer' }] };
  if (board && !isBoard(board)) return { errors: [{ path: 'board', message: 'Select a board from the list' }] };
  // As a bearer token: a board viewer or member without a board would read every board's figures.
  if (isBoardRole(choice.value) && !board) return { errors: [{ path: 'board', message: 'Select a board from the list' }] };
  const org = choice.value === 'first_responder' ? organisation : undefined;
  const onBoard = isBoardRole(choice.value) && board && isBoard(board) ? board : undefined;
  // A stable subject per role, organisation and board, so the audit tells development users apart.
  const scope = org ?? onBoard;
  const tag = createHash('sha256')
    .update(scope ?? '')
    .digest('hex')
    .slice(0, 8);
  return { principal: { sub: `dev:${choice.value}${scope ? `:${tag}` : ''}`, role: choice.value, org, ...(onBoard ? { board: onBoard } : {}) } };
}
