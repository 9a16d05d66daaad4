import type { Principal } from '@app/auth';

/** An OpenID Connect sign-in under way: what the callback must find again (RFC 9700: state, nonce, PKCE). */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    /** Who is signed in; set only after a sign-in, on a regenerated session. */
    principal: Principal;
    /** When the principal signed in (ms since the epoch): the session ends SESSION_ABSOLUTE_HOURS after it. */
    signedInAt: number;
    /** Synchroniser token every form posts back (CSRF). */
    csrfToken: string;
    oidc: PendingSignIn;
    /** A one-off message for the next page ("Decision saved"); never personal data. */
    flash: string;
  }
}
