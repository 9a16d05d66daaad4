import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type LinkageModel, type LinkageRecord, type LinkageResult, linkRecords } from '@app/matching';

const WORKER = path.join(__dirname, 'batch-link.worker.js');

/**
 * Who waits for a run. `waited-for`: linking waits for it (a backlog decided in bulk under the linking lock).
 * `background`: nothing does (the model trainer's learning and realignments, which run while linking goes on):
 * its thread runs at a lower CPU priority, so that on a busy machine requests and linking come first.
 */
export type BatchPriority = 'waited-for' | 'background';

/** The nice value of a background thread (Linux keeps one per thread; elsewhere the call may be refused). */
const BACKGROUND_NICE = 10;

/**
 * A thread of each priority kept between runs: starting one loads the engine's modules and tables again (about
 * 0.15 s of CPU), and the model trainer runs the engine at every quarter's growth of the index. Unreferenced while
 * idle, so it never keeps the process alive.
 */
const idle = new Map<BatchPriority, Worker>();

function spawn(priority: BatchPriority): Worker {
  const worker = new Worker(WORKER, { workerData: { nice: priority === 'background' ? BACKGROUND_NICE : 0 } });
  worker.on('exit', () => {
    if (idle.get(priority) === worker) idle.delete(priority);
  });
  return worker;
}

/**
 * `linkRecords` (the engine `npm run link` runs; the model learned from the records unless one is given) on a
 * worker thread: a backlog of tens of thousands of records takes the engine a minute of CPU, during which the
 * deduplicator's own thread must keep renewing its job lock and answering health checks. Runs at once on the kept
 * thread, or on a thread of its own when that one is busy (a backlog and the model trainer may run together). Where
 * the worker is not compiled (the tests run the TypeScript sources) it runs on the calling thread instead.
 */
export function linkInBackground(
  records: readonly LinkageRecord[],
  { model, modelCountsTheseRecords = false, priority }: { model?: LinkageModel; modelCountsTheseRecords?: boolean; priority: BatchPriority },
): Promise<LinkageResult> {
  if (!existsSync(WORKER)) return Promise.resolve(linkRecords(records, model ? { model, modelCountsTheseRecords } : {}));
  const worker = idle.get(priority) ?? spawn(priority);
  idle.delete(priority);
  worker.ref();
  return new Promise<LinkageResult>((resolve, reject) => {
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: { result?: LinkageResult; error?: string }) => {
      settle();
      if (idle.has(priority)) void worker.terminate();
      else {
        worker.unref();
        idle.set(priority, worker);
      }
      if (answer.result) resolve(answer.result);
      else reject(new Error(`the batch linker failed: ${answer.error ?? 'no result'}`));
    };
    const onError = (error: Error) => {
      settle();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`the batch linker's thread stopped with exit code ${code}`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ records, model, modelCountsTheseRecords });
  });
}
