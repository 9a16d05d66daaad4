import { Injectable, Logger, NestMiddleware, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RedisStore } from 'connect-redis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { createClient } from 'redis';
import type { Environment } from '@app/config';
import { preSessionMatches, preSessionToken } from './csrf';
import './session.types';

/** The development default of SESSION_SECRET (libs/config); production must replace it. */
const DEVELOPMENT_SECRET = 'referral-hub-development-session-secret-do-not-deploy';

/** Refuses to serve pages in production with the development session secret or a short one. */
/** The request's page session, if it has one: express-session leaves none when its store is unavailable. */
export function sessionOf(req: Pick<Request, 'session'>): Request['session'] | undefined {
  const held: Request['session'] | undefined = req.session;
  return held;
}

export function checkSessionSecret(env: Pick<Environment, 'NODE_ENV' | 'SESSION_SECRET'>): void {
  if (env.NODE_ENV !== 'production') return;
  if (env.SESSION_SECRET === DEVELOPMENT_SECRET || env.SESSION_SECRET.length < 32) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: must be set (32 characters or more) when NODE_ENV=production');
  }
}

/**
 * Page sessions: express-session with its records in Redis (REDIS_URL, under the QUEUE_PREFIX namespace), so any
 * replica of an app reads the same session. The cookie holds only the signed session id: httpOnly, SameSite=Lax,
 * Secure in production, and it ends after SESSION_IDLE_MINUTES without a request.
 */
@Injectable()
export class PageSessions implements OnModuleDestroy {
  private readonly logger = new Logger(PageSessions.name);
  private readonly client: ReturnType<typeof createClient>;
  private connecting?: Promise<unknown>;
  private readonly secret: string;
  private readonly secure: boolean;
  /** Milliseconds a signed-in session lasts at most, however active (SESSION_ABSOLUTE_HOURS). */
  readonly absoluteLifetimeMs: number;
  readonly handler: RequestHandler;

  constructor(config: ConfigService<Environment, true>) {
    const env = {
      NODE_ENV: config.get('NODE_ENV', { infer: true }),
      SESSION_SECRET: config.get('SESSION_SECRET', { infer: true }),
    };
    checkSessionSecret(env);
    const idleMinutes = config.get('SESSION_IDLE_MINUTES', { infer: true });
    this.secret = env.SESSION_SECRET;
    this.secure = env.NODE_ENV === 'production';
    this.absoluteLifetimeMs = config.get('SESSION_ABSOLUTE_HOURS', { infer: true }) * 3600_000;
    this.client = createClient({
      url: config.get('REDIS_URL', { infer: true }),
      // Reconnect forever, but not faster than every 2 s; pages answer 500 meanwhile.
      socket: { reconnectStrategy: (retries: number) => Math.min(retries * 200, 2000) },
    });
    // Without a listener an 'error' event would end the process; the message names no session or person.
    this.client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'session store unavailable'));
    this.handler = session({
      name: 'rh.sid',
      secret: env.SESSION_SECRET,
      store: new RedisStore({ client: this.client, prefix: `${config.get('QUEUE_PREFIX', { infer: true })}:session:`, ttl: idleMinutes * 60 }),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      // Only a session worth keeping is stored: nothing is written for an anonymous visitor (forms before sign-in
      // use a cookie token, preSessionToken), so a flood of page requests cannot fill Redis with sessions.
      // Behind the TLS-terminating ingress the request reaches the app as http: X-Forwarded-Proto is believed from
      // the proxies named in TRUST_PROXY only (Express `trust proxy`), which production must then set.
      proxy: undefined,
      unset: 'destroy',
      cookie: { httpOnly: true, sameSite: 'lax', secure: env.NODE_ENV === 'production', maxAge: idleMinutes * 60_000, path: '/' },
    });
  }

  /** The CSRF token for a form shown before sign-in (no session is created for it). */
  preSessionToken(req: Request, res: Response): string {
    return preSessionToken(req, res, this.secret, this.secure);
  }

  preSessionMatches(req: Request, given: unknown): boolean {
    return preSessionMatches(req, this.secret, given);
  }

  /** Connects on the first page request, so an app whose pages are never used opens no extra connection. */
  ready(): Promise<unknown> {
    this.connecting ??= this.client.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.client.isOpen) await this.client.quit().catch(() => undefined);
  }
}

/** Applied to page controllers only: /v1 stays stateless and bearer-only. */
@Injectable()
export class PageSessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: PageSessions) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.sessions.ready().then(
      () => this.sessions.handler(req, res, (error?: unknown) => (error ? next(error) : this.endIfTooOld(req, next))),
      (error: unknown) => next(error),
    );
  }

  /** A signed-in session older than SESSION_ABSOLUTE_HOURS ends, however active it has been: sign in again. */
  private endIfTooOld(req: Request, next: NextFunction): void {
    const session = sessionOf(req);
    const signedInAt = session?.signedInAt;
    if (!session?.principal || (signedInAt !== undefined && Date.now() - signedInAt <= this.sessions.absoluteLifetimeMs)) {
      next();
      return;
    }
    session.destroy((error: unknown) => next(error));
  }
}
