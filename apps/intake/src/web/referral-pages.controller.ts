import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { PageController, PageRenderer, PageRoles, validateQuery } from '@app/web';
import { ListReferralsQuery } from '../referrals/dto/list-referrals.query';
import { IntakeServices } from './intake-services';
import { listView, referralView } from './referral-pages.presenter';

type PageRequest = Request & { principal: Principal };

/** Referrals with filters, and one referral: a first responder sees only their organisation's, as in the API. */
@PageController('referrals')
@PageRoles('first_responder', 'safeguarding_lead')
export class ReferralPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const query = await validateQuery(ListReferralsQuery, raw);
    const { page, pageSize, ...filter } = query;
    if (req.principal.role === 'first_responder') filter.organisation = req.principal.org;
    const result = await this.services.referrals.list(filter, page, Math.min(pageSize, 25));
    this.pages.render(req, res, 'intake/referrals.njk', listView(result, query, req.principal));
  }

  @Get(':id')
  async show(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const view = await this.services.referrals.get(id, req.principal);
    await this.audit.record(req.principal, 'referral.read', { type: 'referral', id }, { request: req, purpose: 'casework' });
    this.pages.render(req, res, 'intake/referral.njk', referralView(view, req.principal));
  }
}
