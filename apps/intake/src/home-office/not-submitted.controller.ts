import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { HomeOfficeSubmissionService, NotSubmittedPage } from './home-office-submission.service';

export class NotSubmittedQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000, { message: 'page must not be greater than 100000' }) page = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

@ApiTags('worklists')
@ApiBearerAuth()
@Controller('v1/worklists/not-submitted')
export class NotSubmittedController {
  constructor(private readonly submissions: HomeOfficeSubmissionService) {}

  @Get()
  @Roles('first_responder', 'safeguarding_lead')
  @ApiOperation({
    summary: 'Referrals logged and not recorded as submitted to the Home Office after the configured working days, oldest first',
    description: "A first responder sees their own organisation's.",
  })
  list(@Query() query: NotSubmittedQuery, @CurrentPrincipal() principal: Principal): Promise<NotSubmittedPage> {
    return this.submissions.notSubmitted(principal, query.page, query.pageSize);
  }
}
