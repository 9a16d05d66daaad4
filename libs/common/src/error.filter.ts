import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, InvalidRequestError } from './errors';
import { routeTemplate } from './route-template';

// SQLSTATE classes 08 (connection exception), 53 (insufficient resources) and 57P (operator intervention: a
// restart or shutdown), and pg-pool's own wait-for-a-connection timeout.
const UNAVAILABLE_CODES = /^(08|53|57P)/;
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|the database system is (starting up|shutting down)/i;

export function isUnavailable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) || UNAVAILABLE_MESSAGES.test(error.message);
}

/**
 * One filter for every app: domain errors become their status, Nest's HTTP exceptions keep theirs, and
 * anything unknown becomes a 500 with an error id to find in the logs — never a stack or a message that
 * could carry personal data.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppErrorFilter.name);

  /** @param notFoundPage answers a browser's request for an address no page or API has (an app with pages). */
  constructor(private readonly notFoundPage?: (req: Request, res: Response) => void) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;

    if (exception instanceof InvalidRequestError) {
      response.status(400).json({ statusCode: 400, errors: exception.errors });
      return;
    }
    if (exception instanceof DomainError) {
      response.status(exception.status).json({ statusCode: exception.status, error: exception.code, message: exception.message });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404 && this.notFoundPage && wantsPage(request)) {
        this.notFoundPage(request, response);
        return;
      }
      const body = exception.getResponse();
      // A guard's 400 that names its fields (a header, say) keeps the same shape as a validation error.
      const errors = typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
      if (status === 400 && Array.isArray(errors)) {
        response.status(400).json({ statusCode: 400, errors });
        return;
      }
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      // A malformed JSON body, or a bare string or number that body-parser's strict mode refuses, is a caller's
      // mistake: name it like any other field error.
      const text = typeof message === 'string' ? message : Array.isArray(message) ? message.join(',') : '';
      if (status === 400 && /JSON/i.test(text)) {
        response
          .status(400)
          .json({ statusCode: 400, errors: [{ path: '', message: 'request body is not a JSON object (malformed JSON, or a bare string or number)' }] });
        return;
      }
      response.status(status).json({ statusCode: status, message });
      return;
    }

    const errorId = randomUUID();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    if (isUnavailable(error)) {
      // The database is away or every connection is busy: a caller should retry, not report a bug.
      this.logger.warn(
        { errorId, err: { type: error.name, code: (error as { code?: unknown }).code }, route: routeTemplate(request) },
        'dependency unavailable',
      );
      response.status(503).set('Retry-After', '5').json({ statusCode: 503, error: 'unavailable', errorId });
      return;
    }
    this.logger.error({ errorId, err: unhandledErrorForLog(error), route: routeTemplate(request) }, 'unhandled error');
    response.status(500).json({ statusCode: 500, error: 'internal_error', errorId });
  }
}

/**
 * A browser asking for a page: a GET outside the API and its documentation that accepts HTML. A page controller
 * answers its own errors as pages; this is for an address nothing answers (a mistyped or an old link).
 */
function wantsPage(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (/^\/(v1|docs)(\/|$)/.test(request.path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * What the log keeps of an error nobody expected: its type, code and stack frames, never its message, since messages
 * from drivers and libraries can quote the values that failed (a name, a date of birth). The caller gets only an id.
 */
export function unhandledErrorForLog(exception: unknown): { type: string; code?: string; stack: string } {
  const error = exception instanceof Error ? exception : new Error(typeof exception);
  const code = (error as { code?: unknown }).code;
  return { type: error.name, code: typeof code === 'string' ? code : undefined, stack: (error.stack ?? '').split('\n').slice(1).join('\n') };
}
