import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { creationParameters } from '@app/database';
import { bearer } from '../test/support/auth';
import { population } from '../test/faults/support/harness';
import { freePort } from '../test/support/redis-server';
import { percentile } from './lib/metrics';
import type { BenchEnvironment } from './run';

const CONNECTIONS = 32;
const WARM_UP_SECONDS = 5;
const SECONDS = 20;

export interface IntakeFigures {
  connections: number;
  seconds: number;
  intake: {
    requestsPerSecond: number;
    latencyMs: { p50: number; p90: number; p99: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    /** Cores kept busy during the measured window (the machine has os.cpus().length). */
    coresUsed: Record<string, number>;
  };
  pgbench: { transactionsPerSecond: number; latencyMs: { average: number; p50: number; p99: number }; clients: number; threads: number; script: string };
  /** intake requests per second ÷ pgbench transactions per second, at the same concurrency. */
  ratio: number;
  /**
   * Node's own HTTP server running the same statement with nothing else (`lib/floor-server.ts`), under the same load:
   * the most any Node request path reaches on this machine, and its ratio to pgbench.
   */
  floor: { requestsPerSecond: number; latencyMs: { p50: number; p99: number }; non2xx: number; ratio: number };
  targets: { ratioAtLeast: number; p99AtMostMs: number; ratioMet: boolean; p99Met: boolean };
  settings: Record<string, string | number>;
}

/**
 * Intake's throughput and latency under autocannon (POST /v1/referrals with an Idempotency-Key, 32 connections),
 * beside what this machine's PostgreSQL does with the very statements one referral costs (pgbench, same
 * concurrency): the one prepared statement that claims the Idempotency-Key, draws the reference and writes the
 * referral row, the outbox row, the stored answer and the audit row. The ratio says how much of the database's
 * limit intake reaches.
 */
export async function benchIntake(env: BenchEnvironment): Promise<IntakeFigures> {
  // Two intake processes: one Node process cannot use more than one of the machine's two cores.
  const settings = { THROTTLE_LIMIT: 100_000_000, INTAKE_WORKERS: 2 };
  const system = await env.system(['intake'], settings);
  const load = await referralLoad(system.app('intake').url, CONNECTIONS);
  await load(WARM_UP_SECONDS);
  let measured!: autocannon.Result;
  const cores = await coresUsed(
    { intake: system.app('intake').pid },
    async () => {
      measured = await load(SECONDS);
    },
    env.databaseUrl,
  );
  await system.stop();

  const statement = await referralStatement(env);
  const pg = pgbench(env, statement);
  const bare = await floor(env, statement);
  const intakeRate = measured.requests.average;
  const ratio = intakeRate / pg.transactionsPerSecond;
  const p99 = measured.latency.p99;
  return {
    connections: CONNECTIONS,
    seconds: SECONDS,
    intake: {
      requestsPerSecond: round(intakeRate),
      latencyMs: { p50: measured.latency.p50, p90: measured.latency.p90, p99, max: measured.latency.max },
      non2xx: measured.non2xx,
      errors: measured.errors,
      timeouts: measured.timeouts,
      coresUsed: cores,
    },
    pgbench: pg,
    ratio: round(ratio, 3),
    floor: {
      requestsPerSecond: round(bare.requests.average),
      latencyMs: { p50: bare.latency.p50, p99: bare.latency.p99 },
      non2xx: bare.non2xx,
      ratio: round(bare.requests.average / pg.transactionsPerSecond, 3),
    },
    targets: { ratioAtLeast: 0.5, p99AtMostMs: 50, ratioMet: ratio >= 0.5, p99Met: p99 <= 50 },
    settings: {
      ...settings,
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
      note: 'intake alone (no router or deduplicator running); outbox relayed to Redis as deployed',
    },
  };
}

/**
 * POST /v1/referrals under autocannon as a first responder, each request with an Idempotency-Key of its own and one
 * of 300 synthetic referrals: `load(seconds)` as fast as the connections go, `load(seconds, rate)` at that many
 * requests a second in all.
 */
export async function referralLoad(intakeUrl: string, connections: number): Promise<(seconds: number, rate?: number) => Promise<autocannon.Result>> {
  const authorization = await bearer('first_responder', 'Thames Valley Police');
  const bodies = population(300, 97)
    .bodies.filter((b) => (b as { firstResponder: { organisation: string } }).firstResponder.organisation === 'Thames Valley Police')
    .map((b) => JSON.stringify(b));
  return (seconds, rate) =>
    autocannon({
      url: `${intakeUrl}/v1/referrals`,
      connections,
      duration: seconds,
      ...(rate ? { overallRate: rate } : {}),
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'idempotency-key': randomUUID() },
            body: bodies[Math.floor(Math.random() * bodies.length)],
          }),
        },
      ],
    });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** User and system CPU seconds one process (not its children) has used so far. */
