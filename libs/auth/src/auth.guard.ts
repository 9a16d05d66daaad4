import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './decorators';
import type { Principal, Role } from './principal';
import { AuthEvents } from './auth-events';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

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
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) {
      await this.events.refused(request, undefined, 'missing bearer token');
      throw new UnauthorizedException('a bearer token is required');
    }
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      await this.events.refused(request, undefined, error instanceof InvalidTokenError ? 'invalid token' : 'token check failed');
      throw new UnauthorizedException('the bearer token is not valid');
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROUTE_ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      await this.events.refused(request, principal, `role ${principal.role} not admitted`);
      throw new ForbiddenException(`the ${principal.role} role may not do this`);
    }
    request.principal = principal;
    return true;
  }
}
