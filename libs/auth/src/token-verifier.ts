import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { Environment } from '@app/config';
import { isBoard, isRole, type Board, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

type Key = Uint8Array | KeyObject | JWTVerifyGetKey;

/**
 * Verifies bearer JWTs: against a JWKS URL or a public key in production, or a local HMAC key in development
 * (which `npm run token` signs with). Issuer and audience are always checked.
 */
@Injectable()
export class TokenVerifier {
  private key?: Promise<Key>;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async verify(token: string): Promise<Principal> {
    const key = await (this.key ??= this.loadKey());
    try {
      const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: this.config.get('AUTH_ISSUER', { infer: true }),
        audience: this.config.get('AUTH_AUDIENCE', { infer: true }),
      });
      if (typeof payload.sub !== 'string' || !isRole(payload.role)) throw new InvalidTokenError('token lacks sub or a known role');
      const org = typeof payload.org === 'string' ? payload.org : undefined;
      if (payload.role === 'first_responder' && !org) throw new InvalidTokenError('a first responder token must name its organisation');
      // An unknown board is refused rather than ignored: ignored, it would widen the holder's reads to every board.
      if (payload.board !== undefined && !isBoard(payload.board)) throw new InvalidTokenError('token names an unknown board');
      return { sub: payload.sub, role: payload.role, org, ...(payload.board !== undefined ? { board: payload.board } : {}) };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }

  private async loadKey(): Promise<Key> {
    switch (this.config.get('AUTH_MODE', { infer: true })) {
      case 'jwks':
        return createRemoteJWKSet(new URL(this.config.get('AUTH_JWKS_URL', { infer: true })!));
      case 'public_key':
        return importSPKI(this.config.get('AUTH_PUBLIC_KEY', { infer: true })!.replace(/\\n/g, '\n'), 'RS256');
      default:
        return new TextEncoder().encode(this.config.get('AUTH_DEV_SECRET', { infer: true }));
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