function ownCpuTimes(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** User and system CPU seconds a process and its children (a clustered intake's workers) have used so far. */
export function cpuTimes(pid: number | undefined): { user: number; system: number } {
  if (pid === undefined) return { user: Number.NaN, system: Number.NaN };
  try {
    const times = ownCpuTimes(pid);
    for (const child of childrenOf(pid)) {
      const c = cpuTimes(child);
      if (Number.isFinite(c.user)) {
        times.user += c.user;
        times.system += c.system;
      }
    }
    return times;
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        return Number(readFileSync(`/proc/${candidate}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

/** Processes of a program by name (every PostgreSQL backend, shared with whatever else uses the server). */
function pidsOf(command: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * CPU seconds of every process of a program, each counted once: PostgreSQL's backends are the postmaster's children,
 * so counting each with its children (as `cpuTimes` does) would count every backend twice.
 */
function cpuSecondsOfAll(command: string): number {
  return pidsOf(command).reduce((sum, pid) => {
    try {
      const { user, system } = ownCpuTimes(pid);
      return sum + user + system;
    } catch {
      return sum; // ended between the listing and the read
    }
  }, 0);
}

/** PostgreSQL backends connected to one database, by the application_name each app gives its pool. */
async function backendsOf(databaseUrl: string): Promise<Array<{ pid: number; app: string }>> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ pid: number; app: string }>(
      `SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows;
  } finally {
    await sql.end();
  }
}

/**
 * Cores each process kept busy over a window: (CPU seconds after − before) ÷ wall seconds. PostgreSQL counts every
 * backend on the server (other databases too), Redis every redis-server on the machine. With `databaseUrl`, the
 * backends of the benchmark's own database are also counted by the app they serve ("postgres for intake", …;
 * connections closed during the window and PostgreSQL's shared background work, WAL writer included, are not).
 */
export async function coresUsed(pids: Record<string, number | undefined>, work: () => Promise<void>, databaseUrl?: string): Promise<Record<string, number>> {
  const shared = { 'postgres (whole server)': 'postgres', 'redis-server (all)': 'redis-server' };
  const sharedBefore = Object.fromEntries(Object.entries(shared).map(([name, command]) => [name, cpuSecondsOfAll(command)]));
  const backends = databaseUrl ? await backendsOf(databaseUrl) : [];
  const backendsBefore = backends.map((b) => cpuSeconds(b.pid));
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const self = process.cpuUsage();
  const started = Date.now();
  await work();
  const seconds = (Date.now() - started) / 1000;
  const mine = process.cpuUsage(self);
  const cores: Record<string, number> = { loadGenerator: round((mine.user + mine.system) / 1e6 / seconds, 2) };
  for (const [name, pid] of Object.entries(pids)) cores[name] = round((cpuSeconds(pid) - before[name]) / seconds, 2);
  for (const [name, command] of Object.entries(shared)) cores[name] = round((cpuSecondsOfAll(command) - sharedBefore[name]) / seconds, 2);
  const byApp: Record<string, number> = {};
  const add = (app: string, used: number) => {
    if (Number.isFinite(used)) byApp[`postgres for ${app || 'others'}`] = (byApp[`postgres for ${app || 'others'}`] ?? 0) + used;
  };
  backends.forEach((b, i) => add(b.app, cpuSeconds(b.pid) - backendsBefore[i]));
  // Connections a pool opened during the window: all their CPU was spent in it.
  if (databaseUrl) {
    const known = new Set(backends.map((b) => b.pid));
    for (const b of await backendsOf(databaseUrl)) if (!known.has(b.pid)) add(b.app, cpuSeconds(b.pid));
  }
  for (const [name, used] of Object.entries(byApp)) cores[name] = round(used / seconds, 2);
  return cores;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** SQL literals of one stored row, as PostgreSQL prints each value (pg's parsers switched off). */
async function sampleRow(sql: Client, table: string, where: string): Promise<Record<string, string | null>> {
  const { rows } = await sql.query({ text: `SELECT * FROM ${table} WHERE ${where} LIMIT 1`, types: { getTypeParser: () => (value: string) => value } });
  if (!rows[0]) throw new Error(`no row in ${table} to copy`);
  return rows[0] as Record<string, string | null>;
}

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/**
 * The statement intake runs for one referral (ReferralRepository.create with an Idempotency-Key and the audit), with
 * values copied from intake's own rows. The referral id and the key differ per run: they are md5 of the random number
 * `:r` (a pgbench variable; the floor server passes it as a parameter), computed in the statement.
 */
export async function referralStatement(env: BenchEnvironment): Promise<string> {
  const sql = new Client({ connectionString: env.databaseUrl });
  await sql.connect();
  const referral = await sampleRow(sql, 'central.referrals', 'true');
  const idempotency = await sampleRow(sql, 'central.idempotency_keys', "state = 'completed'");
  const audit = await sampleRow(sql, 'central.audit_events', "action = 'referral.create'");
  await sql.end();

  const id = 'md5(:r::text)::uuid';
  const valueOf = (parameter: string): string => {
    const [part, field] = parameter.split('.');
    if (parameter === 'referencePrefix') return literal('RH-B-');
    if (parameter === 'referral.id') return id;
    if (part === 'referral') return literal(referral[field]);
    if (parameter === 'outbox.topic') return literal('deliver');
    if (parameter === 'outbox.jobId') return `'deliver-' || ${id}`;
    if (parameter === 'outbox.payload') return `jsonb_build_object('referralId', ${id})`;
    if (parameter === 'audit.subject_id') return `${id}::text`;
    // The benchmark's referral raises no children's services prompt.
    if (parameter === 'prompt.id') return 'NULL';
    if (part === 'audit') return literal(audit[field]);
    if (parameter === 'key.key') return "md5('k' || :r)";
    if (parameter === 'key.scope') return literal(idempotency.scope);
    if (parameter === 'key.requestHash') return literal(idempotency.request_hash);
    if (parameter === 'key.ttlHours') return '48';
    if (parameter === 'key.status') return '201';
    // As PostgreSQL prints jsonb ("key": value, with a space): pgbench would read ":value" as a variable.
    if (parameter === 'key.answer') return `${literal(idempotency.response_body)}::jsonb - 'reference'`;
    throw new Error(`no value for ${parameter}`);
  };
  const statement = creationParameters(true, true);
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `(${valueOf(statement.parameters[Number(n) - 1])})`).replace(/\s+/g, ' ');
}

/** pgbench running `statement` (prepared, as intake prepares it) at intake's concurrency. */
function pgbench(env: BenchEnvironment, statement: string): IntakeFigures['pgbench'] {
  const script = ['\\set r random(1, 9000000000000000000)', `${statement};`].join('\n');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rh-pgbench-'));
  try {
    const file = path.join(dir, 'referral.sql');
    writeFileSync(file, `${script}\n`);
    const threads = Math.max(1, os.cpus().length);
    const output = execFileSync(
      'pgbench',
      [
        '-n',
        '-M',
        'prepared',
        '-c',
        String(CONNECTIONS),
        '-j',
        String(threads),
        '-T',
        String(SECONDS),
        '-l',
        '--log-prefix',
        path.join(dir, 'tx'),
        '-f',
        file,
        env.databaseUrl,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
    const average = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
    // Per-transaction log lines: client, transaction, latency (µs), script, epoch seconds, µs.
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('tx'))
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    if (!Number.isFinite(tps)) throw new Error(`pgbench gave no tps:\n${output}`);
    return {
      transactionsPerSecond: round(tps),
      latencyMs: { average, p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2) },
      clients: CONNECTIONS,
      threads,
      script,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor (`lib/floor-server.ts`, as many processes as intake's workers) under the same load as intake. */
async function floor(env: BenchEnvironment, statement: string): Promise<autocannon.Result> {
  const server = await startFloor(env, statement, 2);
  try {
    const load = await referralLoad(server.url, CONNECTIONS);
    await load(WARM_UP_SECONDS);
    return await load(SECONDS);
  } finally {
    server.stop();
  }
}

/**
 * Starts the floor server on a free port with `workers` processes, running `statement` (`referralStatement`) with
 * `:r` as its one parameter; `pid` is its first process (the workers' parent).
 */
export async function startFloor(
  env: BenchEnvironment,
  statement: string,
  workers: number,
): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rh-floor-'));
  const file = path.join(dir, 'statement.sql');
  writeFileSync(file, statement.replace(/:r\b/g, '$1::text'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'lib', 'floor-server.js')], {
    env: { ...process.env, DATABASE_URL: env.databaseUrl, PORT: String(port), FLOOR_STATEMENT: file, FLOOR_WORKERS: String(workers) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const answered = await fetch(`${url}/v1/referrals`, { method: 'POST', body: '{}' }).then(
      (r) => r.status === 201,
      () => false,
    );
    if (answered) break;
    if (tries > 100) {
      stop();
      throw new Error('the floor server did not answer');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid, stop };
}
