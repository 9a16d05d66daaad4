import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { routeTemplate } from '@app/common';
import { AisError, AisFieldError } from './ais.errors';

interface AisErrorBody {
  Message: string;
  ValidationErrors?: AisFieldError[];
  ErrorId?: string;
}

/** Every AIS failure in AIS's own shape; health checks keep the shape the orchestrator expects. */
@Catch()
export class AisErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('AisErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;

    if (exception instanceof AisError) {
      const body: AisErrorBody = { Message: exception.message };
      if (exception.validationErrors.length) body.ValidationErrors = exception.validationErrors;
      response.status(exception.status).json(body);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (request.path.startsWith('/health')) {
        response.status(status).json(exception.getResponse());
        return;
      }
      response.status(status).json(this.describe(status));
      return;
    }
    const errorId = randomUUID();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    // Driver messages can quote values; log the error's kind, code and where it came from only.
    const code = (error as { code?: unknown }).code;
    this.logger.error({ errorId, type: error.name, code, route: routeTemplate(request) }, 'unhandled error');
    response.status(500).json({ Message: 'An error has occurred.', ErrorId: errorId } satisfies AisErrorBody);
  }

  private describe(status: number): AisErrorBody {
    if (status === 400) return { Message: 'The request is invalid.', ValidationErrors: [{ Field: '', Error: 'The request body is not valid JSON.' }] };
    if (status === 404) return { Message: 'No HTTP resource was found that matches the request URI.' };
    if (status === 413) return { Message: 'The request body is too large.' };
    return { Message: `The request failed with status ${status}.` };
  }
}
