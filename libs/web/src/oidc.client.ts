import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as openid from 'openid-client';
import { isBoard, isBoardRole, isRole, type Principal } from '@app/auth';
import type { Environment } from '@app/config';
import type { PendingSignIn } from './session.types';

export type OidcSettings = Pick<Environment, 'NODE_ENV' | 'OIDC_ISSUER_URL' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_REDIRECT_URL'>;

/** The ID token did not name a person with a role this service knows. */
export class OidcClaimsError extends Error {}

const OIDC_SETTINGS = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;

/** Either none of the OIDC settings or all of them: half a configuration is a mistake to report at boot. */
export function checkOidcSettings(settings: OidcSettings): boolean {
  const given = OIDC_SETTINGS.filter((k) => settings[k]);
  if (given.length === 0) return false;
  const missing = OIDC_SETTINGS.filter((k) => !settings[k]);
  if (missing.length > 0) throw new Error(`Invalid configuration:\n  ${missing.join(', ')}: required with ${given.join(', ')}`);
  return true;
}

interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/**
 * Sign-in through the council's identity provider with OpenID Connect (authorization code flow with PKCE, state
 * and nonce; openid-client). The ID token's `role` claim (`org` for a first responder, `board` for a board member) becomes the page
 * session's principal, exactly as those claims do in a bearer token.
 */
@Injectable()
export class OidcClient {
  private configuration?: Promise<openid.Configuration>;
  private readonly settings: OidcSettings;
  private readonly provider?: OidcProvider;
  readonly enabled: boolean;

  constructor(config: ConfigService<Environment, true>) {
    this.settings = {
      NODE_ENV: config.get('NODE_ENV', { infer: true }),
      OIDC_ISSUER_URL: config.get('OIDC_ISSUER_URL', { infer: true }),
      OIDC_CLIENT_ID: config.get('OIDC_CLIENT_ID', { infer: true }),
      OIDC_CLIENT_SECRET: config.get('OIDC_CLIENT_SECRET', { infer: true }),
      OIDC_REDIRECT_URL: config.get('OIDC_REDIRECT_URL', { infer: true }),
    };
    const { OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_REDIRECT_URL: redirectUrl } = this.settings;
    if (checkOidcSettings(this.settings) && issuer && clientId && clientSecret && redirectUrl) this.provider = { issuer, clientId, clientSecret, redirectUrl };
    this.enabled = this.provider !== undefined;
  }

  /** Where to send the browser, and what the callback must find in the session. */
  async start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const config = await this.discover();
    const provider = this.configured();
    const codeVerifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const url = openid.buildAuthorizationUrl(config, {
      redirect_uri: provider.redirectUrl,
      scope: 'openid profile email',
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, pending: { state, nonce, codeVerifier, returnTo } };
  }

  /**
   * Exchanges the code the identity provider sent back. The callback URL is rebuilt from OIDC_REDIRECT_URL and the
   * query alone, so a forged Host header cannot change what the provider is asked about.
   */
  async finish(query: string, pending: PendingSignIn): Promise<Principal> {
    const config = await this.discover();
    const callback = new URL(this.configured().redirectUrl);
    callback.search = query;
    const tokens = await openid.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || typeof claims.sub !== 'string') throw new OidcClaimsError('the ID token names no subject');
    if (!isRole(claims.role) || claims.role === 'service') throw new OidcClaimsError('the ID token carries no role this service admits');
    const org = typeof claims.org === 'string' && claims.org ? claims.org : undefined;
    if (claims.role === 'first_responder' && !org) throw new OidcClaimsError('a first responder must have an organisation (org claim)');
    // As in a bearer token: a board member's `board` claim limits their reads; an unknown board is refused, since
    // ignored it would widen them to every board.
    if (claims.board !== undefined && !isBoard(claims.board)) throw new OidcClaimsError('the ID token names an unknown board');
    if (isBoardRole(claims.role) && claims.board === undefined) throw new OidcClaimsError(`a ${claims.role.replace('_', ' ')} must have a board (board claim)`);
    const board = isBoardRole(claims.role) && isBoard(claims.board) ? claims.board : undefined;
    return { sub: `oidc:${claims.sub}`, role: claims.role, org, ...(board ? { board } : {}) };
  }

  private configured(): OidcProvider {
    if (!this.provider) throw new Error('OpenID Connect is not configured');
    return this.provider;
  }

  private discover(): Promise<openid.Configuration> {
    const provider = this.provider;
    if (!provider) return Promise.reject(new Error('OpenID Connect is not configured'));
    // Plain http to the provider only outside production (a test's local issuer).
    const insecure = this.settings.NODE_ENV !== 'production' && provider.issuer.startsWith('http:');
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked so only to stand out; used outside production only
    const execute = insecure ? { execute: [openid.allowInsecureRequests] } : undefined;
    this.configuration ??= openid.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, execute).catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }
}
