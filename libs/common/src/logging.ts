import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CLIENT_REQUEST_ID } from '@app/auth';
import type { Environment } from '@app/config';
import { logDestination } from './log-destination';

/**
 * Paths pino removes from every line. Request bodies are never logged at all; these cover the places where
 * personal data or credentials could still slip in through a structured log call.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.firstName',
  '*.lastName',
  '*.dateOfBirth',
  '*.nhsNumber',
  '*.aliases',
  '*.name',
  '*.email',
  '*.phone',
  '*.narrative',
  '*.Forename',
  '*.Surname',
  '*.DateOfBirth',
  '*.childName',
];

function pathOnly(url: string | undefined): string {
  // Query strings can carry filters such as a surname: log the path alone.
  return (url ?? '').split('?')[0];
}

/**
 * Change feeds that the deduplicator reads every second (FEED_POLL_MS): a line per read would drown the log, so a
 * read that succeeds is logged at debug; the poller itself logs once per change of state (changes found, the feed
 * unreachable, reachable again).
 */
const ROUTINE_POLL_PATHS = ['/api/v2/ChangeFeed', '/lcs/api/feed'];

/** The level of a request's log line: errors as errors, routine polls at debug, everything else at info. */
export function requestLogLevel(req: Pick<IncomingMessage, 'method' | 'url'>, res: { statusCode: number }, err?: Error): 'error' | 'warn' | 'info' | 'debug' {
  if (err || res.statusCode >= 500) return 'error';
  if (req.method === 'GET' && res.statusCode < 400 && ROUTINE_POLL_PATHS.includes(pathOnly(req.url))) return 'debug';
  return 'info';
}

export function createLoggerModule(service: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<Environment, true>) => {
      const destination = config.get('LOG_DESTINATION', { infer: true });
      const options = {
        level: config.get('LOG_LEVEL', { infer: true }),
        base: { service },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // The service's own id for every request; a client's X-Request-Id is logged beside it, never instead of it.
        genReqId: () => randomUUID(),
        customProps: () => ({}),
        serializers: {
          req: (req: { id: string; method: string; url: string; headers?: Record<string, unknown> }) => {
            const given = req.headers?.['x-request-id'];
            return {
              id: req.id,
              method: req.method,
              path: pathOnly(req.url),
              ...(typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? { clientId: given } : {}),
            };
          },
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
        customLogLevel: (req: IncomingMessage, res: { statusCode: number }, err?: Error) => requestLogLevel(req, res, err),
      };
      // Buffered standard output, flushed within a second and at once after a warning; a log file written as it goes.
      const { stream, hooks } = logDestination(destination);
      return { pinoHttp: [{ ...options, ...(hooks ? { hooks } : {}) }, stream] };
    },
  });
}
