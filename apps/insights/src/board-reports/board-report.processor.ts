import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName } from '@app/queues';
import { BoardReportService, ScheduledRun } from './board-report.service';
import { BoardReportsJob, ReportsJobName } from './report-jobs';
import { ukDate } from './reporting-period';

/**
 * Thin: a scheduled run names its cadence; the service decides the period and is idempotent (a repeated run
 * stores nothing new unless a published figure changed).
 */
@Processor(QueueName.Reports)
export class BoardReportProcessor extends WorkerHost {
  constructor(private readonly reports: BoardReportService) {
    super();
  }

  async process(job: Job<BoardReportsJob>): Promise<ScheduledRun> {
    switch (job.name) {
      case ReportsJobName.QuarterlyBoardReports:
      case ReportsJobName.AnnualBoardReports:
        return this.reports.generateDue(job.data.cadence, job.data.asOf ?? ukDate(new Date(job.timestamp)));
      default:
        throw new Error(`unknown reports job ${job.name}`);
    }
  }
}
