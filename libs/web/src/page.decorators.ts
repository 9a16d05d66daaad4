import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { PageErrorFilter } from './page-error.filter';
import { PageGuard } from './page.guard';

/**
 * A controller of HTML pages. The bearer-token guard skips it (@Public): the page guard checks the session's
 * principal, its role and every form's CSRF token instead; errors become pages, not JSON. Kept out of the
 * OpenAPI document, which describes the /v1 API only.
 */
export function PageController(prefix = ''): ClassDecorator {
  return applyDecorators(Controller(prefix), Public(), ApiExcludeController(), UseGuards(PageGuard), UseFilters(PageErrorFilter));
}
