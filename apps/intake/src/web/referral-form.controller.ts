import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError } from '@app/common';
import { formErrors, JourneyAnswers, PageController, PageRenderer, PageRoles, type FormBody, type FormErrors } from '@app/web';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from '@app/common';
import { AgeDto, type CreateReferralDto } from '../referrals/dto/create-referral.dto';
import { ReferralBodyPipe } from '../referrals/referral-body.pipe';
import { IntakeServices } from './intake-services';
import { afterAge, answersFor, detailsShape, isChild, type DetailsShape, type ReferralDraft } from './referral-journey';
import { ageAnswers, AGE_FIELDS, CONSENT_FIELDS, consentAnswers, detailsErrors, referralBody } from './referral-form.presenter';
import { checkAnswersView, confirmationView, detailsView } from './referral-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * The NRM / Duty to Notify journey in the Home Office order: age first, consent for adults, then the details. Each
 * page is a plain form POST answered by a redirect, so it works without JavaScript. The details are validated by
 * the API's own pipe (field rules and the Act's rules) and created by the API's own service.
 */
@PageController('referrals')
@PageRoles('first_responder', 'safeguarding_lead')
export class ReferralFormController {
  private readonly bodyPipe = new ReferralBodyPipe();

  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
    private readonly answers: JourneyAnswers,
  ) {}

  @Get('new')
  age(@Req() req: PageRequest, @Res() res: Response): void {
    this.pages.render(req, res, 'intake/referral-age.njk', { values: req.session.referralDraft ?? {}, inProgress: this.answers.read(req, 'referralDetails') !== undefined });
  }

  /** A journey left unfinished is forgotten on request, so its answers never carry into a referral about someone else. */
  @Post('new/discard')
  discard(@Req() req: PageRequest, @Res() res: Response): void {
    delete req.session.referralDraft;
    delete req.session.referralDetailsSent;
    this.answers.forget(req, 'referralDetails');
    res.redirect(303, '/referrals/new');
  }

  @Post('new')
  async answerAge(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = ageAnswers(form);
    // The API's own AgeDto judges the answers, so the page accepts exactly what the API would.
    const violations = flattenValidationErrors(await validate(plainToInstance(AgeDto, answers), { validationError: { target: false, value: false } }));
    if (violations.length > 0) {
      return this.pages.render(req, res, 'intake/referral-age.njk', { values: answers, errors: formErrors(violations, AGE_FIELDS) }, 400);
    }
    const draft = answers as ReferralDraft;
    req.session.referralDraft = draft;
    this.keepAnswersFor(req, draft);
    res.redirect(303, afterAge(draft));
  }

  @Get('new/consent')
  consent(@Req() req: PageRequest, @Res() res: Response): void {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    if (isChild(draft)) return res.redirect(303, '/referrals/new/details');
    this.pages.render(req, res, 'intake/referral-consent.njk', { values: draft });
  }

  @Post('new/consent')
  answerConsent(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): void {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    const { answers, violations } = consentAnswers(form);
    if (violations.length > 0) {
      return this.pages.render(req, res, 'intake/referral-consent.njk', { values: answers, errors: formErrors(violations, CONSENT_FIELDS) }, 400);
    }
    req.session.referralDraft = { ...draft, ...answers };
    this.keepAnswersFor(req, req.session.referralDraft);
    res.redirect(303, '/referrals/new/details');
  }

  /**
   * The details page, always from the answers kept for the journey: pressing Back from "Check your answers",
   * following "Change" or reloading shows every answer again, names included, and never re-posts a form. Once the
   * details have been sent at least once, their problems are shown with them.
   */
  @Get('new/details')
  async details(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    if (!isChild(draft) && draft.consentToNrm === undefined) return res.redirect(303, '/referrals/new/consent');
    const shape = detailsShape(draft);
    const form = this.answers.read(req, 'referralDetails') ?? {};
    const errors = req.session.referralDetailsSent ? (await this.check(draft, shape, form, req.principal)).errors : undefined;
    this.pages.render(req, res, 'intake/referral-details.njk', detailsView(draft, shape, form, errors, req.principal));
  }

  /**
   * Post/redirect/get: the details are kept for the journey, then the browser is sent to "Check your answers" when
   * they pass the API's rules, or back to the details page, which shows what to fix. No page of the journey is the
   * answer to a POST, so Back never meets a "Confirm form resubmission".
   */
  @Post('new/details')
  async answerDetails(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    this.answers.keep(req, 'referralDetails', form);
    req.session.referralDetailsSent = true;
    const { errors } = await this.check(draft, detailsShape(draft), form, req.principal);
    res.redirect(303, errors ? '/referrals/new/details#main-content' : '/referrals/new/check');
  }

  /** "Check your answers": every answer read back in words, with warnings to look at again; nothing written yet. */
  @Get('new/check')
  async checkAnswers(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    const form = this.answers.read(req, 'referralDetails');
    if (!draft) return res.redirect(303, '/referrals/new');
    if (!form) return res.redirect(303, '/referrals/new/details');
    const shape = detailsShape(draft);
    const { dto } = await this.check(draft, shape, form, req.principal);
    if (!dto) return res.redirect(303, '/referrals/new/details');
    this.pages.render(req, res, 'intake/referral-check.njk', checkAnswersView(draft, shape, dto));
  }

  /** "Submit": the kept answers, checked once more, become the referral; the journey's answers are then forgotten. */
  @Post('new/check')
  async submit(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    const form = this.answers.read(req, 'referralDetails');
    // Already submitted (a second click, or Back to this page and Submit again): nothing is sent twice.
    if (!draft || !form) return res.redirect(303, '/referrals/new');
    const { dto } = await this.check(draft, detailsShape(draft), form, req.principal);
    if (!dto) return res.redirect(303, '/referrals/new/details');
    // Audited in the transaction that writes the referral, as the API does.
    const outcome = await this.services.referrals.create(dto, undefined, { principal: req.principal, request: req });
    delete req.session.referralDraft;
    delete req.session.referralDetailsSent;
    this.answers.forget(req, 'referralDetails');
    res.redirect(303, `/referrals/${outcome.view.id}/confirmation`);
  }

  /** After Back and a changed age or consent answer: the details answers the page still asks, and no others. */
  private keepAnswersFor(req: PageRequest, draft: ReferralDraft): void {
    const form = this.answers.read(req, 'referralDetails');
    if (form) this.answers.keep(req, 'referralDetails', answersFor(detailsShape(draft), form));
  }

  /** The details judged by the API's own pipe: the referral to create, or the page's errors. */
  private async check(draft: ReferralDraft, shape: DetailsShape, form: FormBody, principal: Principal): Promise<{ dto?: CreateReferralDto; errors?: FormErrors }> {
    try {
      return { dto: await this.bodyPipe.transform(referralBody(draft, shape, form, principal)) };
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      return { errors: detailsErrors(error.errors, shape) };
    }
  }

  @Get(':id/confirmation')
  async confirmation(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const referral = await this.services.referrals.get(id, req.principal);
    await this.audit.record(req.principal, 'referral.read', { type: 'referral', id }, { request: req, purpose: 'confirmation' });
    this.pages.render(req, res, 'intake/referral-confirmation.njk', confirmationView(referral));
  }
}
