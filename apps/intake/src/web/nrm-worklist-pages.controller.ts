import { Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { NotFoundError } from '@app/common';
import { PageController, PageRenderer, PageRoles, validateQuery } from '@app/web';
import { WorklistQuery } from '../worklists/dto/worklist.query';
import { NrmWorklistService, type Page } from '../worklists/nrm-worklist.service';
import { IntakeServices } from './intake-services';
import { NRM_WORKLISTS, nrmWorklistView, type NrmWorklistName } from './nrm-worklist-pages.presenter';
import { ukDateOn } from '@app/domain';

type PageRequest = Request & { principal: Principal };

/** The lead's NRM case worklists as pages, from the API's own service. */
@PageController('worklists')
@PageRoles('safeguarding_lead')
export class NrmWorklistPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly worklists: NrmWorklistService,
    private readonly services: IntakeServices,
  ) {}

  @Get(':name')
  async show(@Param('name') name: string, @Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    if (!NRM_WORKLISTS.some((w) => w.name === name)) throw new NotFoundError('worklist', name);
    const query = await validateQuery(WorklistQuery, raw);
    const size = Math.min(query.pageSize, 50);
    const list = name as NrmWorklistName;
    const page =
      list === 'childrens-services-prompts'
        ? await this.openPrompts(req, query.page, size)
        : list === 'reasonable-grounds-overdue'
          ? await this.worklists.reasonableGroundsOverdue(query.on, query.page, size)
          : list === 'awaiting-conclusive-grounds'
            ? await this.worklists.awaitingConclusiveGrounds(query.on, query.page, size)
            : list === 'reconsideration-deadlines'
              ? await this.worklists.reconsiderationDeadlines(query.on, query.page, size)
              : await this.worklists.positiveWithoutSupport(query.on, query.page, size);
    this.pages.render(req, res, 'intake/nrm-worklist.njk', nrmWorklistView(list, page));
  }

  private async openPrompts(req: PageRequest, page: number, pageSize: number): Promise<Page<object>> {
    const prompts = await this.services.support.listPrompts('open', req.principal);
    return { on: ukDateOn(), total: prompts.length, page, pageSize, items: prompts.slice((page - 1) * pageSize, page * pageSize) };
  }
}
