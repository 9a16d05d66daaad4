import { Body, Param, Post, Req, Res } from '@nestjs/common';
import { ukDateOn } from '@app/domain';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UuidParamPipe } from '@app/common';
import {
  dateField,
  formErrors,
  futureDay,
  PageController,
  PageRoles,
  RefusedForms,
  textField,
  validateQuery,
  type FieldDescription,
  type FormBody,
} from '@app/web';
import { CloseChildrenPromptDto, RecordCircumstancesDto, RecordSupportReferralDto } from '../support/dto/support.dto';
import { IntakeServices } from './intake-services';
import { CIRCUMSTANCES_FIELDS, PROMPT_FIELDS, SUPPORT_REFERRAL_FIELDS } from './support-pages.presenter';

type PageRequest = Request & { principal: Principal };

/**
 * Onward support on the referral's page: the person's circumstances, referrals to support services, and closing a
 * children's services prompt, through the API's own DTOs and service (same rules, audited in the same transaction).
 */
@PageController()
@PageRoles('safeguarding_lead')
export class SupportPagesController {
  constructor(
    private readonly services: IntakeServices,
    private readonly refused: RefusedForms,
  ) {}

  @Post('referrals/:id/circumstances')
  async circumstances(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = {
      wantsSupport: textField(form, 'wantsSupport'),
      hasChildren: textField(form, 'hasChildren'),
      childrenCount: textField(form, 'childrenCount'),
      childrenWhere: textField(form, 'childrenWhere'),
      currentTown: textField(form, 'currentTown'),
      currentLocalAuthority: textField(form, 'currentLocalAuthority'),
      declinedNrmReason: textField(form, 'declinedNrmReason'),
    };
    await this.handle(id, form, req, res, CIRCUMSTANCES_FIELDS, async () => {
      const support = await this.services.support.recordCircumstances(id, await validateQuery(RecordCircumstancesDto, answers), req.principal);
      const open = support.childrenPrompts.some((p) => p.closedAt === null);
      return open ? "Saved. The person has children: contact children's services, then close the prompt with a note." : 'Saved: the person’s circumstances.';
    });
  }

  @Post('referrals/:id/support-referrals')
  async supportReferral(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const answers = { service: textField(form, 'service'), provider: textField(form, 'provider'), referredOn: dateField(form, 'referredOn') };
    await this.handle(id, form, req, res, SUPPORT_REFERRAL_FIELDS, async () => {
      const dto = await validateQuery(RecordSupportReferralDto, answers, futureDay('referredOn', answers.referredOn, ukDateOn()));
      await this.services.support.recordSupportReferral(id, dto, req.principal);
      return 'Saved: the referral to support.';
    });
  }

  @Post('referrals/:id/children-prompts/:promptId/close')
  async closePrompt(
    @Param('id', UuidParamPipe) id: string,
    @Param('promptId', UuidParamPipe) promptId: string,
    @Body() form: FormBody,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.handle(id, form, req, res, PROMPT_FIELDS, async () => {
      await this.services.support.closePrompt(promptId, await validateQuery(CloseChildrenPromptDto, { note: textField(form, 'note') }), req.principal);
      return "Closed: the children's services prompt, with your note.";
    });
  }

  /** Saves, then back to the page's support section; a refusal goes back to the page (post/redirect/get), which shows what to put right. */
  private async handle(
    id: string,
    form: FormBody,
    req: PageRequest,
    res: Response,
    fields: Readonly<Record<string, FieldDescription>>,
    save: () => Promise<string>,
  ): Promise<void> {
    try {
      req.session.flash = await save();
      res.redirect(303, `/referrals/${id}#support`);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Post/redirect/get: the referral's page shows what to put right, with what was typed.
      this.refused.redirect(req, res, `/referrals/${id}`, { name: 'support', form, errors: formErrors(error.errors, fields) });
    }
  }
}
