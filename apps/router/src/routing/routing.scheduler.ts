import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { QueueName, RoutingJobName, type RoutingJobs, type QueueOf } from '@app/queues';

/**
 * Registers the router's periodic jobs (the daily reminder of 18th birthdays passed with nothing recorded, retention, and the reconciliation sweep) as
 * BullMQ job schedulers: one schedule however many routers run.
 */
@Injectable()
export class RoutingScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Routing) private readonly routing: QueueOf<RoutingJobs>,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.routing.upsertJobScheduler(
      RoutingJobName.EighteenthBirthdays,
      { pattern: this.config.get('EIGHTEENTH_BIRTHDAY_CHECK_CRON', { infer: true }), tz: 'Europe/London' },
      { name: RoutingJobName.EighteenthBirthdays, data: {} },
    );
    await this.routing.upsertJobScheduler(
      RoutingJobName.Retention,
      { pattern: this.config.get('RETENTION_CRON', { infer: true }), tz: 'Europe/London' },
      { name: RoutingJobName.Retention, data: {} },
    );
    await this.routing.upsertJobScheduler(
      RoutingJobName.Reconcile,
      { every: this.config.get('RECONCILE_EVERY_MS', { infer: true }) },
      { name: RoutingJobName.Reconcile, data: {}, opts: { removeOnComplete: true, removeOnFail: 10, attempts: 1 } },
    );
  }
}
