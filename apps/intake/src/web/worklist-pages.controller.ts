import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { PageController, PageRenderer, PageRoles, validateQuery } from '@app/web';
import { NotSubmittedQuery } from '../home-office/not-submitted.controller';
import { IntakeServices } from './intake-services';
import { notSubmittedView } from './worklist-pages.presenter';

type PageRequest = Request & { principal: Principal };

/** Referrals logged and not yet recorded as submitted to the Home Office, as the API lists them. */
@PageController('worklists')
@PageRoles('first_responder', 'safeguarding_lead')
export class WorklistPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
  ) {}

  @Get('not-submitted')
  async notSubmitted(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const query = await validateQuery(NotSubmittedQuery, raw);
    const page = await this.services.submissions.notSubmitted(req.principal, query.page, Math.min(query.pageSize, 50));
    this.pages.render(req, res, 'intake/not-submitted.njk', notSubmittedView(page));
  }
}
