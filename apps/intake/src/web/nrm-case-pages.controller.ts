import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UnprocessableError, UuidParamPipe } from '@app/common';
import type { FieldViolation } from '@app/domain';
import { dateField, formErrors, longDate, PageController, PageRoles, RefusedForms, textField, validateQuery, type FormBody } from '@app/web';
import { RecordDecisionDto } from '../decisions/dto/record-decision.dto';
import { IntakeServices } from './intake-services';
import { DECISION_FORM_FIELDS, DECISION_TYPE_NAMES } from './nrm-case.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * Recording a decision on the NRM case from the referral's page: the API's own DTO and decision service (the same
 * rules, serialised per referral, audited in the same transaction); refusals go back to the page (post/redirect/get), which shows them in its error summary.
 */
@PageController('referrals')
@PageRoles('safeguarding_lead')
export class NrmCasePagesController {
  constructor(
    private readonly services: IntakeServices,
    private readonly refused: RefusedForms,
  ) {}

  @Post(':id/decisions')
  async record(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
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
      // Post/redirect/get: the referral's page shows what to put right, with what was typed.
      this.refused.redirect(req, res, `/referrals/${id}`, { name: 'nrmDecision', form, errors: formErrors(violations, DECISION_FORM_FIELDS) });
    }
  }
}

/** A refusal of the form's answers as field violations: the API's 400s as they are, its 422s against the decision. */
function refusalsOf(error: unknown): FieldViolation[] | undefined {
  if (error instanceof InvalidRequestError) return error.errors;
  if (error instanceof UnprocessableError) return [{ path: 'type', message: error.message }];
  return undefined;
}
