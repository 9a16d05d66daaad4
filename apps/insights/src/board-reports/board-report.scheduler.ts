import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { Environment } from '@app/config';
import { QueueName } from '@app/queues';
import { BoardReportsJob, JOB_NAME_OF, ReportCadence, SCHEDULER_IDS } from './report-jobs';

/**
 * Registers the quarterly and annual board-report runs as BullMQ job schedulers (UK time): one schedule however
 * many insights instances start, and a changed cron replaces the old one.
 */
@Injectable()
export class BoardReportScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Reports) private readonly queue: Queue<BoardReportsJob>,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const patterns: Record<ReportCadence, string> = {
      quarterly: this.config.get('BOARD_REPORT_QUARTERLY_CRON', { infer: true }),
      annual: this.config.get('BOARD_REPORT_ANNUAL_CRON', { infer: true }),
    };
    for (const cadence of ['quarterly', 'annual'] as const) {
      await this.queue.upsertJobScheduler(
        SCHEDULER_IDS[cadence],
        { pattern: patterns[cadence], tz: 'Europe/London' },
        { name: JOB_NAME_OF[cadence], data: { cadence } },
      );
    }
  }
}
