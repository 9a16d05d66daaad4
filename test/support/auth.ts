import { signDevelopmentToken, type Role } from '@app/auth';
import { validateEnvironment } from '@app/config';

/** A development token as `npm run token` would print, for the environment the test set. */
export async function bearer(role: Role, org?: string, sub = `test-${role}-${org ?? 'any'}`): Promise<string> {
  const env = validateEnvironment(process.env);
  const token = await signDevelopmentToken({ secret: env.AUTH_DEV_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE }, { sub, role, org });
  return `Bearer ${token}`;
}
