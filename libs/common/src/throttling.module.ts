import { ExecutionContext, Injectable, Module, SetMetadata } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthEvents, bearerTokenOf, TokenVerifier, type Principal } from '@app/auth';
import type { Environment } from '@app/config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const NO_THROTTLE = 'rh:no-throttle';
/** Routes every request may reach without counting: health checks, static assets, metrics. */
export const NoThrottle = (): MethodDecorator & ClassDecorator => SetMetadata(NO_THROTTLE, true);

/** The two limits: per signed-in principal, and per client address for everything else. */
export const SIGNED_IN = 'signed-in';
export const ANONYMOUS = 'anonymous';

/** The reason a throttled anonymous request is counted under (see AuditedAuthEvents). */
export const THROTTLED_REASON = 'rate limit exceeded';

type ThrottledRequest = Request & { principal?: Principal; session?: { principal?: Principal } };

/** The API apps mount no session middleware, so a request there has no session. */
function sessionOf(request: ThrottledRequest): { principal?: Principal } | undefined {
  return request.session;
}

/**
 * The global rate limit, on the API and the pages alike, run before the auth guard (AuthModule.forRoot({ before })):
 * a signed-in caller (a valid bearer token, or a page session with a principal) counts per principal under
 * THROTTLE_LIMIT; anyone else counts per client address (Express `req.ip`, so a forwarded address only from a
 * TRUST_PROXY; IPv6 per /64) under THROTTLE_ANONYMOUS_LIMIT. One count per caller across every route, not per route.
 * A refused anonymous request goes to the refusal sink, which counts it per address and minute.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly events: AuthEvents,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      context.getType() !== 'http' || !!this.reflector.getAllAndOverride<boolean | undefined>(NO_THROTTLE, [context.getHandler(), context.getClass()]),
    );
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const signedIn = (await this.principalOf(props.context.switchToHttp().getRequest<ThrottledRequest>())) !== undefined;
    if ((props.throttler.name === SIGNED_IN) !== signedIn) return true;
    return super.handleRequest(props);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = await this.principalOf(req as unknown as ThrottledRequest);
    return principal ? `sub:${principal.sub}` : `ip:${await super.getTracker(req)}`;
  }

  /** One counter per caller and limit, whatever the route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const request = context.switchToHttp().getRequest<ThrottledRequest>();
    if (!(await this.principalOf(request))) await this.events.refused(request, undefined, THROTTLED_REASON);
    return super.throwThrottlingException(context, detail);
  }

  /** Who is signed in: a page session's principal, else a bearer token that verifies (the auth guard reuses the check). */
  private async principalOf(request: ThrottledRequest): Promise<Principal | undefined> {
    if (request.principal) return request.principal;
    const session = sessionOf(request);
    if (session?.principal) return session.principal;
    const token = bearerTokenOf(request);
    if (!token) return undefined;
    return this.verifier.verifyFor(request, token).catch(() => undefined);
  }
}

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottlerStorageModule {}

/**
 * Rate limits with counters in Redis: THROTTLE_LIMIT per principal and THROTTLE_ANONYMOUS_LIMIT per client address,
 * each per THROTTLE_TTL_MS. Installed with AuthModule.forRoot({ imports: [ThrottlingModule], before: [AppThrottlerGuard] }).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [ConfigService, RedisThrottlerStorage],
      useFactory: (config: ConfigService<Environment, true>, storage: RedisThrottlerStorage) => {
        const ttl = config.get('THROTTLE_TTL_MS', { infer: true });
        return {
          throttlers: [
            { name: SIGNED_IN, ttl, limit: config.get('THROTTLE_LIMIT', { infer: true }) },
            { name: ANONYMOUS, ttl, limit: config.get('THROTTLE_ANONYMOUS_LIMIT', { infer: true }) },
          ],
          storage,
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
