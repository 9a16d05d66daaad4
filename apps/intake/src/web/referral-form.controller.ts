import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError } from '@app/common';
import { formErrors, PageController, PageRenderer, PageRoles, textField, type FormBody } from '@app/web';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from '@app/common';
import { AgeDto } from '../referrals/dto/create-referral.dto';
import { ReferralBodyPipe } from '../referrals/referral-body.pipe';
import { IntakeServices } from './intake-services';
import { afterAge, detailsShape, isChild, type ReferralDraft } from './referral-journey';
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
  ) {}

  @Get('new')
  age(@Req() req: PageRequest, @Res() res: Response): void {
    this.pages.render(req, res, 'intake/referral-age.njk', { values: req.session.referralDraft ?? {} });
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
    res.redirect(303, '/referrals/new/details');
  }

  @Get('new/details')
  details(@Req() req: PageRequest, @Res() res: Response): void {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    if (!isChild(draft) && draft.consentToNrm === undefined) return res.redirect(303, '/referrals/new/consent');
    this.pages.render(req, res, 'intake/referral-details.njk', detailsView(draft, detailsShape(draft), {}, undefined, req.principal));
  }

  /**
   * The details, then "Check your answers": valid details are shown back with every answer carried in the page's
   * own hidden fields (nothing personal is kept in the session), and only "Submit" creates the referral. "Change"
   * shows the details page again with the answers as given.
   */
  @Post('new/details')
  async submit(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    if (!draft) return res.redirect(303, '/referrals/new');
    const shape = detailsShape(draft);
    const step = textField(form, 'step');
    if (step === 'change') return this.pages.render(req, res, 'intake/referral-details.njk', detailsView(draft, shape, form, undefined, req.principal));
    const body = referralBody(draft, shape, form, req.principal);
    let dto;
    try {
      dto = await this.bodyPipe.transform(body);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      return this.pages.render(req, res, 'intake/referral-details.njk', detailsView(draft, shape, form, detailsErrors(error.errors), req.principal), 400);
    }
    if (step !== 'submit') return this.pages.render(req, res, 'intake/referral-check.njk', checkAnswersView(draft, shape, dto, form));
    // Audited in the transaction that writes the referral, as the API does.
    const outcome = await this.services.referrals.create(dto, undefined, { principal: req.principal, request: req });
    delete req.session.referralDraft;
    res.redirect(303, `/referrals/${outcome.view.id}/confirmation`);
  }

  @Get(':id/confirmation')
  async confirmation(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const referral = await this.services.referrals.get(id, req.principal);
    await this.audit.record(req.principal, 'referral.read', { type: 'referral', id }, { request: req, purpose: 'confirmation' });
    this.pages.render(req, res, 'intake/referral-confirmation.njk', confirmationView(referral));
  }
}
