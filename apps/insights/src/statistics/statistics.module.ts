import { Module } from '@nestjs/common';
import { AdulthoodRepository, BoardReportRepository, NrmCaseStatisticsRepository, NrmWorklistRepository, StatisticsRepository } from '@app/database';
import { NrmCaseStatisticsController } from './nrm-case-statistics.controller';
import { NrmCaseStatisticsService } from './nrm-case-statistics.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';
import { TransitionFiguresService } from './transition-figures';

@Module({
  controllers: [NrmCaseStatisticsController, StatisticsController],
  providers: [
    BoardReportRepository,
    StatisticsRepository,
    StatisticsService,
    NrmCaseStatisticsRepository,
    NrmWorklistRepository,
    NrmCaseStatisticsService,
    AdulthoodRepository,
    TransitionFiguresService,
  ],
  exports: [StatisticsService, NrmCaseStatisticsService],
})
export class StatisticsModule {}
