import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type LinkageModel, type LinkageRecord, type LinkageResult, linkRecords } from '@app/matching';

const WORKER = path.join(__dirname, 'batch-link.worker.js');

/**
 * `linkRecords` (the engine `npm run link` runs; the model learned from the records unless one is given) on a
 * worker thread: a backlog of tens of thousands of records takes the engine a minute of CPU, during which the
 * deduplicator's own thread must keep renewing its job lock and answering health checks. Where the worker is not
 * compiled (the tests run the TypeScript sources) it runs on the calling thread instead.
 */
export function linkInBackground(records: readonly LinkageRecord[], model?: LinkageModel, modelCountsTheseRecords = false): Promise<LinkageResult> {
  if (!existsSync(WORKER)) return Promise.resolve(linkRecords(records, model ? { model, modelCountsTheseRecords } : {}));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { records, model, modelCountsTheseRecords } });
    worker.once('message', (result: LinkageResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the batch linker's thread stopped with exit code ${code}`));
    });
  });
}
