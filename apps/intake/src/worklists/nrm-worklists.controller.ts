import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { WorklistQuery } from './dto/worklist.query';
import {
  AwaitingConclusiveGrounds,
  NrmWorklistService,
  OverdueReasonableGrounds,
  Page,
  PositiveWithoutSupport,
  ReconsiderationDeadline,
} from './nrm-worklist.service';

/** The lead's NRM case worklists. No personal data: references, organisations and dates only. */
@ApiTags('worklists')
@ApiBearerAuth()
@Controller('v1/worklists')
@Roles('safeguarding_lead')
export class NrmWorklistsController {
  constructor(private readonly worklists: NrmWorklistService) {}

  @Get('reasonable-grounds-overdue')
  @ApiOperation({
    summary: 'NRM referrals still awaiting a reasonable grounds decision after the Home Office’s 5-working-day aim',
    description:
      'Working days exclude weekends and England and Wales bank holidays, counted from the recorded Home Office submission, else the referral. Longest waiting first.',
  })
  reasonableGroundsOverdue(@Query() q: WorklistQuery): Promise<Page<OverdueReasonableGrounds> & { aimWorkingDays: number }> {
    return this.worklists.reasonableGroundsOverdue(q.on, q.page, q.pageSize);
  }

  @Get('awaiting-conclusive-grounds')
  @ApiOperation({
    summary: 'Cases with a positive reasonable grounds decision awaiting a conclusive grounds decision, by whole months waiting (longest first)',
  })
  awaitingConclusiveGrounds(
    @Query() q: WorklistQuery,
  ): Promise<Page<AwaitingConclusiveGrounds> & { byMonthsWaiting: Array<{ label: string; count: number }> }> {
    return this.worklists.awaitingConclusiveGrounds(q.on, q.page, q.pageSize);
  }

  @Get('reconsideration-deadlines')
  @ApiOperation({ summary: 'Pending reconsiderations whose new decision is due within the next 14 days (or already overdue), soonest first' })
  reconsiderationDeadlines(@Query() q: WorklistQuery): Promise<Page<ReconsiderationDeadline> & { until: string }> {
    return this.worklists.reconsiderationDeadlines(q.on, q.page, q.pageSize);
  }

  @Get('positive-reasonable-grounds-without-support')
  @ApiOperation({ summary: 'Cases with a positive reasonable grounds decision in effect and no referral to a support service recorded' })
  positiveWithoutSupport(@Query() q: WorklistQuery): Promise<Page<PositiveWithoutSupport>> {
    return this.worklists.positiveWithoutSupport(q.on, q.page, q.pageSize);
  }
}
