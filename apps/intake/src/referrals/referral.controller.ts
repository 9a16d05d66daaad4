import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { InvalidRequestError } from '@app/common';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { RecordAgeAssessmentDto } from './dto/record-age-assessment.dto';
import { ReferralBodyPipe } from './referral-body.pipe';
import type { CreatedReferralView, ReferralSummaryView, ReferralView, TransitionView } from './referral.presenter';
import { ReferralService } from './referral.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('v1/referrals')
export class ReferralController {
  constructor(private readonly referrals: ReferralService) {}

  @Post()
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({ summary: 'Log an NRM referral or a Duty to Notify notification' })
  @ApiBody({ type: CreateReferralDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @Body(ReferralBodyPipe) body: CreateReferralDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedReferralView> {
    if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new InvalidRequestError([{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }]);
    }
    // A first responder logs referrals for their own organisation only.
    if (principal.role === 'first_responder' && body.firstResponder.organisation !== principal.org) {
      throw new InvalidRequestError([{ path: 'firstResponder.organisation', message: 'firstResponder.organisation must be your own organisation' }]);
    }
    // Keys are per caller (IETF draft): two callers choosing the same key do not collide.
    const outcome = await this.referrals.create(body, key ? { scope: principal.sub, key } : undefined);
    res.status(201);
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.view;
  }

  @Get()
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({ summary: "List referrals, newest first, without personal data (a first responder sees their organisation's)" })
  list(
    @Query() query: ListReferralsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: ReferralSummaryView[]; page: number; pageSize: number; total: number }> {
    const { page, pageSize, ...filter } = query;
    if (principal.role === 'first_responder') filter.organisation = principal.org;
    return this.referrals.list(filter, page, pageSize);
  }

  @Get(':id')
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({ summary: 'A referral with its routing status, case record, transitions and person' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ReferralView> {
    return this.referrals.get(id, principal);
  }

  @Post(':id/age-assessment')
  @Roles('safeguarding_lead')
  @ApiOperation({ summary: 'Record a local-authority age assessment; an adult finding moves an LCS case to AIS' })
  recordAgeAssessment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordAgeAssessmentDto,
  ): Promise<{ assessmentId: string; transition: TransitionView | null }> {
    return this.referrals.recordAgeAssessment(id, body);
  }

  @Post(':id/redrive')
  @Roles('safeguarding_lead', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Route again a referral whose routing failed' })
  redrive(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ id: string; status: 'accepted' }> {
    return this.referrals.redrive(id);
  }
}
