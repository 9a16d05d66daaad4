import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from '../scripts/schemas';
import { adminUrl, databaseUrl, withAdmin } from '../test/support/database';
import { AppName, TestSystem } from '../test/support/processes';
import { DurableRedis } from '../test/faults/support/durable-redis';
import { benchDeduplicator } from './dedup';
import { benchEndToEnd } from './e2e';
import { benchIntake } from './intake';

/**
 * `npm run bench [-- intake|e2e|dedup ...]`: the system's figures beside the machine's own limit, written to
 * bench/results.json (each run replaces the sections it measured). Every benchmark runs the compiled apps as
 * child processes against a fresh database on the local PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432) and a
 * redis-server of its own (append-only, fsync every second, as deployed).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

export interface BenchEnvironment {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  /** Starts the named apps (compiled, as child processes) with the given settings. */
  system(apps: AppName[], env?: Record<string, string | number>, perApp?: Partial<Record<AppName, Record<string, string | number>>>): Promise<TestSystem>;
}

/** A fresh database (every migration applied) and Redis for one benchmark, removed afterwards. */
async function withEnvironment<T>(work: (env: BenchEnvironment) => Promise<T>): Promise<T> {
  const name = `rh_bench_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const systems: TestSystem[] = [];
  let redis: DurableRedis | undefined;
  try {
    const url = databaseUrl(name);
    await migrateSchemas(validateEnvironment({ DATABASE_URL: url }), ALL_SCHEMAS);
    redis = await DurableRedis.start('everysec');
    const redisUrl = redis.url;
    return await work({
      databaseUrl: url,
      databaseName: name,
      redisUrl,
      system: async (apps, env = {}, perApp = {}) => {
        // Logging as deployed (info), but into /dev/null so the load generator does not pay for reading it.
        const system = await TestSystem.create(apps, { databaseUrl: url, redisUrl, env: { LOG_LEVEL: 'info', ...env }, perApp, discardOutput: true });
        systems.push(system);
        await system.start();
        return system;
      },
    });
  } finally {
    for (const system of systems) await system.stop();
    await redis?.destroy();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

function machine(): Record<string, unknown> {
  const version = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      return 'unknown';
    }
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: version('psql', [adminUrl(), '-tAc', 'SHOW server_version']),
    pgbench: version('pgbench', ['--version']),
    redis: version('redis-server', ['--version']),
    note: 'load generator, PostgreSQL, Redis and every app share these cores',
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const BENCHES: Record<string, (env: BenchEnvironment) => Promise<object>> = {
  intake: benchIntake,
  e2e: benchEndToEnd,
  dedup: benchDeduplicator,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in BENCHES));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  const names = asked.length ? asked : Object.keys(BENCHES);
  const results: Record<string, unknown> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  results.machine = machine();
  for (const name of names) {
    console.log(`[bench] ${name}`);
    const started = Date.now();
    const loadBefore = os.loadavg()[0];
    const figures: object = await withEnvironment((env) => BENCHES[name](env));
    // The 1-minute load average around the run: above the core count, something else shared the machine.
    const loadAverage = { before: round2(loadBefore), after: round2(os.loadavg()[0]) };
    results[name] = { ...figures, loadAverage, measuredAt: new Date().toISOString(), wallSeconds: Math.round((Date.now() - started) / 1000) };
    console.log(JSON.stringify(results[name], null, 2));
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`[bench] written to ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
