import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { type JobOf, QueueName, RoutingJobName, type RoutingJobs } from '@app/queues';
import { RetentionService } from '../retention/retention.service';
import { DeliveryService } from './delivery.service';
import { RoutingReconciler } from './routing.reconciler';
import { TransferService } from './transfer.service';
import { AdulthoodReminderService } from './adulthood-reminder.service';

/** Thin: each job names what it is about by id; the services do the work and are idempotent. */
@Processor(QueueName.Routing)
export class RoutingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly transfers: TransferService,
    private readonly reminders: AdulthoodReminderService,
    private readonly retention: RetentionService,
    private readonly reconciler: RoutingReconciler,
    private readonly config: ConfigService<Environment, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('ROUTER_CONCURRENCY', { infer: true });
  }

  async process(job: JobOf<RoutingJobs>): Promise<string | number> {
    const name: string = job.name;
    switch (job.name) {
      case RoutingJobName.Deliver: {
        const { referralId } = job.data;
        return this.delivery.deliver(referralId, { made: job.attemptsMade, max: job.opts.attempts ?? 1 });
      }
      case RoutingJobName.Transfer: {
        const { referralId, transitionId } = job.data;
        return this.transfers.transfer(referralId, transitionId);
      }
      case RoutingJobName.EighteenthBirthdays:
        return this.reminders.remindBirthdaysPassed();
      case RoutingJobName.Retention:
        return this.retention.run();
      case RoutingJobName.Reconcile:
        return this.reconciler.reconcile();
      default:
        throw new Error(`unknown routing job ${name}`);
    }
  }
}
