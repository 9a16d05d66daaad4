import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { Environment } from '@app/config';
import { isBoard, isBoardRole, isRole, type Board, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

/** The algorithms each mode accepts: the shared development key is HMAC; identity providers sign asymmetrically. */
const ALGORITHMS: Readonly<Record<Environment['AUTH_MODE'], readonly string[]>> = {
  development: ['HS256'],
  public_key: ['RS256'],
  jwks: ['RS256', 'PS256', 'ES256', 'EdDSA'],
};

const CLAIM_MAX_LENGTH = 200;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A subject or organisation as the audit stores it: text, not empty, no control characters (NUL included). */
function isClaimText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= CLAIM_MAX_LENGTH &&
    !/[\u0000-\u001f\u007f]/.test(value) &&
    !LONE_SURROGATE.test(value)
  );
}

type Key = Uint8Array | webcrypto.CryptoKey | KeyObject | JWTVerifyGetKey;

/**
 * A token verified once is not verified again on every request that carries it: a caller sends the same bearer
 * token for up to an hour, and checking its signature again cost intake about a tenth of its CPU per referral.
 * A remembered token is trusted for at most this long, and never past its own `exp`.
 */
const REMEMBER_FOR_MS = 60_000;
/** Tokens remembered at once; when full, the oldest is forgotten first. */
const REMEMBERED_TOKENS = 1000;

/**
 * Verifies bearer JWTs: against a JWKS URL or a public key in production, or a local HMAC key in development
 * (which `npm run token` signs with). Issuer and audience are always checked.
 */
@Injectable()
export class TokenVerifier {
  private key?: Promise<Key>;
  /** One verification per request: the rate limiter (which counts per principal) and the auth guard share it. */
  private readonly verified = new WeakMap<object, { token: string; principal: Promise<Principal> }>();
  /** Verified tokens (the whole compact JWS, signature included) → their principal, until `until` (ms). */
  private readonly remembered = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** `verify`, done once per request and token whoever asks first. */
  verifyFor(request: object, token: string): Promise<Principal> {
    const seen = this.verified.get(request);
    if (seen?.token === token) return seen.principal;
    const principal = this.verify(token);
    // The first caller may not await it (the rate limiter only wants to know whether it holds); the guard will.
    principal.catch(() => undefined);
    this.verified.set(request, { token, principal });
    return principal;
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const remembered = this.remembered.get(token);
    if (remembered) {
      if (remembered.until > now) return { ...remembered.principal };
      this.remembered.delete(token);
    }
    const { principal, expiresAt } = await this.check(token);
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(token, { principal, until: Math.min(expiresAt * 1000, now + REMEMBER_FOR_MS) });
    return { ...principal };
  }

  private async check(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    const key = await (this.key ??= this.loadKey());
    const mode = this.config.get('AUTH_MODE', { infer: true });
    try {
      const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: this.config.get('AUTH_ISSUER', { infer: true }),
        audience: this.config.get('AUTH_AUDIENCE', { infer: true }),
        // Per mode, so that a key meant for one algorithm is never used with another (HS256 only in development).
        algorithms: [...ALGORITHMS[mode]],
        requiredClaims: ['exp', 'sub'],
      });
      const now = Math.floor(Date.now() / 1000);
      const cap = this.config.get('AUTH_MAX_TOKEN_LIFETIME_HOURS', { infer: true }) * 3600;
      const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
      if ((payload.exp as number) - issued > cap) throw new InvalidTokenError(`token lives longer than ${cap / 3600} hours`);
      if (!isClaimText(payload.sub)) throw new InvalidTokenError('token sub must be non-empty text without control characters');
      if (!isRole(payload.role)) throw new InvalidTokenError('token lacks a known role');
      if (payload.org !== undefined && !isClaimText(payload.org)) throw new InvalidTokenError('token org must be non-empty text without control characters');
      const org = typeof payload.org === 'string' ? payload.org : undefined;
      if (payload.role === 'first_responder' && !org) throw new InvalidTokenError('a first responder token must name its organisation');
      // An unknown board is refused rather than ignored: ignored, it would widen the holder's reads to every board.
      if (payload.board !== undefined && !isBoard(payload.board)) throw new InvalidTokenError('token names an unknown board');
      // A board viewer or member reads one board's figures: without the claim they would read every board's.
      if (isBoardRole(payload.role) && payload.board === undefined)
        throw new InvalidTokenError(`a ${payload.role.replace('_', ' ')} token must name its board`);
      const principal: Principal = { sub: payload.sub, role: payload.role, org, ...(payload.board !== undefined ? { board: payload.board } : {}) };
      return { principal, expiresAt: payload.exp as number };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }

  /** A setting the mode needs; the environment's validation has already refused a missing one. */
  private setting(name: 'AUTH_JWKS_URL' | 'AUTH_PUBLIC_KEY'): string {
    const value = this.config.get(name, { infer: true });
    if (!value) throw new Error(`${name} is required when AUTH_MODE is ${this.config.get('AUTH_MODE', { infer: true })}`);
    return value;
  }

  private async loadKey(): Promise<Key> {
    switch (this.config.get('AUTH_MODE', { infer: true })) {
      case 'jwks':
        return createRemoteJWKSet(new URL(this.setting('AUTH_JWKS_URL')));
      case 'public_key':
        return importSPKI(this.setting('AUTH_PUBLIC_KEY').replace(/\\n/g, '\n'), 'RS256');
      default:
        // Imported once: given the raw bytes, jose would import the HMAC key again for every token.
        return webcrypto.subtle.importKey(
          'raw',
          new TextEncoder().encode(this.config.get('AUTH_DEV_SECRET', { infer: true })),
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['verify'],
        );
    }
  }
}

export interface DevTokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

/** Signs a development token. Only for AUTH_MODE=development: production tokens come from the identity provider. */
export function signDevelopmentToken(
  settings: DevTokenSettings,
  claims: { sub: string; role: Role; org?: string; board?: Board },
  ttl = '12h',
): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}), ...(claims.board ? { board: claims.board } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(settings.secret));
}
