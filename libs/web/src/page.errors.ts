/** Thrown by the page guard: nobody is signed in; the page filter sends them to sign in and back. */
export class SignInRequiredError extends Error {
  constructor(readonly returnTo: string) {
    super('sign in required');
  }
}

/** A form was posted without the session's CSRF token (forged, or the session expired meanwhile). */
export class CsrfRejectedError extends Error {
  constructor() {
    super('the form could not be checked');
  }
}

/** Signed in, but with a role the page does not admit. */
export class PageForbiddenError extends Error {
  constructor(readonly role: string) {
    super(`the ${role} role may not see this page`);
  }
}

/** Only a path on this site is a place to return to after sign-in (no open redirect). */
export function safeReturnTo(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500 ? value : undefined;
}
