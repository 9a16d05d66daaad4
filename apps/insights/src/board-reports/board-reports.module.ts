import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BoardReportRepository } from '@app/database';
import { QueueName } from '@app/queues';
import { StatisticsModule } from '../statistics/statistics.module';
import { BoardReportController } from './board-report.controller';
import { BoardReportProcessor } from './board-report.processor';
import { BoardReportScheduler } from './board-report.scheduler';
import { BoardReportService } from './board-report.service';
import { BoardReportFiles } from './board-report-files';
import { PdfRenderer } from '../formats/pdf.renderer';

@Module({
  imports: [
    StatisticsModule,
    // A failed run is retried with backoff (a database restart at 06:00 must not lose a quarter's reports);
    // finished runs are kept a year, as a record of when each board's reports were produced.
    BullModule.registerQueue({
      name: QueueName.Reports,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { age: 366 * 24 * 3600 },
        removeOnFail: { age: 366 * 24 * 3600 },
      },
    }),
  ],
  controllers: [BoardReportController],
  providers: [BoardReportRepository, BoardReportService, BoardReportProcessor, BoardReportScheduler, BoardReportFiles, PdfRenderer],
  exports: [BoardReportService, BoardReportFiles],
})
export class BoardReportsModule {}
