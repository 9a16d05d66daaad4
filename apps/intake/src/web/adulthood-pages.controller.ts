import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UnprocessableError, UuidParamPipe } from '@app/common';
import { type FieldViolation, ukDateOn } from '@app/domain';
import { dateField, type FormBody, formErrors, longDate, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery } from '@app/web';
import { ApproachingAdulthoodQuery } from '../adulthood/dto/approaching-adulthood.query';
import { RecordTransitionStepDto } from '../adulthood/dto/record-transition-step.dto';
import { IntakeServices } from './intake-services';
import { approachingAdulthoodView, HORIZON_FIELDS, savedStepMessage, STEP_FORM_FIELDS, transitionView } from './adulthood-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * Turning 18 for the safeguarding lead (docs/transitions.md): the approaching-adulthood worklist and a child's
 * transition page, through the API's own service, query and DTO (same rules, same audit actions); recording a step
 * is audited in the same transaction as it is stored, by the service.
 */
@PageController()
@PageRoles('safeguarding_lead')
export class AdulthoodPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
    private readonly refused: RefusedForms,
  ) {}

  @Get('worklists/approaching-adulthood')
  async worklist(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    let query: ApproachingAdulthoodQuery;
    try {
      query = await validateQuery(ApproachingAdulthoodQuery, raw);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Nothing is listed (so nothing to audit): the filter shows what to put right.
      const errors = formErrors(error.errors, HORIZON_FIELDS);
      const horizon = typeof raw.horizonMonths === 'string' ? raw.horizonMonths : '';
      this.pages.render(
        req,
        res,
        'intake/approaching-adulthood.njk',
        { title: 'Approaching adulthood', horizonMonths: horizon, rows: [], invalid: true, errors },
        400,
      );
      return;
    }
    const page = await this.services.adulthood.worklist({
      on: query.on,
      horizonMonths: query.horizonMonths,
      page: query.page,
      pageSize: Math.min(query.pageSize, 50),
    });
    await this.audit.record(req.principal, 'worklist.approaching_adulthood.read', null, {
      request: req,
      purpose: 'casework',
      details: { items: page.items.map((i) => i.referralId) },
    });
    this.pages.render(req, res, 'intake/approaching-adulthood.njk', approachingAdulthoodView(page, { horizonMonths: page.horizonMonths, on: query.on }));
  }

  @Get('referrals/:id/transition')
  async show(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    await this.showTransition(id, req, res);
  }

  @Post('referrals/:id/transition-steps')
  async record(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = { step: textField(form, 'step'), on: dateField(form, 'on') };
    try {
      const body = await validateQuery(RecordTransitionStepDto, answers);
      const saved = await this.services.adulthood.recordStep(id, body, { principal: req.principal, request: req });
      req.session.flash = savedStepMessage(body.step, body.on, saved.transition, longDate);
      res.redirect(303, `/referrals/${id}/transition`);
    } catch (error) {
      const violations = refusalsOf(error, answers.on === undefined);
      if (!violations) throw error;
      // Post/redirect/get: the transition page shows what to put right, with what was typed.
      this.refused.redirect(req, res, `/referrals/${id}/transition`, { name: 'transitionStep', form, errors: formErrors(violations, STEP_FORM_FIELDS) });
    }
  }

  /** The transition page; a step refused a moment ago is shown once, answered 400 as the refusal it shows. */
  private async showTransition(id: string, req: PageRequest, res: Response): Promise<void> {
    const refused = this.refused.take(req);
    const failed = refused?.name === 'transitionStep' ? refused : undefined;
    const referral = await this.services.referrals.get(id, req.principal);
    const steps = await this.services.adulthood.steps(id);
    await this.audit.record(req.principal, 'referral.transition_steps.read', { type: 'referral', id }, { request: req, purpose: 'casework' });
    const view = transitionView(referral, steps, ukDateOn(), failed?.form, failed?.errors);
    this.pages.render(req, res, 'intake/transition.njk', view, failed ? 400 : 200);
  }
}

/**
 * The API's 400s as they are (a date left empty asked for, not called unreal); its 422 (the latest age assessment
 * found an adult) against the step.
 */
function refusalsOf(error: unknown, dateMissing: boolean): FieldViolation[] | undefined {
  if (error instanceof InvalidRequestError)
    return error.errors.map((v) => (v.path === 'on' && dateMissing ? { path: 'on', message: 'on should not be empty' } : v));
  if (error instanceof UnprocessableError) return [{ path: 'step', message: error.message }];
  return undefined;
}
