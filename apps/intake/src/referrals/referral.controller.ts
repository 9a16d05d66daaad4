import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '@app/audit';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { InvalidRequestError, UuidParamPipe } from '@app/common';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { RecordAgeAssessmentDto } from './dto/record-age-assessment.dto';
import { ReferralBodyPipe } from './referral-body.pipe';
import type { CreatedReferralView, ReferralSummaryView, ReferralView, TransitionView } from './referral.presenter';
import { ReferralService } from './referral.service';
import type { HomeOfficeAnswers } from './home-office-answers';

@ApiTags('referrals')
@ApiBearerAuth()
// After the global auth guard, so callers are counted by who they are.
@Controller('v1/referrals')
export class ReferralController {
  constructor(
    private readonly referrals: ReferralService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({ summary: 'Log an NRM referral or a Duty to Notify notification' })
  @ApiBody({ type: CreateReferralDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    // Readonly<…> rather than the class: the global ValidationPipe validates a parameter typed as a class before
    // this pipe runs, and would answer with the field errors alone; ReferralBodyPipe checks the field rules and
    // the Act's rules together, so one 400 lists every failing field.
    @Body(ReferralBodyPipe) body: Readonly<CreateReferralDto>,
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
    const outcome = await this.referrals.create(body, key ? { scope: principal.sub, key } : undefined, { principal, request: res.req });
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
  async get(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<ReferralView> {
    const subject = { type: 'referral', id };
    const view = await this.audit.refusingNotFound(principal, 'referral.read', subject, () => this.referrals.get(id, principal), req);
    await this.audit.record(principal, 'referral.read', subject, { request: req, purpose: 'casework' });
    return view;
  }

  @Get(':id/home-office-answers')
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({ summary: "The referral as the Home Office form's answers, keyed by the form's field names, to copy into the form" })
  async homeOfficeAnswers(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<HomeOfficeAnswers> {
    const subject = { type: 'referral', id };
    // Another organisation's referral is answered 404 and audited as refused, as GET /v1/referrals/:id is.
    const { answers } = await this.audit.refusingNotFound(
      principal,
      'referral.home_office_answers.read',
      subject,
      () => this.referrals.homeOfficeAnswers(id, principal),
      req,
    );
    await this.audit.record(principal, 'referral.home_office_answers.read', subject, { request: req, purpose: 'casework' });
    return answers;
  }

  @Post(':id/age-assessment')
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary: 'Record a local-authority age assessment; an adult finding moves an LCS case to AIS',
    description:
      '400 naming the field: assessedOn in the future or before the referral; assessedDateOfBirth in the future, after assessedOn, ' +
      'or contradicting the outcome (an adult under 18 on the day assessed, a child 18 or over). Only the current finding (the latest ' +
      'by the day assessed) moves the case; one dated before an assessment already recorded is kept as history.',
  })
  async recordAgeAssessment(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordAgeAssessmentDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<{ assessmentId: string; transition: TransitionView | null }> {
    return this.referrals.recordAgeAssessment(id, body, { principal, request: req });
  }

  @Post(':id/redrive')
  @Roles('safeguarding_lead', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Route again a referral whose routing failed' })
  async redrive(
    @Param('id', UuidParamPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<{ id: string; status: 'accepted' }> {
    return this.referrals.redrive(id, { principal, request: req });
  }
}
