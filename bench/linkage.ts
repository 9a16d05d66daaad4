import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_LINKAGE_CONFIG, explainPair, linkRecords, LinkageRecord, LinkageResult, PersonIndex } from '@app/matching';
import { generatePopulation } from '@app/synth';
import { BenchmarkDataset, GENERATORS, readFake1000, readFebrl, readHistorical50k } from './lib/datasets';
import { batchReviewLoad, batchReviewLoadBothRecords, pairwiseScores, PairwiseScores, percentile, settledByReviewers } from './lib/metrics';
import { commandLine, wholeNumber } from '../scripts/command-line';
import { known } from './lib/lookup';

// npm run bench:linkage [-- --data DIR] [--only febrl3,fake_1000,synthetic,casework,...] [--seeds 42,7,...] [--misses N]
// Accuracy of the one linkage configuration on every data set, both synthetic generators at several seeds, plus
// incremental latency against 100,000 persons.

const SYNTH_SEED = 42;
/** Seeds every generator is drawn with unless --seeds says otherwise: one draw can flatter the engine. */
const DEFAULT_SEEDS = [42, 7, 123];
const SYNTH_PERSONS = 5000;
const INDEX_PERSONS = 100_000;
const INDEX_QUERIES = 1000;

const DATASETS: Record<string, (dir: string) => BenchmarkDataset> = {
  febrl1: (dir) => readFebrl(dir, 'febrl1'),
  febrl2: (dir) => readFebrl(dir, 'febrl2'),
  febrl3: (dir) => readFebrl(dir, 'febrl3'),
  fake_1000: readFake1000,
  historical_50k: readHistorical50k,
};

const generate = (name: string, seed: number, persons: number): BenchmarkDataset => GENERATORS[name](seed, persons);

interface AccuracyResult extends PairwiseScores {
  readonly dataset: string;
  readonly records: number;
  readonly comparedPairs: number;
  readonly reviewPairs: number;
  /**
   * Share of records with an open review (a possible match, a held-back link, or a link to confirm), each review
   * counted on the record that arrives second of its pair, as the running system raises it.
   */
  readonly reviewLoad: number;
  /** The same counting both records of every review pair (how the review load was reported until 6 December 2026). */
  readonly reviewLoadBothRecords: number;
  /**
   * The scores once reviewers settle every open review rightly (`settledByReviewers`): what the review queue is
   * worth, not what the engine decides alone.
   */
  readonly afterReview: Pick<PairwiseScores, 'precision' | 'recall' | 'f1' | 'predictedEntities' | 'entityCountError'>;
  readonly seconds: number;
  /**
   * CPU seconds this process spent linking (user and system): on a shared machine wall time includes waiting
   * for a core, which this does not.
   */
  readonly cpuSeconds: number;
  /** 1-minute load average when linking started and when it ended. */
  readonly loadAverage: readonly [number, number];
}

function accuracy(dataset: BenchmarkDataset, misses: number): AccuracyResult {
  const loadBefore = loadavg()[0];
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const result = linkRecords(dataset.records);
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loadAverage: [number, number] = [round2(loadBefore), round2(loadavg()[0])];
  if (misses > 0) printMisses(dataset, result, misses);
  const predicted = new Map(result.links.map((l) => [l.recordId, l.personId]));
  const recordIds = dataset.records.map((r) => r.recordId);
  const settled = pairwiseScores(settledByReviewers(predicted, result, dataset.truth, recordIds), dataset.truth);
  return {
    dataset: dataset.name,
    records: dataset.records.length,
    comparedPairs: result.comparedPairs,
    reviewPairs: result.reviews.length,
    reviewLoad: batchReviewLoad(result, recordIds),
    reviewLoadBothRecords: batchReviewLoadBothRecords(result, dataset.records.length),
    afterReview: {
      precision: settled.precision,
      recall: settled.recall,
      f1: settled.f1,
      predictedEntities: settled.predictedEntities,
      entityCountError: settled.entityCountError,
    },
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loadAverage,
    ...pairwiseScores(predicted, dataset.truth),
  };
}

/**
 * The pairs the linkage got wrong, with the explanation a reviewer would see: true pairs left apart and false
 * pairs put together (a sample of each, so tuning starts from evidence rather than guesses).
 */
