import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { BOARDS, isBoard, isBoardRole, isRole, ROLES, signDevelopmentToken } from '@app/auth';
import { validateEnvironment } from '@app/config';
import { commandLine } from './command-line';
import { tokenLifetimeSeconds } from './token-lifetime';

const USAGE = 'npm run token -- --role ROLE [--org ORG] [--board BOARD] [--sub SUB] [--ttl 12h]';

/** `npm run token -- --role ROLE [--org ORG] [--board BOARD] [--sub SUB]`: prints a development bearer token. */
function main(): Promise<void> | void {
  const values = commandLine(USAGE, {
    role: { type: 'string' },
    org: { type: 'string' },
    board: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
  });
  const env = validateEnvironment(process.env);
  if (env.AUTH_MODE !== 'development') {
    console.error('npm run token only signs development tokens (AUTH_MODE=development); production tokens come from the identity provider.');
    process.exit(2);
  }
  if (!isRole(values.role)) {
    console.error(`--role must be one of: ${ROLES.join(', ')}`);
    process.exit(2);
  }
  if (values.role === 'first_responder' && !values.org) {
    console.error('a first responder token needs --org "Organisation name"');
    process.exit(2);
  }
  if (isBoardRole(values.role) && values.board === undefined) {
    console.error(`a ${values.role.replace('_', ' ')} token needs --board (one of: ${BOARDS.join(', ')})`);
    process.exit(2);
  }
  if (values.board !== undefined && !isBoard(values.board)) {
    console.error(`--board must be one of: ${BOARDS.join(', ')}`);
    process.exit(2);
  }
  const lifetime = tokenLifetimeSeconds(values.ttl, env.AUTH_MAX_TOKEN_LIFETIME_HOURS);
  if ('error' in lifetime) {
    console.error(lifetime.error);
    process.exit(2);
  }
  return signDevelopmentToken(
    { secret: env.AUTH_DEV_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE },
    // Each holder their own subject, so the audit tells two holders of one organisation's tokens apart.
    { sub: values.sub ?? `dev-${values.role}-${randomUUID()}`, role: values.role, org: values.org, board: values.board },
    `${lifetime.seconds}s`,
  ).then((token) => console.log(token));
}

void main();
