import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type LinkageModel, type LinkageRecord, linkRecords } from '@app/matching';

// The batch engine on a thread of its own (see batch-link.ts), kept between runs: records and model in, the result
// (or the error's message) out, one run at a time.
if (!parentPort) throw new Error('batch-link.worker runs only as a worker thread (batch-link.ts)');
const port = parentPort;
const { nice } = workerData as { nice: number };
if (nice) {
  try {
    // Pid 0 is the calling thread: on Linux a nice value belongs to a thread, so the app's own thread keeps its own.
    setPriority(0, nice);
  } catch {
    // Not allowed here: the run goes on at the process's priority.
  }
}
port.on('message', ({ records, model, modelCountsTheseRecords }: { records: LinkageRecord[]; model?: LinkageModel; modelCountsTheseRecords: boolean }) => {
  let result;
  try {
    result = linkRecords(records, model ? { model, modelCountsTheseRecords } : {});
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.postMessage({ result });
});
