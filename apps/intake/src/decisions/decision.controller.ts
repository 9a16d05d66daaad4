import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { DecisionService, type RecordedDecisionView } from './decision.service';
import type { ReferralDecisionsView } from './decision.presenter';
import { RecordDecisionDto } from './dto/record-decision.dto';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1/referrals/:id/decisions')
export class DecisionController {
  constructor(
    private readonly decisions: DecisionService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary:
      'Record a decision on the NRM case: reasonable or conclusive grounds, a reconsideration request, a withdrawal, a suspension, a public order disqualification, or the decision at 18',
    description:
      'A status event on the referral, never a new referral or case; audited. A reconsideration request follows a negative decision and is ' +
      'answered by a new decision of the same type. 400 naming the field for what cannot happen (type: a conclusive grounds decision before ' +
      'a reasonable grounds one, anything after the case ended; decidedOn: before the referral, before the latest decision, in the future); ' +
      '422 for a Duty to Notify notification, or a decision at 18 for someone not referred as a child.',
  })
  @ApiBody({ type: RecordDecisionDto })
  record(@Param('id', UuidParamPipe) id: string, @Body() body: RecordDecisionDto, @CurrentPrincipal() principal: Principal): Promise<RecordedDecisionView> {
    return this.decisions.record(id, body, principal);
  }

  @Get()
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary: "The referral's NRM case: its status, competent authority, pending reconsideration, and decisions in the order they were made; audited",
  })
  async list(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ReferralDecisionsView> {
    const view = await this.decisions.list(id);
    await this.audit.record(principal, 'referral.decisions.read', { type: 'referral', id }, { purpose: 'casework' });
    return view;
  }
}
