import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '@app/audit';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { RecordHomeOfficeSubmissionDto } from './dto/record-home-office-submission.dto';
import type { HomeOfficeSubmissionView } from './home-office-submission.presenter';
import { HomeOfficeSubmissionService } from './home-office-submission.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('v1/referrals/:id/home-office-submission')
export class HomeOfficeSubmissionController {
  constructor(
    private readonly submissions: HomeOfficeSubmissionService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({
    summary: 'Record that the referral was submitted to the Home Office, with its reference and competent authority',
    description: 'Referral Hub does not send referrals to the Home Office. 201 when recorded; 200 for the same submission again; 409 when another is recorded.',
  })
  @ApiBody({ type: RecordHomeOfficeSubmissionDto })
  async record(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordHomeOfficeSubmissionDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ referralId: string; homeOfficeSubmission: HomeOfficeSubmissionView }> {
    // Another organisation's referral is answered 404 and audited as refused (outside the submission's transaction).
    const { view, created } = await this.audit.refusingNotFound(principal, 'referral.home_office_submission', { type: 'referral', id }, () =>
      this.submissions.record(id, body, principal),
    );
    res.status(created ? 201 : 200);
    return { referralId: id, homeOfficeSubmission: view };
  }
}
