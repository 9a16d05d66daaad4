import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandLine, wholeNumber } from '../scripts/command-line';
import { freePort } from '../test/support/redis-server';
import { cpuTimes, referralLoad, referralStatement, round, startFloor } from './intake';
import { withEnvironment } from './lib/environment';

const USAGE = 'npm run bench:framework -- [--rate 400] [--seconds 20] [--rounds 2]';

/**
 * Where a referral's CPU goes between bare Node and intake, each measured alone at one fixed rate with one worker
 * (issue 18's question: would another HTTP adapter, or another validator, bring intake near the floor?). In each
 * round, on one database: intake as it runs; the floor (`lib/floor-server.ts`, Node's own server and the statement);
 * then Nest with the same statement and nothing else of intake's (`lib/nest-floor-server.ts`), on Express and on
 * Fastify, without and with the referral's validation (`ReferralBodyPipe`). Prints a JSON line a round, CPU
 * milliseconds a request (user and system); writes no results file.
 */
async function main(): Promise<void> {
  const values = commandLine(USAGE, {
    rate: { type: 'string', default: '400' },
    seconds: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
  });
  const rate = wholeNumber(USAGE, 'rate', values.rate);
  const seconds = wholeNumber(USAGE, 'seconds', values.seconds);
  const rounds = wholeNumber(USAGE, 'rounds', values.rounds);
  await withEnvironment(async (env) => {
    const measure = async (url: string, pid: number | undefined) => {
      const load = await referralLoad(url, 32);
      await load(3, rate);
      const before = cpuTimes(pid);
      const result = await load(seconds, rate);
      const after = cpuTimes(pid);
      const cpu = after.user - before.user + after.system - before.system;
      return { non2xx: result.non2xx, p99Ms: result.latency.p99, cpuMsPerRequest: round((1000 * cpu) / result.requests.total, 3) };
    };
    let statement = '';
    const nest = async (adapter: 'express' | 'fastify', validate: boolean) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rh-nest-floor-'));
      const file = path.join(dir, 'statement.sql');
      writeFileSync(file, statement.replace(/:r\b/g, '$1::text'));
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(__dirname, 'lib', 'nest-floor-server.js')], {
        env: {
          ...process.env,
          DATABASE_URL: env.databaseUrl,
          PORT: String(port),
          FLOOR_STATEMENT: file,
          FLOOR_ADAPTER: adapter,
          FLOOR_VALIDATE: validate ? '1' : '0',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const url = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries++) {
        const up = await fetch(`${url}/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
          () => true,
          () => false,
        );
        if (up) break;
        if (tries > 100) throw new Error('the Nest floor server did not answer');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      try {
        return await measure(url, child.pid);
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        rmSync(dir, { recursive: true, force: true });
      }
    };
    for (let r = 1; r <= rounds; r++) {
      const loadBefore = round(os.loadavg()[0], 2);
      // Intake first: starting it migrates the database the others write to.
      const system = await env.system(['intake'], { THROTTLE_LIMIT: 100_000_000, INTAKE_WORKERS: 1 });
      const intake = await measure(system.app('intake').url, system.app('intake').pid);
      await system.stop();
      statement ||= await referralStatement(env);
      const server = await startFloor(env, statement, 1);
      let floor: Awaited<ReturnType<typeof measure>>;
      try {
        floor = await measure(server.url, server.pid);
      } finally {
        server.stop();
      }
      const nestExpress = await nest('express', false);
      const nestFastify = await nest('fastify', false);
      const nestExpressValidated = await nest('express', true);
      const nestFastifyValidated = await nest('fastify', true);
      console.log(JSON.stringify({ round: r, rate, seconds, loadBefore, floor, nestExpress, nestFastify, nestExpressValidated, nestFastifyValidated, intake }));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
