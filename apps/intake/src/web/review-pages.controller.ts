import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UuidParamPipe } from '@app/common';
import { formErrors, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery, type FormBody } from '@app/web';
import { ListReviewsQuery } from '../persons/dto/list-reviews.query';
import { ReviewDecisionDto } from '../persons/dto/review-decision.dto';
import { IntakeServices } from './intake-services';
import { DECISION_FIELDS, reviewView } from './review-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * The review queue: one possible match at a time, side by side with the engine's per-field explanation, decided
 * as a match or not a match through the API's own review service (locked, in the link history, audited).
 */
@PageController('reviews')
@PageRoles('safeguarding_lead')
export class ReviewPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
    private readonly refused: RefusedForms,
  ) {}

  @Get()
  async queue(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const query = await validateQuery(ListReviewsQuery, { ...raw, pageSize: '1' });
    const status = query.status === 'superseded' ? 'decided' : query.status;
    const result = await this.services.persons.listReviews(status, query.page, 1);
    await this.audit.record(req.principal, 'review.list', null, { request: req, purpose: 'linkage review', details: { items: result.items.map((i) => i.id) } });
    // A decision refused a moment ago (post/redirect/get): the same possible match, with what to put right.
    const refused = this.refused.take(req);
    const failed = refused?.name === 'decision' ? { errors: refused.errors, reason: textField(refused.form, 'reason') } : undefined;
    this.pages.render(req, res, 'intake/reviews.njk', { ...reviewView(result, status), ...failed }, failed ? 400 : 200);
  }

  @Post(':id/decision')
  async decide(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    let body: ReviewDecisionDto;
    try {
      body = await validateQuery(ReviewDecisionDto, { decision: form.decision, reason: form.reason });
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Back to the same possible match (post/redirect/get), which shows what to put right.
      const page = Math.max(1, Math.min(100_000, Math.trunc(Number(textField(form, 'page'))) || 1));
      this.refused.redirect(req, res, page === 1 ? '/reviews' : `/reviews?page=${page}`, {
        name: 'decision',
        form,
        errors: formErrors(error.errors, DECISION_FIELDS),
      });
      return;
    }
    const outcome = await this.services.persons.decide(id, body.decision, req.principal, body.reason);
    req.session.flash =
      outcome.decision === 'match'
        ? 'Saved: the same person. The record is now linked to the candidate person.'
        : 'Saved: not a match. The record stays a person of its own.';
    res.redirect(303, '/reviews');
  }
}
