import 'reflect-metadata';
import cluster from 'node:cluster';
import { listen } from '@app/common';
import { validateServingEnvironment } from '@app/config';
import { createIntakeApp } from './intake.app';

async function bootstrap(): Promise<void> {
  const app = await createIntakeApp();
  await listen(app, 'INTAKE_PORT');
}

/**
 * One Node process uses one core; INTAKE_WORKERS > 1 forks that many sharing the port, restarting any that dies.
 * In a container deployment prefer replicas (docker-compose `deploy.replicas`) and leave this at 1.
 */
function main(): void {
  const workers = validateServingEnvironment(process.env).INTAKE_WORKERS;
  if (workers <= 1 || !cluster.isPrimary) {
    void bootstrap();
    return;
  }
  let stopping = false;
  for (let i = 0; i < workers; i += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      // Node passes a null signal when the worker exited by itself, although its types say string.
      console.error(`intake worker ${String(worker.process.pid)} exited (${signal || code}); starting another`);
      cluster.fork();
    }
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
