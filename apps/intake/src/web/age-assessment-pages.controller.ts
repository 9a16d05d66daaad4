import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UuidParamPipe } from '@app/common';
import { ukDateOn } from '@app/domain';
import { dateField, type FormBody, formErrors, futureDay, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery } from '@app/web';
import { RecordAgeAssessmentDto } from '../referrals/dto/record-age-assessment.dto';
import { IntakeServices } from './intake-services';
import { AGE_ASSESSMENT_FIELDS, ageAssessmentFormView, savedAssessmentMessage } from './age-assessment-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * A local-authority age assessment recorded by the safeguarding lead from the referral's page, through the API's own
 * DTO and service (`POST /v1/referrals/:id/age-assessment`): the same rules (refuseAgeAssessment), the same
 * serialised move between the case systems, and the `referral.age_assessment` audit row written by the service in
 * the same transaction as the assessment.
 */
@PageController('referrals')
@PageRoles('safeguarding_lead')
export class AgeAssessmentPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
    private readonly refused: RefusedForms,
  ) {}

  /** The form, with where the case is held and what each finding does to it; a refusal of a moment ago shown once (400). */
  @Get(':id/age-assessment')
  async show(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const refused = this.refused.take(req);
    const failed = refused?.name === 'ageAssessment' ? refused : undefined;
    const subject = { type: 'referral', id };
    // The page reads the referral (its reference, case record and assessments): audited as the referral's page is.
    const view = await this.audit.refusingNotFound(req.principal, 'referral.read', subject, () => this.services.referrals.get(id, req.principal), req);
    await this.audit.record(req.principal, 'referral.read', subject, { request: req, purpose: 'casework' });
    this.pages.render(req, res, 'intake/age-assessment.njk', ageAssessmentFormView(view, failed?.form, failed?.errors), failed ? 400 : 200);
  }

  @Post(':id/age-assessment')
  async record(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = {
      assessedOn: dateField(form, 'assessedOn'),
      outcome: textField(form, 'outcome'),
      assessedDateOfBirth: dateField(form, 'assessedDateOfBirth'),
      authority: textField(form, 'authority'),
    };
    const today = ukDateOn();
    try {
      // A day in the future is named beside the answers left out, at once; the service judges everything again.
      const dto = await validateQuery(RecordAgeAssessmentDto, answers, [
        ...futureDay('assessedOn', answers.assessedOn, today),
        ...futureDay('assessedDateOfBirth', answers.assessedDateOfBirth, today),
      ]);
      const saved = await this.services.referrals.recordAgeAssessment(id, dto, { principal: req.principal, request: req });
      // Where the case stands now, for the banner's words: a read of the referral, audited as every read is.
      const after = await this.services.referrals.get(id, req.principal);
      await this.audit.record(req.principal, 'referral.read', { type: 'referral', id }, { request: req, purpose: 'casework' });
      req.session.flash = savedAssessmentMessage(dto, saved.transition, after);
      res.redirect(303, `/referrals/${id}`);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Post/redirect/get: the form's page shows what to put right, with what was typed.
      this.refused.redirect(req, res, `/referrals/${id}/age-assessment`, {
        name: 'ageAssessment',
        form,
        errors: formErrors(error.errors, AGE_ASSESSMENT_FIELDS),
      });
    }
  }
}
