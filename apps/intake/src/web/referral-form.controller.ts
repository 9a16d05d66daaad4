import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UuidParamPipe } from '@app/common';
import type { FieldViolation } from '@app/domain';
import { formErrors, JourneyAnswers, PageController, PageRenderer, PageRoles, RefusedForms, type FormBody, type FormErrors } from '@app/web';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { flattenValidationErrors, VALIDATION_ERROR_OPTIONS } from '@app/common';
import { AgeDto, type CreateReferralDto } from '../referrals/dto/create-referral.dto';
import { ReferralBodyPipe } from '../referrals/referral-body.pipe';
import { IntakeServices } from './intake-services';
import { afterAge, answersFor, detailsShape, isChild, type DetailsShape, type ReferralDraft } from './referral-journey';
import { ageAnswers, AGE_FIELDS, CONSENT_FIELDS, consentAnswers, detailsErrors, referralBody } from './referral-form.presenter';
import { checkAnswersView, confirmationView, detailsView, KIND_NAMES } from './referral-pages.presenter';
import {
  mergeAnswers,
  nextAfter,
  pageInputNames,
  pageOfViolation,
  pagesFor,
  questionContext,
  questionErrors,
  questionPage,
  questionPageView,
  questionsBody,
  questionSections,
  type QuestionPage,
} from './referral-questions.presenter';

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
    private readonly refused: RefusedForms,
  ) {}

  @Get('new')
  age(@Req() req: PageRequest, @Res() res: Response): void {
    const refused = this.refused.take(req);
    this.pages.render(
      req,
      res,
      'intake/referral-age.njk',
      {
        values: refused ? ageAnswers(refused.form) : (req.session.referralDraft ?? {}),
        errors: refused?.errors,
        inProgress: this.answers.read(req, 'referralDetails') !== undefined,
      },
      refused ? 400 : 200,
    );
  }

  /** A journey left unfinished is forgotten on request, so its answers never carry into a referral about someone else. */
  @Post('new/discard')
  discard(@Req() req: PageRequest, @Res() res: Response): void {
    delete req.session.referralDraft;
    this.forgetJourney(req);
    res.redirect(303, '/referrals/new');
  }

  @Post('new')
  async answerAge(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = ageAnswers(form);
    // The API's own AgeDto judges the answers, so the page accepts exactly what the API would.
    const violations = flattenValidationErrors(await validate(plainToInstance(AgeDto, answers), { validationError: VALIDATION_ERROR_OPTIONS }));
    if (violations.length > 0) {
      this.refused.redirect(req, res, '/referrals/new', { name: 'age', form, errors: formErrors(violations, AGE_FIELDS) });
      return;
    }
    const draft = answers as ReferralDraft;
    req.session.referralDraft = draft;
    if (!req.session.referralJourneyId) {
      // A new journey: a Submit now belongs to it, not to the referral submitted before.
      req.session.referralJourneyId = randomUUID();
      delete req.session.referralSubmitted;
    }
    this.keepAnswersFor(req, draft);
    res.redirect(303, afterAge(draft));
  }

  @Get('new/consent')
  consent(@Req() req: PageRequest, @Res() res: Response): void {
    const draft = req.session.referralDraft;
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    if (isChild(draft)) {
      res.redirect(303, '/referrals/new/details');
      return;
    }
    const refused = this.refused.take(req);
    this.pages.render(
      req,
      res,
      'intake/referral-consent.njk',
      { values: refused ? consentAnswers(refused.form).answers : draft, errors: refused?.errors },
      refused ? 400 : 200,
    );
  }

  @Post('new/consent')
  answerConsent(@Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): void {
    const draft = req.session.referralDraft;
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    const { answers, violations } = consentAnswers(form);
    if (violations.length > 0) {
      this.refused.redirect(req, res, '/referrals/new/consent', { name: 'consent', form, errors: formErrors(violations, CONSENT_FIELDS) });
      return;
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
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    if (!isChild(draft) && draft.consentToNrm === undefined) {
      res.redirect(303, '/referrals/new/consent');
      return;
    }
    const shape = detailsShape(draft);
    const form = this.answers.read(req, 'referralDetails') ?? {};
    const errors = req.session.referralDetailsSent ? (await this.check(req, draft, shape, form)).errors : undefined;
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
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    this.answers.keep(req, 'referralDetails', form);
    req.session.referralDetailsSent = true;
    const { errors } = await this.check(req, draft, detailsShape(draft), form);
    // No #main-content on the way back: a fragment makes Chromium focus <main>, and GOV.UK Frontend's error summary
    // then cannot take focus as it does on load (the GOV.UK error summary pattern).
    res.redirect(303, errors ? '/referrals/new/details' : '/referrals/new/check');
  }

  /**
   * "Check your answers": every answer read back in words, with warnings to look at again; nothing written yet. The
   * Home Office form's further questions are read back too, a section for each of their pages, and offered when
   * none has been answered.
   */
  @Get('new/check')
  async checkAnswers(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    const form = this.answers.read(req, 'referralDetails');
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    if (!form) {
      res.redirect(303, '/referrals/new/details');
      return;
    }
    const shape = detailsShape(draft);
    const { dto, errors, violations } = await this.check(req, draft, shape, form);
    if (!dto) {
      // The details first; then the first of the further pages with a problem, which shows it.
      const page = errors ? undefined : violations.map((v) => pageOfViolation(v.path)).find((slug) => slug !== undefined);
      if (!page) {
        res.redirect(303, '/referrals/new/details');
        return;
      }
      req.session.referralQuestionsSent = [...new Set([...(req.session.referralQuestionsSent ?? []), page])];
      res.redirect(303, `/referrals/new/${page}?return=check`);
      return;
    }
    const questions = this.answers.read(req, 'referralQuestions');
    const ctx = questionContext(draft, shape, form);
    const view = checkAnswersView(draft, shape, dto, new Date(), { organisationFixed: req.principal.role === 'first_responder' });
    const pages = pagesFor(ctx);
    this.pages.render(req, res, 'intake/referral-check.njk', {
      ...view,
      sections: [...(view.sections as unknown[]), ...questionSections(ctx, questions ?? {}, dto)],
      offerQuestions: questions === undefined && pages.length > 0 ? `/referrals/new/${pages[0].slug}` : undefined,
    });
  }

  /** "Submit": the kept answers, checked once more, become the referral; the journey's answers are then forgotten. */
  @Post('new/check')
  async submit(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const draft = req.session.referralDraft;
    const form = this.answers.read(req, 'referralDetails');
    // Already submitted (a second click after the first was answered, or Back to this page and Submit again):
    // nothing is sent twice, and the browser, which shows the answer to the last click, shows the confirmation.
    if (!draft || !form) {
      const submitted = req.session.referralSubmitted;
      res.redirect(303, submitted ? `/referrals/${submitted.referralId}/confirmation` : '/referrals/new');
      return;
    }
    const { dto } = await this.check(req, draft, detailsShape(draft), form);
    if (!dto) {
      res.redirect(303, '/referrals/new/check');
      return;
    }
    // Two Submits at once both find the answers in the session: the journey's id as the Idempotency-Key makes
    // the second a replay of the first, as the API's key does. Audited in the transaction that writes the referral.
    const journeyId = (req.session.referralJourneyId ??= randomUUID());
    const idempotency = { scope: req.principal.sub, key: `web-journey:${journeyId}` };
    const outcome = await this.services.referrals.create(dto, idempotency, { principal: req.principal, request: req });
    this.forgetJourney(req);
    req.session.referralSubmitted = { journeyId, referralId: outcome.view.id };
    res.redirect(303, `/referrals/${outcome.view.id}/confirmation`);
  }

  /** After Back and a changed age or consent answer: the details answers the page still asks, and no others. */
  private keepAnswersFor(req: PageRequest, draft: ReferralDraft): void {
    const form = this.answers.read(req, 'referralDetails');
    if (form) this.answers.keep(req, 'referralDetails', answersFor(detailsShape(draft), form));
  }

  /**
   * The details, with the further pages' answers, judged by the API's own pipe: the referral to create, or the
   * violations, and the details page's errors among them (those of the further pages are shown on their own pages).
   */
  private async check(
    req: PageRequest,
    draft: ReferralDraft,
    shape: DetailsShape,
    form: FormBody,
  ): Promise<{ dto?: CreateReferralDto; errors?: FormErrors; violations: FieldViolation[] }> {
    const questions = this.answers.read(req, 'referralQuestions') ?? {};
    const body = mergeAnswers(referralBody(draft, shape, form, req.principal), questionsBody(questionContext(draft, shape, form), questions));
    try {
      return { dto: await this.bodyPipe.transform(body), violations: [] };
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      const details = error.errors.filter((v) => pageOfViolation(v.path) === undefined);
      return { errors: details.length > 0 ? detailsErrors(details, shape) : undefined, violations: error.errors };
    }
  }

  private forgetJourney(req: PageRequest): void {
    delete req.session.referralDraft;
    delete req.session.referralJourneyId;
    delete req.session.referralDetailsSent;
    delete req.session.referralQuestionsSent;
    this.answers.forget(req, 'referralDetails');
    this.answers.forget(req, 'referralQuestions');
  }

  /** One of the Home Office form's further pages (after the details), from the answers kept for the journey. */
  @Get('new/:page')
  async questions(@Param('page') slug: string, @Query('return') returnTo: string | undefined, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const page = this.pageOrNotFound(slug);
    const draft = req.session.referralDraft;
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    const details = this.answers.read(req, 'referralDetails');
    if (!details) {
      res.redirect(303, '/referrals/new/details');
      return;
    }
    const shape = detailsShape(draft);
    const form = this.answers.read(req, 'referralQuestions') ?? {};
    const errors = req.session.referralQuestionsSent?.includes(slug)
      ? questionErrors(page, (await this.check(req, draft, shape, details)).violations)
      : undefined;
    this.pages.render(
      req,
      res,
      'intake/referral-questions.njk',
      questionPageView(page, questionContext(draft, shape, details), form, errors, KIND_NAMES[shape.kind], returnTo === 'check'),
    );
  }

  /** Post/redirect/get, as the details: kept, then on to the next page (or back to the check), or back to show problems. */
  @Post('new/:page')
  async answerQuestions(@Param('page') slug: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const page = this.pageOrNotFound(slug);
    const draft = req.session.referralDraft;
    if (!draft) {
      res.redirect(303, '/referrals/new');
      return;
    }
    const details = this.answers.read(req, 'referralDetails');
    if (!details) {
      res.redirect(303, '/referrals/new/details');
      return;
    }
    const own = pageInputNames(page);
    const kept = Object.entries(this.answers.read(req, 'referralQuestions') ?? {}).filter(([name]) => !own.has(name));
    this.answers.keep(req, 'referralQuestions', Object.fromEntries([...kept, ...Object.entries(form).filter(([name]) => own.has(name))]));
    req.session.referralQuestionsSent = [...new Set([...(req.session.referralQuestionsSent ?? []), slug])];
    const shape = detailsShape(draft);
    const returnToCheck = form.returnTo === 'check';
    if (questionErrors(page, (await this.check(req, draft, shape, details)).violations)) {
      res.redirect(303, `/referrals/new/${slug}${returnToCheck ? '?return=check' : ''}`);
      return;
    }
    res.redirect(303, returnToCheck ? '/referrals/new/check' : nextAfter(slug, questionContext(draft, shape, details)));
  }

  private pageOrNotFound(slug: string): QuestionPage {
    const page = questionPage(slug);
    if (!page) throw new NotFoundException();
    return page;
  }

  @Get(':id/confirmation')
  async confirmation(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const subject = { type: 'referral', id };
    const referral = await this.audit.refusingNotFound(req.principal, 'referral.read', subject, () => this.services.referrals.get(id, req.principal), req);
    await this.audit.record(req.principal, 'referral.read', subject, { request: req, purpose: 'confirmation' });
    this.pages.render(req, res, 'intake/referral-confirmation.njk', confirmationView(referral));
  }
}
