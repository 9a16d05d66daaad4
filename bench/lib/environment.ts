import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from '../../scripts/schemas';
import { adminUrl, databaseUrl, withAdmin } from '../../test/support/database';
import { type AppName, TestSystem } from '../../test/support/processes';
import { DurableRedis } from '../../test/faults/support/durable-redis';

export interface BenchEnvironment {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  /** Starts the named apps (compiled, as child processes) with the given settings. */
  system(apps: AppName[], env?: Record<string, string | number>, perApp?: Partial<Record<AppName, Record<string, string | number>>>): Promise<TestSystem>;
}

export interface EnvironmentOptions {
  /** The database's name starts with this (default `rh_bench`); a random suffix follows. */
  databasePrefix?: string;
  /** The apps' QUEUE_PREFIX (default: a random one per system). */
  queuePrefix?: string;
  /** Fixed ports: the apps' (workers: their metrics port) and the redis-server's (default: free ones). */
  ports?: Partial<Record<AppName | 'redis', number>>;
}

/** A fresh database (every migration applied) and Redis for one benchmark, removed afterwards. */
export async function withEnvironment<T>(work: (env: BenchEnvironment) => Promise<T>, options: EnvironmentOptions = {}): Promise<T> {
  const name = `${options.databasePrefix ?? 'rh_bench'}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const systems: TestSystem[] = [];
  let redis: DurableRedis | undefined;
  try {
    const url = databaseUrl(name);
    await migrateSchemas(validateEnvironment({ DATABASE_URL: url }), ALL_SCHEMAS);
    redis = await DurableRedis.start('everysec', options.ports?.redis);
    const redisUrl = redis.url;
    const { redis: _redisPort, ...appPorts } = options.ports ?? {};
    return await work({
      databaseUrl: url,
      databaseName: name,
      redisUrl,
      system: async (apps, env = {}, perApp = {}) => {
        // Logging as deployed (info), but into /dev/null so the load generator does not pay for reading it.
        const system = await TestSystem.create(apps, {
          databaseUrl: url,
          redisUrl,
          env: { LOG_LEVEL: 'info', ...(options.queuePrefix ? { QUEUE_PREFIX: options.queuePrefix } : {}), ...env },
          perApp,
          discardOutput: true,
          ports: appPorts,
        });
        systems.push(system);
        await system.start();
        return system;
      },
    });
  } finally {
    for (const system of systems) await system.stop();
    await redis?.destroy();
    // BENCH_KEEP_DATABASE=1 leaves the database to be looked into afterwards (its name is printed).
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`[bench] database kept: ${name}`);
    else await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

/** The machine a benchmark ran on, and the versions of what it ran against. */
export function machine(): Record<string, unknown> {
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
