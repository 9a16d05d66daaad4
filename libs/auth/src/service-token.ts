import type { Environment } from '@app/config';
import { signDevelopmentToken } from './token-verifier';

type Settings = Pick<Environment, 'SERVICE_TOKEN' | 'AUTH_MODE' | 'AUTH_DEV_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>;

/**
 * The bearer token an app presents to another (router → case systems). Production configures SERVICE_TOKEN, issued
 * by the identity provider; development signs one with the local key.
 */
export function serviceToken(settings: Settings, app: string): string | (() => Promise<string>) {
  if (settings.SERVICE_TOKEN) return settings.SERVICE_TOKEN;
  if (settings.AUTH_MODE !== 'development') throw new Error('SERVICE_TOKEN must be set when AUTH_MODE is not development');
  // Tokens live at most AUTH_MAX_TOKEN_LIFETIME_HOURS (24 by default): a development service token lives an hour
  // and is signed again when less than ten minutes of it are left, however long the app runs.
  let current: { token: Promise<string>; renewAt: number } | undefined;
  return () => {
    if (!current || Date.now() >= current.renewAt) {
      current = {
        token: signDevelopmentToken(
          { secret: settings.AUTH_DEV_SECRET, issuer: settings.AUTH_ISSUER, audience: settings.AUTH_AUDIENCE },
          { sub: `service:${app}`, role: 'service' },
          '1h',
        ),
        renewAt: Date.now() + 50 * 60 * 1000,
      };
    }
    return current.token;
  };
}
