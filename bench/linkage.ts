import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LINKAGE_CONFIG, linkRecords, LinkageRecord, PersonIndex } from '@app/matching';
import { generatePopulation } from '@app/synth';
import { BenchmarkDataset, readFake1000, readFebrl, readHistorical50k } from './lib/datasets';
import { pairwiseScores, PairwiseScores, percentile } from './lib/metrics';

// npm run bench:linkage [-- --data DIR] [--only febrl3,fake_1000,...]
// Accuracy of the one linkage configuration on every data set, plus incremental latency against 100,000 persons.

const SYNTH_SEED = 42;
const SYNTH_PERSONS = 5000;
const INDEX_PERSONS = 100_000;
const INDEX_QUERIES = 1000;

const DATASETS: Record<string, (dir: string) => BenchmarkDataset> = {
  febrl1: (dir) => readFebrl(dir, 'febrl1'),
  febrl2: (dir) => readFebrl(dir, 'febrl2'),
  febrl3: (dir) => readFebrl(dir, 'febrl3'),
  fake_1000: readFake1000,
  historical_50k: readHistorical50k,
  synthetic: () => {
    const population = generatePopulation({ seed: SYNTH_SEED, persons: SYNTH_PERSONS });
    return { name: 'synthetic', records: population.records, truth: population.truth };
  },
};

interface AccuracyResult extends PairwiseScores {
  readonly dataset: string;
  readonly records: number;
  readonly comparedPairs: number;
  readonly reviewPairs: number;
  readonly seconds: number;
}

function accuracy(dataset: BenchmarkDataset): AccuracyResult {
  const started = process.hrtime.bigint();
  const result = linkRecords(dataset.records);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const predicted = new Map(result.links.map((l) => [l.recordId, l.personId]));
  return {
    dataset: dataset.name,
    records: dataset.records.length,
    comparedPairs: result.comparedPairs,
    reviewPairs: result.reviews.length,
    seconds,
    ...pairwiseScores(predicted, dataset.truth),
  };
}

interface LatencyResult {
  readonly persons: number;
  readonly indexedRecords: number;
  readonly queries: number;
  readonly buildSeconds: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanCandidates: number;
}

/**
 * The worker's path: a model learned once, an index of 100,000 synthetic persons, then single-record matches of
 * records held out of the index (new referrals of people who may or may not be there).
 */
function incrementalLatency(): LatencyResult {
  const population = generatePopulation({ seed: SYNTH_SEED + 1, persons: INDEX_PERSONS });
  const sample = population.records.slice(0, 5000);
  const { model } = linkRecords(sample);
  const queries: LinkageRecord[] = population.records.slice(0, INDEX_QUERIES);
  const indexed = population.records.slice(INDEX_QUERIES);
  const index = new PersonIndex(model, DEFAULT_LINKAGE_CONFIG);
  const buildStarted = process.hrtime.bigint();
  for (const r of indexed) index.add(r, population.truth.get(r.recordId)!);
  const buildSeconds = Number(process.hrtime.bigint() - buildStarted) / 1e9;
  for (const q of queries.slice(0, 50)) index.match(q);
  const times: number[] = [];
  let candidates = 0;
  for (const q of queries) {
    const t = process.hrtime.bigint();
    candidates += index.match(q).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    persons: index.personCount,
    indexedRecords: index.size,
    queries: times.length,
    buildSeconds,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    meanCandidates: candidates / times.length,
  };
}

function fmt(x: number, digits = 4): string {
  return x.toFixed(digits);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: resolve(process.cwd(), '../shared/data/linkage') },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench/results/linkage.json' },
    },
  });
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const wanted = (name: string): boolean => !only || only.has(name);
  const results: AccuracyResult[] = [];
  for (const [name, read] of Object.entries(DATASETS)) {
    if (!wanted(name)) continue;
    process.stderr.write(`linking ${name}…\n`);
    results.push(accuracy(read(values.data!)));
  }
  const latency = wanted('incremental') ? (process.stderr.write('incremental index…\n'), incrementalLatency()) : null;

  const header = ['dataset', 'records', 'pairs compared', 'precision', 'recall', 'F1', 'persons (true)', 'persons (found)', 'count error', 'seconds'];
  const rows = results.map((r) => [
    r.dataset,
    String(r.records),
    String(r.comparedPairs),
    fmt(r.precision),
    fmt(r.recall),
    fmt(r.f1),
    String(r.trueEntities),
    String(r.predictedEntities),
    `${(r.entityCountError * 100).toFixed(2)}%`,
    r.seconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  if (latency) {
    console.log(
      `\nincremental: ${latency.persons} persons (${latency.indexedRecords} records), ${latency.queries} matches: ` +
        `p50 ${fmt(latency.p50Ms, 2)} ms, p95 ${fmt(latency.p95Ms, 2)} ms, p99 ${fmt(latency.p99Ms, 2)} ms ` +
        `(index built in ${latency.buildSeconds.toFixed(1)} s)`,
    );
  }
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
    command: 'npm run bench:linkage' + (values.only ? ` -- --only ${values.only}` : ''),
    config: DEFAULT_LINKAGE_CONFIG,
    synthetic: { seed: SYNTH_SEED, persons: SYNTH_PERSONS },
    accuracy: results,
    incremental: latency,
  };
  mkdirSync(join(values.out!, '..'), { recursive: true });
  writeFileSync(values.out!, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`written ${values.out}\n`);
}

main();
