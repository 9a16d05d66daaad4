import { BadRequestException, CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';
import { accessPurposeProblem, type Principal, type Role } from './principal';
import { AuthEvents } from './auth-events';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** The request's bearer token, if it carries one. */
export function bearerTokenOf(request: Pick<Request, 'headers'>): string | undefined {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  return token || undefined;
}

/**
 * The global guard: every route needs a verified bearer token and a role the route names (deny by default);
 * only routes marked @Public() are open. Refusals are reported to the audit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly events: AuthEvents,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const token = bearerTokenOf(request);
    if (!token) {
      await this.events.refused(request, undefined, 'missing bearer token');
      throw new UnauthorizedException('a bearer token is required');
    }
    let principal: Principal;
    try {
      principal = await this.verifier.verifyFor(request, token);
    } catch (error) {
      await this.events.refused(request, undefined, error instanceof InvalidTokenError ? 'invalid token' : 'token check failed');
      throw new UnauthorizedException('the bearer token is not valid');
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      await this.events.refused(request, principal, `role ${principal.role} not admitted`);
      throw new ForbiddenException(`the ${principal.role} role may not do this`);
    }
    const purpose = request.headers['x-access-purpose'];
    if (purpose !== undefined) {
      const problem = typeof purpose === 'string' ? accessPurposeProblem(principal.role, purpose) : 'X-Access-Purpose must be given once';
      if (problem) throw new BadRequestException({ errors: [{ path: 'X-Access-Purpose', message: problem }] });
    }
    request.principal = principal;
    return true;
  }
}
