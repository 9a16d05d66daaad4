import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { AdulthoodService, type ApproachingAdulthoodPage, type RecordedStepView, type TransitionStepsView } from './adulthood.service';
import { ApproachingAdulthoodQuery } from './dto/approaching-adulthood.query';
import { RecordTransitionStepDto } from './dto/record-transition-step.dto';

/** Turning 18 as recorded decisions (docs/transitions.md). By referral id; no names. */
@ApiTags('worklists')
@ApiBearerAuth()
@Controller('v1')
@Roles('safeguarding_lead')
export class AdulthoodController {
  constructor(
    private readonly adulthood: AdulthoodService,
    private readonly audit: AuditService,
  ) {}

  @Get('worklists/approaching-adulthood')
  @ApiOperation({
    summary: 'Children with an open modern-slavery episode who turn 18 within the horizon, oldest deadline first, with what is outstanding',
    description:
      "The best date of birth known decides (the latest age assessment with a date, then the date LCS holds, then the referral's). " +
      'A birthday passed stays listed while anything is outstanding. Each read is audited (it tells when a child turns 18).',
  })
  async approachingAdulthood(
    @Query() q: ApproachingAdulthoodQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ApproachingAdulthoodPage> {
    const page = await this.adulthood.worklist({ on: q.on, horizonMonths: q.horizonMonths, page: q.page, pageSize: q.pageSize });
    await this.audit.record(principal, 'worklist.approaching_adulthood.read', null, {
      request: req,
      purpose: 'casework',
      details: { items: page.items.map((i) => i.referralId) },
    });
    return page;
  }

  @Post('referrals/:id/transition-steps')
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary: "Record a step of a child's transition to adulthood",
    description:
      'Audited in the same transaction. adult_services_accepted (or adult_safeguarding_concern) on a case held in LCS starts the move: the ' +
      'router opens the AIS record linked to the LCS one, and leaves the LCS contact open when the latest care-leaver step says care_leaver. ' +
      '400 naming the field (step; on in the future or before the referral); 422 for a person whose latest age assessment found an adult.',
  })
  @ApiBody({ type: RecordTransitionStepDto })
  recordStep(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordTransitionStepDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<RecordedStepView> {
    return this.adulthood.recordStep(id, body, { principal, request: req });
  }

  @Get('referrals/:id/transition-steps')
  @ApiOperation({ summary: 'The transition steps recorded on a referral, and where the transition stands today' })
  async steps(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<TransitionStepsView> {
    const view = await this.adulthood.steps(id);
    await this.audit.record(principal, 'referral.transition_steps.read', { type: 'referral', id }, { request: req, purpose: 'casework' });
    return view;
  }
}
