import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { OutboxRepository } from '@app/database';
import { MetricsService } from '@app/metrics';
import { deliverJobId, partitionByJobState, QueueName, redriveJobId, RoutingJobName, type RoutingJobs, type QueueOf } from '@app/queues';

const BATCH = 500;

/**
 * Nothing accepted stays undelivered unnoticed. A referral still `accepted` RECONCILE_AFTER_MS after its delivery
 * message left the outbox is looked up in the queue: a job still waiting or backing off is left alone; one the
 * queue no longer holds to run (Redis lost it, or a restored database has a referral the queue already finished)
 * is enqueued again under a new id and recorded in the outbox as sent. Delivery is idempotent (the referral id is
 * the case system's client reference), so a redrive never makes a second case record.
 */
@Injectable()
export class RoutingReconciler {
  private readonly logger = new Logger(RoutingReconciler.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(QueueName.Routing) private readonly routing: QueueOf<RoutingJobs>,
  ) {}

  async reconcile(): Promise<number> {
    const stale = await this.outbox.staleDeliveries(RoutingJobName.Deliver, this.config.get('RECONCILE_AFTER_MS', { infer: true }), BATCH);
    const { pending, lost } = await partitionByJobState(this.routing, stale, (d) => d.lastJobId);
    for (const delivery of lost) {
      const previous = delivery.lastJobId ?? deliverJobId(delivery.referralId, delivery.generation);
      const jobId = redriveJobId(previous, redriveCount(previous) + 1);
      const payload = { referralId: delivery.referralId };
      await this.routing.add(RoutingJobName.Deliver, payload, { jobId });
      await this.outbox.recordSent({ topic: RoutingJobName.Deliver, aggregateId: delivery.referralId, jobId, payload });
    }
    if (lost.length) this.logger.warn({ redriven: lost.length, backlog: pending.length }, 'accepted referrals found undelivered and enqueued again');
    this.metrics.reconciliation(QueueName.Routing, lost.length, await this.outbox.oldestUndeliveredSeconds());
    return lost.length;
  }
}

function redriveCount(jobId: string): number {
  const match = /-reconcile-(\d+)$/.exec(jobId);
  return match ? Number(match[1]) : 0;
}
