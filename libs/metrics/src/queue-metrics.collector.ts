import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { MetricsService, QUEUE_STATES } from './metrics.service';

/** How long a scrape waits for Redis before reporting the queue as unreadable (Redis down must not hang /metrics). */
const COUNT_TIMEOUT_MS = 1000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/** `instanceof WorkerHost` alone yields a `WorkerHost<any>`; every host in these apps runs a plain BullMQ Worker. */
function isWorkerHost(value: unknown): value is WorkerHost {
  return value instanceof WorkerHost;
}

/**
 * Queue depths read at scrape time from the app's own BullMQ queues, and job outcomes counted from the events of
 * the workers this process runs (found by discovery, so processors need no metrics code).
 */
@Injectable()
export class QueueMetricsCollector implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: MetricsService,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    const queues = this.metrics.options.queues.map((name) => ({ name, queue: this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }) }));
    const { queueJobs, queueUp } = this.metrics;
    this.metrics.readQueueDepths = async () => {
      queueJobs.reset();
      await Promise.all(
        queues.map(async ({ name, queue }) => {
          try {
            const counts = await withTimeout(queue.getJobCounts(...QUEUE_STATES), COUNT_TIMEOUT_MS);
            for (const state of QUEUE_STATES) queueJobs.set({ queue: name, state }, counts[state] ?? 0);
            queueUp.set({ queue: name }, 1);
          } catch {
            queueUp.set({ queue: name }, 0);
          }
        }),
      );
    };

    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!isWorkerHost(host)) continue;
      const worker = host.worker;
      worker.on('completed', (job: Job) => this.metrics.jobsCompleted.inc({ queue: worker.name, job: job.name }));
      worker.on('failed', (job: Job | undefined, error: Error) => {
        if (!job) return;
        const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
        this.metrics.jobFailures.inc({ queue: worker.name, job: job.name, final: String(final) });
      });
    }
  }
}
