import 'reflect-metadata';
import { commandLine, wholeNumber } from '../scripts/command-line';
import { cpuTimes, referralLoad, referralStatement, round, startFloor } from './intake';
import { withEnvironment } from './lib/environment';

const USAGE = 'npm run bench:intake-cpu -- [--rate 400] [--seconds 20] [--workers 1] [--connections 32] [--floor]';

/**
 * Intake alone at a fixed request rate, and the CPU one referral costs its processes (user and system time, from
 * /proc): where `bench:intake` saturates the machine, this says what a request costs at a given load, for comparing
 * one change with another. With `--floor`, the floor server (`lib/floor-server.ts`: Node's HTTP server and the same
 * statement, nothing else) is measured the same way after intake, on the rows intake wrote. Prints one JSON line;
 * writes no results file.
 */
async function main(): Promise<void> {
  const values = commandLine(USAGE, {
    rate: { type: 'string', default: '400' },
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    connections: { type: 'string', default: '32' },
    floor: { type: 'boolean', default: false },
  });
  const rate = wholeNumber(USAGE, 'rate', values.rate);
  const seconds = wholeNumber(USAGE, 'seconds', values.seconds);
  const workers = wholeNumber(USAGE, 'workers', values.workers);
  const connections = wholeNumber(USAGE, 'connections', values.connections);
  await withEnvironment(async (env) => {
    /** CPU a request of the process `pid` and its children, at `rate`, under `load`. */
    const measure = async (load: Awaited<ReturnType<typeof referralLoad>>, pid: number | undefined) => {
      await load(3, rate);
      const before = cpuTimes(pid);
      const result = await load(seconds, rate);
      const after = cpuTimes(pid);
      const n = result.requests.total;
      const perRequest = (s: number) => round((1000 * s) / n, 3);
      return {
        requestsPerSecond: result.requests.average,
        requests: n,
        non2xx: result.non2xx,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
        cpuMsPerRequest: { user: perRequest(after.user - before.user), system: perRequest(after.system - before.system) },
      };
    };
    const system = await env.system(['intake'], { THROTTLE_LIMIT: 100_000_000, INTAKE_WORKERS: workers });
    const intake = await measure(await referralLoad(system.app('intake').url, connections), system.app('intake').pid);
    await system.stop();
    let floor: Awaited<ReturnType<typeof measure>> | undefined;
    if (values.floor) {
      const server = await startFloor(env, await referralStatement(env), workers);
      try {
        floor = await measure(await referralLoad(server.url, connections), server.pid);
      } finally {
        server.stop();
      }
    }
    console.log(JSON.stringify({ rate, workers, connections, intake, ...(floor ? { floor } : {}) }));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
