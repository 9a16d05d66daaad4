import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { DecisionService } from './decision.service';
import type { DecisionView, ReferralDecisionsView } from './decision.presenter';
import { RecordDecisionDto } from './dto/record-decision.dto';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('v1/referrals/:id/decisions')
export class DecisionController {
  constructor(private readonly decisions: DecisionService) {}

  @Post()
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary: 'Record a reasonable or conclusive grounds decision, a withdrawal, or the decision at 18 on staying in the NRM',
    description:
      'A status event on the referral, never a new referral or case. 409 when the case has ended or the decision is already recorded; ' +
      '422 for a Duty to Notify notification, a conclusive grounds decision without a positive reasonable grounds one, or a decision at 18 for someone not referred as a child.',
  })
  @ApiBody({ type: RecordDecisionDto })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ decision: DecisionView; nrmStatus: string }> {
    return this.decisions.record(id, body, principal.sub);
  }

  @Get()
  @Roles('safeguarding_lead')
  @ApiOperation({ summary: "The referral's decisions in the order they were made, and where it stands in the NRM" })
  list(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReferralDecisionsView> {
    return this.decisions.list(id);
  }
}
