import { parentPort, workerData } from 'node:worker_threads';
import { type LinkageModel, type LinkageRecord, linkRecords } from '@app/matching';

// The batch engine on a thread of its own (see batch-link.ts): records and model in, the result out.
const { records, model, modelCountsTheseRecords } = workerData as { records: LinkageRecord[]; model?: LinkageModel; modelCountsTheseRecords: boolean };
if (!parentPort) throw new Error('batch-link.worker runs only as a worker thread (batch-link.ts)');
parentPort.postMessage(linkRecords(records, model ? { model, modelCountsTheseRecords } : {}));
