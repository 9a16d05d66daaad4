import type { Environment } from '@app/config';
import { signDevelopmentToken } from './token-verifier';

type Settings = Pick<Environment, 'SERVICE_TOKEN' | 'AUTH_MODE' | 'AUTH_DEV_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>;

/**
 * The bearer token an app presents to another (router → case systems). Production configures SERVICE_TOKEN, issued
 * by the identity provider; development signs one with the local key.
 */
export async function serviceToken(settings: Settings, app: string): Promise<string> {
  if (settings.SERVICE_TOKEN) return settings.SERVICE_TOKEN;
  if (settings.AUTH_MODE !== 'development') throw new Error('SERVICE_TOKEN must be set when AUTH_MODE is not development');
  return signDevelopmentToken(
    { secret: settings.AUTH_DEV_SECRET, issuer: settings.AUTH_ISSUER, audience: settings.AUTH_AUDIENCE },
    { sub: `service:${app}`, role: 'service' },
    '365d',
  );
}
