import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Session, SessionData } from 'express-session';

/** The name of the hidden field every form carries. */
export const CSRF_FIELD = '_csrf';
/** Before sign-in no session exists: this cookie holds a random value, and forms carry its keyed hash. */
export const PRE_SESSION_COOKIE = 'rh.presign';
const PRE_SESSION_VALUE = /^[A-Za-z0-9_-]{43}$/;

type PageSession = Session & Partial<SessionData>;

/** The session's synchroniser token, created on first use (which also makes the session worth saving). */
export function csrfTokenOf(session: PageSession): string {
  session.csrfToken ??= randomBytes(32).toString('base64url');
  return session.csrfToken;
}

/** Constant-time comparison of a posted token with the session's; a session without one matches nothing. */
export function csrfMatches(session: PageSession | undefined, given: unknown): boolean {
  return sameText(session?.csrfToken, given);
}

/**
 * The token for a form shown before sign-in, without creating a session (an anonymous visitor must not cost a
 * session record in Redis): a random value kept in an httpOnly cookie, and the form's token is its HMAC under the
 * session secret. Another site can neither read the cookie nor compute the token, so a forged sign-in fails.
 */
export function preSessionToken(req: Request, res: Response, secret: string, secure: boolean): string {
  let value = cookieValue(req, PRE_SESSION_COOKIE);
  if (!value || !PRE_SESSION_VALUE.test(value)) {
    value = randomBytes(32).toString('base64url');
    res.cookie(PRE_SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 2 * 3600_000 });
  }
  return keyedHash(secret, value);
}

/** Whether a form posted before sign-in carries the token for its pre-sign-in cookie. */
export function preSessionMatches(req: Request, secret: string, given: unknown): boolean {
  const value = cookieValue(req, PRE_SESSION_COOKIE);
  if (!value || !PRE_SESSION_VALUE.test(value)) return false;
  return sameText(keyedHash(secret, value), given);
}

function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`pre-sign-in:${value}`).digest('base64url');
}

function sameText(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One cookie's value from the Cookie header (express-session parses only its own). */
export function cookieValue(req: Pick<Request, 'headers'>, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
