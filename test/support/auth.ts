import { signDevelopmentToken, type Board, type Role } from '@app/auth';
import { validateEnvironment } from '@app/config';

/** Claims a test token may carry besides role, organisation and subject. */
export interface ExtraClaims {
  board?: Board;
}

/** A development token as `npm run token` would print, for the environment the test set. */
export async function bearer(role: Role, org?: string, sub = `test-${role}-${org ?? 'any'}`, claims: ExtraClaims = {}): Promise<string> {
  const env = validateEnvironment(process.env);
  const token = await signDevelopmentToken(
    { secret: env.AUTH_DEV_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE },
    {
      sub,
      role,
      org,
      ...(role === 'board_viewer' || role === 'board_member'
        ? { board: role === 'board_member' ? 'safeguarding_adults_board' : 'community_safety_partnership' }
        : {}),
      ...claims,
    },
  );
  return `Bearer ${token}`;
}
