import { Body, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UnprocessableError } from '@app/common';
import type { FieldViolation } from '@app/domain';
import { dateField, formErrors, longDate, PageController, PageRenderer, PageRoles, textField, validateQuery, type FormBody } from '@app/web';
import { RecordDecisionDto } from '../decisions/dto/record-decision.dto';
import { IntakeServices } from './intake-services';
import { DECISION_FORM_FIELDS, DECISION_TYPE_NAMES, nrmCaseView } from './nrm-case.presenter';
import { referralView } from './referral-pages.presenter';
import { supportView } from './support-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * Recording a decision on the NRM case from the referral's page: the API's own DTO and decision service (the same
 * rules, serialised per referral, audited in the same transaction); refusals come back as the page's error summary.
 */
@PageController('referrals')
@PageRoles('safeguarding_lead')
export class NrmCasePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/decisions')
  async record(@Param('id', new ParseUUIDPipe()) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    try {
      const body = await validateQuery(RecordDecisionDto, {
        type: textField(form, 'type'),
        outcome: textField(form, 'outcome'),
        decidedOn: dateField(form, 'decidedOn'),
        competentAuthority: textField(form, 'competentAuthority'),
        finding: textField(form, 'finding'),
      });
      await this.services.decisions.record(id, body, req.principal);
      req.session.flash = `Saved: ${DECISION_TYPE_NAMES[body.type].toLowerCase()} on ${longDate(body.decidedOn)}.`;
      res.redirect(303, `/referrals/${id}#nrm-case`);
    } catch (error) {
      const violations = refusalsOf(error);
      if (!violations) throw error;
      const view = await this.services.referrals.get(id, req.principal);
      await this.audit.record(req.principal, 'referral.read', { type: 'referral', id }, { request: req, purpose: 'casework' });
      const errors = formErrors(violations, DECISION_FORM_FIELDS);
      this.pages.render(
        req,
        res,
        'intake/referral.njk',
        {
          ...referralView(view, req.principal),
          nrm: nrmCaseView(view.nrmCase, form, errors),
          support: supportView(await this.services.support.get(id), view.kind),
          nrmErrors: errors,
        },
        400,
      );
    }
  }
}

/** A refusal of the form's answers as field violations: the API's 400s as they are, its 422s against the decision. */
function refusalsOf(error: unknown): FieldViolation[] | undefined {
  if (error instanceof InvalidRequestError) return error.errors;
  if (error instanceof UnprocessableError) return [{ path: 'type', message: error.message }];
  return undefined;
}
