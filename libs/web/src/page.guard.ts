import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthEvents, type Principal, type Role } from '@app/auth';
import { CSRF_FIELD, csrfMatches } from './csrf';
import { PageSessions, sessionOf } from './page-session';
import { CsrfRejectedError, PageForbiddenError, SignInRequiredError } from './page.errors';
import { OPEN_PAGE, PAGE_ROLES } from './page.metadata';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The pages' counterpart of the bearer-token guard, with the same deny-by-default rule: every form must carry the
 * session's CSRF token; every page but sign-in needs a signed-in principal with a role the page names. The
 * principal is put where @CurrentPrincipal() and the audit look for it, so pages call the API's services as is.
 */
@Injectable()
export class PageGuard implements CanActivate {
  private events?: AuthEvents;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly sessions: PageSessions,
  ) {}

  /** The app's refusal sink (the audit, where the app has one), as the bearer-token guard reports to. */
  private refusals(): AuthEvents {
    if (!this.events) {
      try {
        this.events = this.moduleRef.get(AuthEvents, { strict: false });
      } catch {
        this.events = new AuthEvents();
      }
    }
    return this.events;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const targets = [context.getHandler(), context.getClass()];
    const principal = sessionOf(request)?.principal;
    const given = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    // Signed in, the session's token; before sign-in, the token of the pre-sign-in cookie (no session exists yet).
    const csrfHolds = principal ? csrfMatches(request.session, given) : this.sessions.preSessionMatches(request, given);
    if (!SAFE_METHODS.has(request.method) && !csrfHolds) {
      await this.refusals().refused(request, principal, 'CSRF token missing or wrong');
      throw new CsrfRejectedError();
    }
    if (this.reflector.getAllAndOverride<boolean>(OPEN_PAGE, targets)) return true;
    if (!principal) throw new SignInRequiredError(request.method === 'GET' ? request.originalUrl : '/');
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      await this.refusals().refused(request, principal, `role ${principal.role} not admitted to this page`);
      throw new PageForbiddenError(principal.role);
    }
    request.principal = principal;
    return true;
  }
}
