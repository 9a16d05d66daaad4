import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { routeTemplate } from '@app/common';
import { LcsError, LcsErrorDetail } from './lcs.errors';

interface LcsErrorBody {
  error: { code: string; message: string; details?: LcsErrorDetail[]; traceId?: string };
}

const HTTP_CODES: Readonly<Record<number, [string, string]>> = {
  400: ['MALFORMED_REQUEST', 'The request body is not valid JSON'],
  404: ['ROUTE_NOT_FOUND', 'No such endpoint'],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
};

/** Every LCS failure in LCS's own shape; health checks keep the shape the orchestrator expects. */
@Catch()
export class LcsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('LcsErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;

    if (exception instanceof LcsError) {
      const body: LcsErrorBody = { error: { code: exception.code, message: exception.message } };
      if (exception.details.length) body.error.details = exception.details;
      response.status(exception.status).json(body);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (request.path.startsWith('/health')) {
        response.status(status).json(exception.getResponse());
        return;
      }
      const [code, message] = HTTP_CODES[status] ?? ['REQUEST_FAILED', `The request failed with status ${status}`];
      response.status(status).json({ error: { code, message } } satisfies LcsErrorBody);
      return;
    }
    const traceId = randomUUID();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    // Driver messages can quote values; log the error's kind, code and where it came from only.
    const code = (error as { code?: unknown }).code;
    this.logger.error({ traceId, type: error.name, code, route: routeTemplate(request) }, 'unhandled error');
    response.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong', traceId } } satisfies LcsErrorBody);
  }
}
