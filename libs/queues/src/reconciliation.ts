import type { Queue } from 'bullmq';
import { PENDING_JOB_STATES } from './queues';

/**
 * Splits work that should have been done by now into what still waits in the queue (a backlog: leave it) and what
 * the queue no longer holds to run (lost with Redis, finished without effect, failed for good, or never added
 * because its id was taken): that must be enqueued again under a new id.
 */
export async function partitionByJobState<T>(
  queue: Pick<Queue, 'getJobState'>,
  items: readonly T[],
  jobIdOf: (item: T) => string | null,
): Promise<{ pending: T[]; lost: T[] }> {
  const pending: T[] = [];
  const lost: T[] = [];
  const states = await Promise.all(
    items.map((item) => {
      const id = jobIdOf(item);
      return id ? queue.getJobState(id) : Promise.resolve('unknown');
    }),
  );
  items.forEach((item, i) => (PENDING_JOB_STATES.has(states[i]) ? pending : lost).push(item));
  return { pending, lost };
}
