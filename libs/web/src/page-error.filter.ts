import { ArgumentsHost, Catch, ExceptionFilter, HttpException, INestApplication, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, InvalidRequestError, MalformedIdError, unhandledErrorForLog } from '@app/common';
import type { FieldViolation } from '@app/domain';
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
    // A malformed id in a page's address (/referrals/not-a-uuid, refused by UuidParamPipe) names no record: the
    // address is wrong, as for an address no page has. Not "a problem with the address": that is for its filters.
    if (exception instanceof MalformedIdError) return PAGE_NOT_FOUND;
    if (exception instanceof InvalidRequestError) {
      return {
        status: 400,
        title: 'There is a problem with the address',
        paragraphs: ['Check the address or the filters you chose.'],
        problems: addressProblems(exception.errors),
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
    this.logger.error({ errorId, err: unhandledErrorForLog(exception) }, 'page failed');
    return {
      status: 500,
      title: 'Sorry, there is a problem with the service',
      paragraphs: ['Try again later.', `If you contact support, give this error id: ${errorId}`],
    };
  }
}

const NOT_A_NUMBER = /must be an integer number|must be a number conforming|must be a number/;

/**
 * A page address's refused query parameters in words, one line each: "The page number in the address must be a
 * whole number, like 2" rather than class-validator's three rule messages about `page`.
 */
export function addressProblems(violations: readonly FieldViolation[]): string[] {
  const byPath = new Map<string, string[]>();
  for (const v of violations) byPath.set(v.path, [...(byPath.get(v.path) ?? []), v.message]);
  return [...byPath].map(([path, messages]) => {
    const name = `The ${parameterName(path)} in the address`;
    if (messages.some((m) => NOT_A_NUMBER.test(m))) return `${name} must be a whole number, like 2`;
    const message = messages[0] ?? '';
    const choices = /must be one of the following values: (.+)$/.exec(message);
    if (choices) return `${name} must be ${orList(choices[1].split(', '))}`;
    const least = /must not be less than (\d+)/.exec(message);
    if (least) return `${name} must be ${least[1]} or more`;
    const most = /must not be greater than (\d+)/.exec(message);
    if (most) return `${name} must be ${most[1]} or less`;
    const rest = message.replace(/^[A-Za-z.]+ (?=(must|is|should) )/, '');
    return rest === message ? `Check the ${parameterName(path)} in the address` : `${name} ${rest}`;
  });
}

/** "page" → "page number", "pageSize" → "page size", "caseSystem" → "case system". */
function parameterName(path: string): string {
  if (path === 'page') return 'page number';
  return path.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}` : (items[0] ?? '');
}