function printMisses(dataset: BenchmarkDataset, result: LinkageResult, limit: number): void {
  const byId = new Map(dataset.records.map((r) => [r.recordId, r]));
  const predicted = new Map(result.links.map((l) => [l.recordId, l.personId]));
  const groups = (of: (id: string) => string | undefined): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const id of dataset.truth.keys()) {
      const key = of(id);
      if (key === undefined) continue;
      const list = out.get(key) ?? [];
      list.push(id);
      out.set(key, list);
    }
    return out;
  };
  const missed: [string, string][] = [];
  const wrong: [string, string][] = [];
  for (const ids of groups((id) => dataset.truth.get(id)).values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (predicted.get(ids[i]) !== predicted.get(ids[j])) missed.push([ids[i], ids[j]]);
  }
  for (const ids of groups((id) => predicted.get(id)).values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (dataset.truth.get(ids[i]) !== dataset.truth.get(ids[j])) wrong.push([ids[i], ids[j]]);
  }
  const others = dataset.records.length - 1;
  const show = (title: string, pairs: [string, string][]): void => {
    process.stderr.write(`\n${dataset.name}: ${pairs.length} ${title}\n`);
    for (const [a, b] of pairs.slice(0, limit)) {
      const ra = known(byId, a);
      const rb = known(byId, b);
      const e = explainPair(ra, rb, result.model, others, undefined, { leaveOut: 1 });
      const brief = (r: LinkageRecord): string =>
        [
          r.recordId,
          r.firstName,
          r.middleNames,
          r.lastName,
          r.aliases?.join('/'),
          `${r.dateOfBirth ?? ''}${r.dobEstimated ? '~' : ''}`,
          r.sex,
          r.nationality,
          r.nhsNumber,
          r.otherId,
          r.postcode,
        ]
          .map((v) => v ?? '·')
          .join(' | ');
      process.stderr.write(`  ${brief(ra)}\n  ${brief(rb)}\n`);
      if (!e) continue;
      const fields = e.fields.filter((f) => f.level !== 'missing').map((f) => `${f.comparison}=${f.level}(${f.weight})`);
      process.stderr.write(`    p=${e.probability.toFixed(3)} ${e.decision} ${e.rules.join('; ')} prior=${e.priorWeight} ${fields.join(' ')}\n`);
    }
  };
  show('true pairs left apart', missed);
  show('false pairs put together', wrong);
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
  for (const r of indexed) index.add(r, known(population.truth, r.recordId));
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function fmt(x: number, digits = 4): string {
  return x.toFixed(digits);
}

function main(): void {
  const usage =
    'npm run bench:linkage -- [--data DIR] [--only febrl3,fake_1000,synthetic,casework,...] [--seeds 42,7,...] [--persons 5000] [--misses N] [--out FILE]';
  const values = commandLine(usage, {
    data: { type: 'string', default: process.env.LINKAGE_DATA_DIR ?? resolve(process.cwd(), 'bench/data/linkage') },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results/linkage.json' },
    misses: { type: 'string', default: '0' },
    // Further generator seeds, each linked as its own data set: how much the synthetic figures vary by draw.
    seeds: { type: 'string' },
    // How many people each generator draws: the engine learns its model from the data, so size matters too.
    persons: { type: 'string', default: String(SYNTH_PERSONS) },
  });
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const wanted = (name: string): boolean => !only || only.has(name);
  const results: AccuracyResult[] = [];
  for (const [name, read] of Object.entries(DATASETS)) {
    if (!wanted(name)) continue;
    process.stderr.write(`linking ${name}…\n`);
    results.push(accuracy(read(values.data), Number(values.misses)));
  }
  const persons = wholeNumber(usage, 'persons', values.persons);
  const seeds = values.seeds ? values.seeds.split(',').map((x) => Number(x.trim())) : DEFAULT_SEEDS;
  for (const name of Object.keys(GENERATORS)) {
    if (!wanted(name)) continue;
    for (const seed of seeds) {
      process.stderr.write(`linking ${name}@${seed}…\n`);
      results.push(accuracy(generate(name, seed, persons), Number(values.misses)));
    }
  }
  const latency = wanted('incremental') ? (process.stderr.write('incremental index…\n'), incrementalLatency()) : null;

  const header = [
    'dataset',
    'records',
    'pairs compared',
    'precision',
    'recall',
    'F1',
    'persons (true)',
    'persons (found)',
    'count error',
    'review load',
    'both records',
    'F1 / persons after review',
    'seconds',
    'cpu s',
    'load',
  ];
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
    `${(r.reviewLoad * 100).toFixed(1)}%`,
    `${(r.reviewLoadBothRecords * 100).toFixed(1)}%`,
    `${fmt(r.afterReview.f1)} / ${(r.afterReview.entityCountError * 100).toFixed(2)}%`,
    r.seconds.toFixed(1),
    r.cpuSeconds.toFixed(1),
    `${r.loadAverage[0].toFixed(1)}→${r.loadAverage[1].toFixed(1)}`,
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
    command:
      'npm run bench:linkage' +
      (values.only || values.seeds || persons !== SYNTH_PERSONS ? ' --' : '') +
      (values.only ? ` --only ${values.only}` : '') +
      (values.seeds ? ` --seeds ${values.seeds}` : '') +
      (persons !== SYNTH_PERSONS ? ` --persons ${persons}` : ''),
    config: DEFAULT_LINKAGE_CONFIG,
    generators: { names: Object.keys(GENERATORS), seeds, persons: SYNTH_PERSONS },
    accuracy: results,
    incremental: latency,
  };
  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`written ${values.out}\n`);
}

main();
