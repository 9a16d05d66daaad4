import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Session, SessionData } from 'express-session';

/** The name of the hidden field every form carries. */
export const CSRF_FIELD = '_csrf';

type PageSession = Session & Partial<SessionData>;

/** The session's synchroniser token, created on first use (which also makes the session worth saving). */
export function csrfTokenOf(session: PageSession): string {
  session.csrfToken ??= randomBytes(32).toString('base64url');
  return session.csrfToken;
}

/** Constant-time comparison of a posted token with the session's; a session without one matches nothing. */
export function csrfMatches(session: PageSession | undefined, given: unknown): boolean {
  const expected = session?.csrfToken;
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
