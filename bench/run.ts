import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usageError } from '../scripts/command-line';
import { benchDeduplicator } from './dedup';
import { benchEndToEnd } from './e2e';
import { benchIntake } from './intake';
import { type BenchEnvironment, machine, withEnvironment } from './lib/environment';

/**
 * `npm run bench [-- intake|e2e|dedup ...]`: the system's figures beside the machine's own limit, written to
 * bench/results.json (each run replaces the sections it measured). Every benchmark runs the compiled apps as
 * child processes against a fresh database on the local PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432) and a
 * redis-server of its own (append-only, fsync every second, as deployed).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

export type { BenchEnvironment } from './lib/environment';

const round2 = (n: number) => Math.round(n * 100) / 100;

const BENCHES: Record<string, (env: BenchEnvironment) => Promise<object>> = {
  intake: benchIntake,
  e2e: benchEndToEnd,
  dedup: benchDeduplicator,
};

async function main(): Promise<void> {
  const usage = `npm run bench [-- ${Object.keys(BENCHES).join('|')} ...]`;
  const asked = process.argv.slice(2);
  if (asked.includes('--help') || asked.includes('-h')) {
    console.log(`usage: ${usage}`);
    return;
  }
  const unknown = asked.filter((a) => !(a in BENCHES));
  if (unknown.length) usageError(usage, `unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  const names = asked.length ? asked : Object.keys(BENCHES);
  const stored: unknown = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
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
