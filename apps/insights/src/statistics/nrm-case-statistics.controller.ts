import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@app/auth';
import { resolvePeriod } from './period-query';
import { NrmCaseStatistics, NrmCaseStatisticsService } from './nrm-case-statistics.service';

export class NrmCaseStatisticsQuery {
  @ApiPropertyOptional({ example: '2026-Q2', description: 'A month "2026-04", a calendar quarter "2026-Q2" or a financial year "2026/27"' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;

  @ApiPropertyOptional({ example: '2026-04-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('v1/statistics/nrm-cases')
export class NrmCaseStatisticsController {
  constructor(private readonly statistics: NrmCaseStatisticsService) {}

  @Get()
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary:
      'NRM case figures for a period: median days referral → reasonable grounds and reasonable → conclusive grounds, cases waiting by length, support referrals made',
    description: 'Exact figures for the safeguarding lead (no disclosure control: not for boards). The outcome × age group tables are in GET /v1/statistics.',
  })
  get(@Query() query: NrmCaseStatisticsQuery): Promise<NrmCaseStatistics> {
    return this.statistics.read(resolvePeriod(query));
  }
}
