import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ukDateOn } from '@app/domain';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { ConflictError, InvalidRequestError, UuidParamPipe } from '@app/common';
import { dateField, type FormBody, formErrors, futureDay, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery } from '@app/web';
import { RecordHomeOfficeSubmissionDto } from '../home-office/dto/record-home-office-submission.dto';
import { ListReferralsQuery, MAX_LIST_PAGE } from '../referrals/dto/list-referrals.query';
import { IntakeServices } from './intake-services';
import { homeOfficeAnswerRows, stillNeededByHomeOfficeForm } from './home-office-answers.presenter';
import { HOME_OFFICE_SERVICE_URL, LIST_FIELDS, listLink, listView, readListFilters, referralView, SUBMISSION_FIELDS } from './referral-pages.presenter';
import { nrmCaseView } from './nrm-case.presenter';
import { supportView } from './support-pages.presenter';
import { ageAssessmentRows } from './age-assessment-pages.presenter';

type PageRequest = Request & { principal: Principal };

/** Referrals with filters, and one referral: a first responder sees only their organisation's, as in the API. */
@PageController('referrals')
@PageRoles('first_responder', 'safeguarding_lead')
export class ReferralPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
    private readonly refused: RefusedForms,
  ) {}

  /**
   * The filters take dates as people type them (5/12/2026, 5 December 2026, 2026-12-05, or a GOV.UK date input's
   * day, month and year) and an organisation by part of its name in any case; a date that cannot be read is shown
   * beside its filter rather than as an error page.
   */
  @Get()
  async list(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const { query: given, errors } = readListFilters(raw);
    // A page number typed or kept in a bookmark that is not a page the query takes goes to the first; the filters stay.
    if (given.page !== undefined && (typeof given.page !== 'string' || !/^[1-9]\d*$/.test(given.page) || Number(given.page) > MAX_LIST_PAGE)) {
      res.redirect(302, listLink(given, 1));
      return;
    }
    let query: ListReferralsQuery;
    try {
      query = await validateQuery(ListReferralsQuery, given);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // A filter the page cannot read is named beside its control, and the list is not run on a guess.
      errors.push(...error.errors);
      const unreadable = new Set(error.errors.map((e) => e.path.split('.')[0]));
      query = await validateQuery(ListReferralsQuery, Object.fromEntries(Object.entries(given).filter(([key]) => !unreadable.has(key))));
    }
    if (query.from && query.to && query.from > query.to) {
      errors.push({ path: 'to', message: 'Referred to must be the same as or after referred from' });
    }
    if (errors.length > 0) {
      const view = listView({ items: [], page: 1, pageSize: 25, total: 0 }, query, req.principal, raw);
      this.pages.render(req, res, 'intake/referrals.njk', { ...view, errors: formErrors(errors, LIST_FIELDS) }, 400);
      return;
    }
    const { page, pageSize, organisation, ...filter } = query;
    const scoped =
      req.principal.role === 'first_responder' ? { ...filter, organisation: req.principal.org } : { ...filter, organisationContains: organisation };
    const size = Math.min(pageSize, 25);
    const result = await this.services.referrals.list(scoped, page, size);
    // Past the last page (the list shrank, or the number was typed): the last page, not "3 referrals" over none.
    if (result.items.length === 0 && result.total > 0) {
      res.redirect(302, listLink(given, Math.ceil(result.total / size)));
      return;
    }
    this.pages.render(req, res, 'intake/referrals.njk', listView(result, query, req.principal));
  }

  @Get(':id')
  async show(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    await this.showReferral(id, req, res);
  }

  /** The referral as the Home Office form's answers, to copy into the form: the same reading and audit as the API's. */
  @Get(':id/home-office-answers')
  async homeOfficeAnswers(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const subject = { type: 'referral', id };
    const { reference, answers } = await this.audit.refusingNotFound(
      req.principal,
      'referral.home_office_answers.read',
      subject,
      () => this.services.referrals.homeOfficeAnswers(id, req.principal),
      req,
    );
    await this.audit.record(req.principal, 'referral.home_office_answers.read', subject, { request: req, purpose: 'casework' });
    this.pages.render(req, res, 'intake/home-office-answers.njk', {
      title: 'Answers for the Home Office form',
      id,
      reference,
      homeOfficeUrl: HOME_OFFICE_SERVICE_URL,
      rows: homeOfficeAnswerRows(answers),
      stillNeeded: stillNeededByHomeOfficeForm(answers),
    });
  }

  /** The Home Office step on the referral's page: the same rules and audit as the API's. */
  @Post(':id/home-office-submission')
  async recordSubmission(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = {
      submittedAt: dateField(form, 'submittedAt'),
      reference: textField(form, 'reference'),
      competentAuthority: textField(form, 'competentAuthority'),
    };
    try {
      const dto = await validateQuery(RecordHomeOfficeSubmissionDto, answers, futureDay('submittedAt', answers.submittedAt, ukDateOn()));
      await this.audit.refusingNotFound(
        req.principal,
        'referral.home_office_submission',
        { type: 'referral', id },
        () => this.services.submissions.record(id, dto, req.principal),
        req,
      );
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Post/redirect/get: the referral's page shows what to put right, with what was typed.
      this.refused.redirect(req, res, `/referrals/${id}`, { name: 'homeOfficeSubmission', form, errors: formErrors(error.errors, SUBMISSION_FIELDS) });
      return;
    }
    req.session.flash = 'The submission to the Home Office is recorded.';
    res.redirect(303, `/referrals/${id}`);
  }

  /**
   * A referral the case system never took (`routing_failed`: every attempt used, or the record refused), sent again
   * by the lead once the case system is back: the API's re-drive, with its audit. One that is no longer waiting (sent
   * again already, by a second click or another lead) is left as it is, and the page says where it stands.
   */
  @Post(':id/redrive')
  @PageRoles('safeguarding_lead')
  async redrive(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    try {
      await this.audit.refusingNotFound(
        req.principal,
        'referral.redrive',
        { type: 'referral', id },
        () => this.services.referrals.redrive(id, { principal: req.principal, request: req }),
        req,
      );
      req.session.flash = 'Sent again: the referral is on its way to the case system.';
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    res.redirect(303, `/referrals/${id}`);
  }

  /**
   * The referral's page. A form of the page refused a moment ago (post/redirect/get: the Home Office submission here,
   * the NRM decision and onward support in their controllers) is shown once with what was typed and what to put
   * right, answered 400 as the refusal it shows. The age assessments are listed here; a lead records one on a page
   * of its own (AgeAssessmentPagesController).
   */
  private async showReferral(id: string, req: PageRequest, res: Response): Promise<void> {
    const subject = { type: 'referral', id };
    // Another organisation's referral: the not-found page, audited as refused, as in the API.
    const view = await this.audit.refusingNotFound(req.principal, 'referral.read', subject, () => this.services.referrals.get(id, req.principal), req);
    await this.audit.record(req.principal, 'referral.read', subject, { request: req, purpose: 'casework' });
    const refused = this.refused.take(req);
    const submission = refused?.name === 'homeOfficeSubmission' ? refused : undefined;
    const decision = refused?.name === 'nrmDecision' ? refused : undefined;
    const support = refused?.name === 'support' ? refused : undefined;
    const lead = req.principal.role === 'safeguarding_lead';
    this.pages.render(
      req,
      res,
      'intake/referral.njk',
      {
        ...referralView(view, req.principal, submission ? textField(submission.form, 'competentAuthority') : undefined),
        nrm: nrmCaseView(view.nrmCase, decision?.form, decision?.errors),
        ageAssessments: ageAssessmentRows(view),
        support: lead ? supportView(await this.services.support.get(id), view.kind, support?.form, support?.errors) : undefined,
        nrmErrors: (decision ?? support)?.errors,
        ...(submission ? { errors: submission.errors, answers: { reference: textField(submission.form, 'reference'), form: submission.form } } : {}),
      },
      submission || decision || (lead && support) ? 400 : 200,
    );
  }
}
