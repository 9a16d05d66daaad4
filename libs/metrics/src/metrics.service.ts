import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CaseSystem } from '@app/domain';

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

export interface MetricsOptions {
  /** The app's name, the `app` label on every series. */
  app: string;
  /** Queues whose depths this app reports (each queue is reported by one app, so sums do not double). */
  queues: readonly string[];
}

/** What became of one attempt to deliver a referral to a case system. */
export type DeliveryOutcome = 'routed' | 'already_routed' | 'retry' | 'failed' | 'rejected';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/**
 * Every series an app exposes, on a registry of its own (not prom-client's global one), so that several apps in
 * one test process do not collide. Labels carry route templates, queue and job names, case systems and outcomes:
 * never an id, a raw URL or anything about a person.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  /** Set by QueueMetricsCollector: reads the depths from Redis when Prometheus scrapes. */
  readQueueDepths?: () => Promise<void>;

  readonly httpRequestDuration = new Histogram({
    name: 'rh_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status code',
    labelNames: ['route', 'method', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'rh_queue_jobs',
    help: 'Jobs in a BullMQ queue by state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: () => this.readQueueDepths?.(),
  });

  readonly queueUp = new Gauge({
    name: 'rh_queue_up',
    help: '1 when the queue depths could be read from Redis at this scrape, 0 otherwise',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly jobsCompleted = new Counter({
    name: 'rh_queue_jobs_completed_total',
    help: 'Jobs this process completed, by queue and job name',
    labelNames: ['queue', 'job'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'rh_queue_job_failures_total',
    help: 'Job attempts that failed in this process; final="true" when no attempt is left (the job is in the failed set)',
    labelNames: ['queue', 'job', 'final'] as const,
    registers: [this.registry],
  });

  readonly routingDeliveries = new Counter({
    name: 'rh_routing_deliveries_total',
    help: 'Delivery attempts of referrals to a case system, by outcome (retry: failed, will be tried again)',
    labelNames: ['system', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly routingRetries = new Counter({
    name: 'rh_routing_retries_total',
    help: 'Failed delivery attempts that will be retried with backoff',
    labelNames: ['system'] as const,
    registers: [this.registry],
  });

  readonly linkDecisions = new Counter({
    name: 'rh_link_decisions_total',
    help: 'Linking decisions of the deduplicator, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly reconciled = new Counter({
    name: 'rh_reconciled_total',
    help: 'Work found undone by a reconciliation sweep and enqueued again (routing: undelivered referrals; linking: unlinked feed changes)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly oldestUnprocessed = new Gauge({
    name: 'rh_oldest_unprocessed_seconds',
    help: 'Age of the oldest referral not yet delivered (routing) or feed change not yet linked (linking), at the last sweep',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  constructor(@Inject(METRICS_OPTIONS) readonly options: MetricsOptions) {
    this.registry.setDefaultLabels({ app: options.app });
    collectDefaultMetrics({ register: this.registry, prefix: 'rh_' });
  }

  /** One delivery attempt's outcome; a retry is counted in both series. */
  delivery(system: CaseSystem, outcome: DeliveryOutcome): void {
    this.routingDeliveries.inc({ system, outcome });
    if (outcome === 'retry') this.routingRetries.inc({ system });
  }

  linkDecision(outcome: string): void {
    this.linkDecisions.inc({ outcome });
  }

  /** What a reconciliation sweep found and how far behind its queue is. */
  reconciliation(queue: string, redriven: number, oldestSeconds: number): void {
    this.reconciled.inc({ queue }, redriven);
    this.oldestUnprocessed.set({ queue }, oldestSeconds);
  }

  /** The Prometheus text exposition of every series. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
