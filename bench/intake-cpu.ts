import 'reflect-metadata';
import { commandLine, wholeNumber } from '../scripts/command-line';
import { cpuTimes, referralLoad, round } from './intake';
import { withEnvironment } from './lib/environment';

const USAGE = 'npm run bench:intake-cpu -- [--rate 400] [--seconds 20] [--workers 1] [--connections 32]';

/**
 * Intake alone at a fixed request rate, and the CPU one referral costs its processes (user and system time, from
 * /proc): where `bench:intake` saturates the machine, this says what a request costs at a given load, for comparing
 * one change with another. Prints one JSON line; writes no results file.
 */
async function main(): Promise<void> {
  const values = commandLine(USAGE, {
    rate: { type: 'string', default: '400' },
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    connections: { type: 'string', default: '32' },
  });
  const rate = wholeNumber(USAGE, 'rate', values.rate);
  const seconds = wholeNumber(USAGE, 'seconds', values.seconds);
  const workers = wholeNumber(USAGE, 'workers', values.workers);
  const connections = wholeNumber(USAGE, 'connections', values.connections);
  await withEnvironment(async (env) => {
    const system = await env.system(['intake'], { THROTTLE_LIMIT: 100_000_000, INTAKE_WORKERS: workers });
    const load = await referralLoad(system.app('intake').url, connections);
    await load(3, rate);
    const pid = system.app('intake').pid;
    const before = cpuTimes(pid);
    const result = await load(seconds, rate);
    const after = cpuTimes(pid);
    await system.stop();
    const n = result.requests.total;
    const perRequest = (s: number) => round((1000 * s) / n, 3);
    console.log(
      JSON.stringify({
        rate,
        workers,
        connections,
        requestsPerSecond: result.requests.average,
        requests: n,
        non2xx: result.non2xx,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
        intakeCpuMsPerRequest: { user: perRequest(after.user - before.user), system: perRequest(after.system - before.system) },
      }),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
