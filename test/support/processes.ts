import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from './redis-server';

/**
 * The compiled apps (`npm run build` → dist/) run as child processes, so that a test can kill one with SIGKILL,
 * stop it with SIGTERM, and start it again, as an orchestrator would. RH_DIST points at another build (the fault
 * suite runs from a snapshot of dist/, so a build started elsewhere in the checkout cannot pull it away).
 */
export type AppName = 'intake' | 'router' | 'deduplicator' | 'ais' | 'lcs' | 'insights';

const ROOT = path.resolve(__dirname, '..', '..');
const PORT_SETTING: Record<AppName, string> = {
  intake: 'INTAKE_PORT',
  ais: 'AIS_PORT',
  lcs: 'LCS_PORT',
  insights: 'INSIGHTS_PORT',
  router: 'ROUTER_METRICS_PORT',
  deduplicator: 'DEDUPLICATOR_METRICS_PORT',
};
const WORKERS: readonly AppName[] = ['router', 'deduplicator'];
/** Lines of output kept per process, shown when it does not start. */
const KEPT_LINES = 200;

export function distDirectory(): string {
  if (process.env.RH_DIST) return process.env.RH_DIST;
  // Compiled itself (benchmarks run dist/test/support/processes.js): ROOT is then the build.
  return existsSync(path.join(ROOT, 'apps', 'intake', 'src', 'main.js')) ? ROOT : path.join(ROOT, 'dist');
}

function entryOf(name: AppName): string {
  const entry = path.join(distDirectory(), 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  return entry;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One compiled app as a child process, on a port of its own (workers: their metrics port). */
export class AppProcess {
  private child?: ChildProcess;
  private exited?: Promise<Exit>;
  private readonly output: string[] = [];

  constructor(
    readonly name: AppName,
    readonly port: number,
    private env: Record<string, string>,
    /** Drop the process's output instead of keeping its last lines (benchmarks: logging at full rate). */
    private readonly discardOutput = false,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the process wrote (for a failure message). */
  get recentOutput(): string {
    return this.output.join('');
  }

  /** Changes settings for the next start (e.g. a mimic made slow). */
  configure(settings: Record<string, string | number>): void {
    this.env = { ...this.env, ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) };
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    // RH_APP_LOG_DIR: each app's output appended to <dir>/<app>.log instead (e.g. to read a benchmark's logs).
    const logDir = process.env.RH_APP_LOG_DIR;
    const output = logDir ? openSync(path.join(logDir, `${this.name}.log`), 'a') : this.discardOutput ? 'ignore' : 'pipe';
    // RH_NODE_ARGS: extra Node flags for the apps, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a bench.
    const nodeArgs = (process.env.RH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, entryOf(this.name)], { env: this.env, stdio: ['ignore', output, output] });
    this.child = child;
    if (typeof output === 'number') closeSync(output);
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > KEPT_LINES) this.output.splice(0, this.output.length - KEPT_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    await this.waitUntilServing();
  }

  /** Until the app answers: HTTP apps on /health/live, workers on /metrics (served once their workers run). */
  private async waitUntilServing(timeoutMs = 30_000): Promise<void> {
    const probe = WORKERS.includes(this.name) ? '/metrics' : '/health/live';
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.recentOutput}`);
      try {
        const res = await fetch(`${this.url}${probe}`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.name} did not start within ${timeoutMs} ms:\n${this.recentOutput}`);
  }

  /** Sends a signal and answers how the process ended. SIGKILL is a crash: nothing in the process runs after it. */
  async signal(signal: NodeJS.Signals, timeoutMs = 30_000): Promise<Exit> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) throw new Error(`${this.name} was never started`);
    if (this.running) child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} did not exit within ${timeoutMs} ms of ${signal}`)), timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): Promise<Exit> {
    return this.signal('SIGKILL');
  }

  /** Graceful stop; falls back to SIGKILL so a test never leaves a process behind. */
  async stop(): Promise<void> {
    if (!this.running) return;
    try {
      await this.signal('SIGTERM', 15_000);
    } catch {
      await this.kill();
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export interface SystemOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Settings for every app (each validated at boot, libs/config/src/environment.ts). */
  env?: Record<string, string | number>;
  /** Settings for one app only, e.g. a mimic's MIMIC_LATENCY_MS. */
  perApp?: Partial<Record<AppName, Record<string, string | number>>>;
  /** Drop every app's output (see AppProcess). */
  discardOutput?: boolean;
  /** Fixed ports for some apps (workers: their metrics port); the others take free ones. */
  ports?: Partial<Record<AppName, number>>;
}

/**
 * Referral Hub as `npm start` runs it, but on free ports, one database and one Redis of the test's own, and a
 * queue prefix of its own. Apps start in dependency order: case systems, intake, then the workers.
 */
export class TestSystem {
  private constructor(
    readonly apps: Map<AppName, AppProcess>,
    readonly queuePrefix: string,
  ) {}

  static async create(names: readonly AppName[], options: SystemOptions): Promise<TestSystem> {
    const ports = new Map<AppName, number>();
    for (const name of ['intake', 'router', 'deduplicator', 'ais', 'lcs', 'insights'] as const) ports.set(name, options.ports?.[name] ?? (await freePort()));
    const queuePrefix = options.env?.QUEUE_PREFIX !== undefined ? String(options.env.QUEUE_PREFIX) : `rhf${randomBytes(4).toString('hex')}`;
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      AUTH_MODE: 'development',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      OUTBOX_SWEEP_MS: '200',
      FEED_POLL_MS: '200',
      // Reconciliation sweeps are tested on their own; here an hourly sweep keeps their jobs out of the queue
      // states the scenarios watch (a sweep active at the wrong moment reads as the delivery in flight).
      RECONCILE_EVERY_MS: '3600000',
      THROTTLE_LIMIT: '1000000',
      AIS_URL: `http://127.0.0.1:${String(ports.get('ais'))}`,
      LCS_URL: `http://127.0.0.1:${String(ports.get('lcs'))}`,
      ...Object.fromEntries([...ports].map(([name, port]) => [PORT_SETTING[name], String(port)])),
      ...Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, String(v)])),
    };
    const apps = new Map<AppName, AppProcess>();
    for (const name of names) {
      const own = Object.fromEntries(Object.entries(options.perApp?.[name] ?? {}).map(([k, v]) => [k, String(v)]));
      apps.set(name, new AppProcess(name, ports.get(name)!, { ...base, ...own }, options.discardOutput));
    }
    return new TestSystem(apps, queuePrefix);
  }

  app(name: AppName): AppProcess {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not part of this system`);
    return app;
  }

  async start(): Promise<void> {
    const order: AppName[] = ['ais', 'lcs', 'intake', 'insights', 'router', 'deduplicator'];
    for (const name of order) if (this.apps.has(name)) await this.app(name).start();
  }

  /** Stops every app (workers first), gracefully where it can. */
  async stop(): Promise<void> {
    const order: AppName[] = ['deduplicator', 'router', 'insights', 'intake', 'lcs', 'ais'];
    for (const name of order) await this.apps.get(name)?.stop();
  }
}
