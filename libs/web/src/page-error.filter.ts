import { ArgumentsHost, Catch, ExceptionFilter, HttpException, INestApplication, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, InvalidRequestError } from '@app/common';
import { CsrfRejectedError, PageForbiddenError, SignInRequiredError } from './page.errors';
import { PageRenderer } from './page.renderer';
import { PageSessionMiddleware } from './page-session';

type ErrorPage = {
  status: number;
  title: string;
  paragraphs: string[];
  problems?: string[];
};

const PAGE_NOT_FOUND: ErrorPage = { status: 404, title: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.'] };

/**
 * The page for an address nothing answers, for `createHttpApp`'s `notFoundPage` (an app with pages). The session is
 * read first, as for any page, so the header still says who is signed in.
 */
export function pageNotFound(app: INestApplication): (req: Request, res: Response) => void {
  const pages = app.get(PageRenderer);
  const sessions = app.get(PageSessionMiddleware);
  return (req, res) => sessions.use(req, res, () => pages.render(req, res, 'error.njk', PAGE_NOT_FOUND, 404));
}

/**
 * Errors on pages become pages: sign-in needed → a redirect; the rest a GOV.UK error page. Like the API's filter,
 * an unexpected error is logged with an error id (never a body or a person's details) and shown only by its id.
 */
@Catch()
@Injectable()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(PageErrorFilter.name);

  constructor(private readonly pages: PageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequiredError) {
      res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const page = this.describe(exception);
    if (res.headersSent) return;
    this.pages.render(req, res, 'error.njk', page, page.status);
  }

  private describe(exception: unknown): ErrorPage {
    if (exception instanceof CsrfRejectedError) {
      return {
        status: 403,
        title: 'Your answers could not be sent',
        paragraphs: ['The page was open too long, or you signed out meanwhile.', 'Go back, reload the page and try again.'],
      };
    }
    if (exception instanceof PageForbiddenError) {
      return {
        status: 403,
        title: 'You cannot see this page',
        paragraphs: ['Your role does not give access to this page. Ask your safeguarding lead if you think it should.'],
      };
    }
    if (exception instanceof InvalidRequestError) {
      return {
        status: 400,
        title: 'There is a problem with the address',
        paragraphs: ['Check the address or the filters you chose.'],
        problems: exception.errors.map((v) => v.message),
      };
    }
    if (exception instanceof DomainError) {
      const status = exception.status;
      if (status === 404) return { status, title: 'Page not found', paragraphs: ['It may have been merged into another record, or the address is wrong.'] };
      if (status === 409)
        return { status, title: 'This has already changed', paragraphs: [exception.message, 'Reload the page to see where things stand now.'] };
      return { status, title: 'Sorry, there is a problem', paragraphs: [exception.message] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return PAGE_NOT_FOUND;
      if (status < 500) return { status, title: 'Sorry, there is a problem', paragraphs: ['The request could not be handled.'] };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception instanceof Error ? exception.name : typeof exception }, 'page failed');
    return {
      status: 500,
      title: 'Sorry, there is a problem with the service',
      paragraphs: ['Try again later.', `If you contact support, give this error id: ${errorId}`],
    };
  }
}
