import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { CaseRecord, CaseSubject } from '@app/case-systems';
import { isIsoDate, type CaseSystem } from '@app/domain';
import { DEFAULT_LINKAGE_CONFIG, type LinkageRecord, linkRecords } from '@app/matching';
import { LinkingJobName, QueueName, type TrainJob } from '@app/queues';
import { toLinkageRecord } from '../apps/deduplicator/src/linking/linkage-record';
import { enterDirectly, type RunningMimic } from '../test/support/mimics';
import { subjectOf } from './dedup';
import { GENERATORS } from './lib/datasets';
import { type BenchEnvironment, type EnvironmentOptions, machine, withEnvironment } from './lib/environment';
import { batchReviewLoad, pairwiseScores, type PairwiseScores, reviewLoad } from './lib/metrics';
import { commandLine } from '../scripts/command-line';
import { known } from './lib/lookup';

/**
 * `npm run bench:pipeline-linkage [-- --generators synthetic,casework] [--seeds 42,7] [--persons 2000] [--rate 20] [--lanes 4]`:
 * the queue path's accuracy beside the batch path's on the same records. Each generator's records are typed into
 * the AIS and LCS mimics (compiled apps, as child processes) in referral-date order, as practitioners would, while
 * the deduplicator runs and links them from the change feeds (learning its model and realigning as the index
 * grows); once every record is linked and linking has gone quiet with no realignment left to run, the person index
 * is read and scored exactly as
 * `npm run bench:linkage` scores the batch linker, and the batch linker (`linkRecords`, as `npm run link`) is run
 * on the same records as stored. Written to bench/results/pipeline-linkage.json.
 *
 * Its own database, ports and queue prefix: BENCH_DATABASE_PREFIX (default rh_bench), BENCH_PORT_BASE (AIS there,
 * LCS +1, the deduplicator's metrics +2, Redis +3; default free ports), QUEUE_PREFIX (default a random one).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_SEEDS = [42, 7];
const DEFAULT_PERSONS = 2000;
/** Records typed a second: with a poll every FEED_POLL_MS, each poll finds a record or two, as in daily use. */
const DEFAULT_RATE = 20;
/** Practitioners typing at once: records of one day arrive a little out of order, as they do. */
const DEFAULT_LANES = 4;
const FEED_POLL_MS = 100;
const WAIT_LIMIT_MS = 900_000;
/** The targets: the pipeline's F1 at most this far below the batch linker's, its person-count error this close. */
const TARGET_F1 = 0.01;
const TARGET_COUNT_POINTS = 0.5;

type Scores = Pick<PairwiseScores, 'precision' | 'recall' | 'f1' | 'trueEntities' | 'predictedEntities' | 'entityCountError'> & { reviewLoad: number };

export interface PipelineDataset {
  dataset: string;
  /** Named records typed (anonymous notifications are never persons and are left out of both paths). */
  records: number;
  persons: number;
  typingSeconds: number;
  /** Typing's start → every record linked and no realignment left to run. */
  linkedSeconds: number;
  pipeline: Scores;
  batch: Scores;
  /** pipeline − batch: F1, and the person-count error in percentage points. */
  difference: { f1: number; countErrorPoints: number; reviewLoadPoints: number };
  /** The pipeline's persons scored against the batch linker's. */
  agreement: Pick<PairwiseScores, 'precision' | 'recall' | 'f1'>;
  /** Fields the case systems refused and the practitioner left blank, by field. */
  blanked: Record<string, number>;
  /**
   * What the deduplicator did: model generations learned (records each was learned from), records a new model
   * moved (joined or undone), decisions by status.
   */
  deduplicator: { modelsLearned: number[]; movedByNewModel: number; statuses: Record<string, number> };
  met: boolean;
  loadAverage: { before: number; after: number };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round2 = (n: number) => Math.round(n * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function scores(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>, load: number): Scores {
  const s = pairwiseScores(predicted, truth);
  return {
    precision: round4(s.precision),
    recall: round4(s.recall),
    f1: round4(s.f1),
    trueEntities: s.trueEntities,
    predictedEntities: s.predictedEntities,
    entityCountError: round4(s.entityCountError),
    reviewLoad: round4(load),
  };
}

/**
 * One record typed as a practitioner would: a field the case system refuses (a date of birth in the future, an NHS
 * number that fails its check) is left blank and the record saved without it. `refused` counts the fields blanked.
 */
async function typeOne(mimic: RunningMimic, subject: Partial<CaseSubject>, referralDate: string | undefined, refused: Map<string, number>): Promise<string> {
  try {
    return await enterDirectly(mimic, { subject, referralDate });
  } catch (error) {
    const answer = error instanceof Error ? /answered 400: (.*)$/s.exec(error.message) : null;
    if (!answer) throw error;
    // LCS answers { error: { details: [{ field }] } }, AIS { ValidationErrors: [{ Field }] }.
    const body = JSON.parse(answer[1]) as { error?: { details?: Array<{ field: string }> }; ValidationErrors?: Array<{ Field: string }> };
    const fields = [...(body.error?.details ?? []).map((d) => d.field), ...(body.ValidationErrors ?? []).map((d) => d.Field)].map((f) => f.toLowerCase());
    const blanked = Object.keys(subject).filter((k) => fields.some((f) => f.endsWith(k.toLowerCase()))) as Array<keyof CaseSubject>;
    if (!blanked.length) throw error;
    for (const k of blanked) refused.set(k, (refused.get(k) ?? 0) + 1);
    return enterDirectly(mimic, { subject: { ...subject, ...Object.fromEntries(blanked.map((k) => [k, k === 'aliases' ? [] : null])) }, referralDate });
  }
}

/**
 * Types the records at up to `rate` a second in the order given, `lanes` practitioners at once (each takes the next
 * record when done with one); answers the case-system keys, in that order.
 */
async function typeRecords(
  records: readonly LinkageRecord[],
  rate: number,
  lanes: number,
  mimic: (system: CaseSystem) => RunningMimic,
  refused: Map<string, number>,
): Promise<string[]> {
  const keys: string[] = new Array<string>(records.length);
  const started = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < records.length) {
      const i = next++;
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const r = records[i];
      const system: CaseSystem = r.sourceSystem === 'LCS' ? 'LCS' : 'AIS';
      const id = await typeOne(mimic(system), subjectOf(r), isIsoDate(r.referralDate) ? r.referralDate : undefined, refused);
      keys[i] = `${system}:${id}`;
      if ((i + 1) % 500 === 0) console.log(`[bench] ${i + 1} of ${records.length} typed`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return keys;
}

async function runDataset(
  env: BenchEnvironment,
  name: string,
  seed: number,
  options: { persons: number; rate: number; lanes: number },
): Promise<Omit<PipelineDataset, 'loadAverage'>> {
  const { persons, rate, lanes } = options;
  const generated = GENERATORS[name](seed, persons);
  // In referral-date order, as a case system's history is typed in (records of one day in the generator's order).
  const named = generated.records
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !r.anonymous)
    .sort((x, y) => (x.r.referralDate ?? '').localeCompare(y.r.referralDate ?? '') || x.i - y.i)
    .map(({ r }) => r);
  const settings = { FEED_POLL_MS };
  const system = await env.system(['ais', 'lcs', 'deduplicator'], settings);
  const mimic = (s: CaseSystem) => ({ system: s, url: system.app(s === 'AIS' ? 'ais' : 'lcs').url }) as RunningMimic;
  const sql = new Client({ connectionString: env.databaseUrl });
  await sql.connect();
  const queue = new Queue(QueueName.Linking, { connection: { url: env.redisUrl }, prefix: system.queuePrefix });
  try {
    const started = Date.now();
    const refused = new Map<string, number>();
    const keys = await typeRecords(named, rate, lanes, mimic, refused);
    const typingSeconds = (Date.now() - started) / 1000;
    console.log(`[bench] ${generated.name}: ${named.length} records typed in ${typingSeconds.toFixed(1)} s`);
    const truth = new Map(keys.map((key, i) => [key, known(generated.truth, named[i].recordId)]));

    // Everything processed: every record linked, no change waiting, every realignment step the index's growth
    // called for taken (learning a model where it doubled), and the realignment once linking went quiet done.
    const count = async (query: string) => Number((await sql.query<{ n: string }>(query)).rows[0].n);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    let linkedBefore = 0;
    let lastLinkedAt = Date.now();
    for (;;) {
      const linked = await count(
        `SELECT count(*) AS n FROM central.record_links l JOIN central.case_records c USING (system, record_id) WHERE NOT c.anonymous`,
      );
      const waiting = await count(`SELECT count(*) AS n FROM central.feed_changes WHERE processed_at IS NULL`);
      // A step's job, or the realignment once linking goes quiet (queued by the last links, due a few seconds
      // after them), still to run; a step already covered by an earlier one's realignment is never queued.
      const quiet = linked >= named.length && waiting === 0 && Date.now() - lastLinkedAt > QUIET_MS;
      const pending = quiet
        ? (await queue.getJobs(['delayed', 'waiting', 'active'])).filter(
            (j) => j.name === LinkingJobName.Train && ((j.data as TrainJob).idle === true || (j.data as TrainJob).step !== undefined),
          ).length
        : 1;
      if (pending === 0) break;
      if (linked > linkedBefore) {
        linkedBefore = linked;
        lastLinkedAt = Date.now();
      }
      if (Date.now() > deadline)
        throw new Error(`not done within ${WAIT_LIMIT_MS / 1000} s: ${linked} linked, ${waiting} changes waiting, ${pending} realignments to run`);
      await sleep(500);
    }
    const linkedSeconds = (Date.now() - started) / 1000;

    const { rows } = await sql.query<{ system: string; record_id: string; record: CaseRecord; person_id: string; match_status: string }>(
      `SELECT c.system, c.record_id, c.record, l.person_id, l.match_status FROM central.case_records c
         JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id WHERE NOT c.anonymous`,
    );
    const position = new Map(keys.map((k, i) => [k, i]));
    rows.sort((a, b) => known(position, `${a.system}:${a.record_id}`) - known(position, `${b.system}:${b.record_id}`));
    const predicted = new Map(rows.map((r) => [`${r.system}:${r.record_id}`, r.person_id]));
    const reviewed = await sql.query<{ key: string }>(`SELECT DISTINCT system || ':' || record_id AS key FROM central.review_items WHERE status = 'open'`);
    const pipeline = scores(
      predicted,
      truth,
      reviewLoad(
        reviewed.rows.map((r) => r.key),
        named.length,
      ),
    );

    // The batch linker on the same records, as the deduplicator stored them (what the case systems hold).
    const batchInput = rows.map((r) => toLinkageRecord(r.record));
    const batchResult = linkRecords(batchInput);
    const batchLinks = new Map(batchResult.links.map((l) => [l.recordId, l.personId]));
    const batch = scores(
      batchLinks,
      truth,
      batchReviewLoad(
        batchResult,
        batchInput.map((r) => r.recordId),
      ),
    );
    const agreement = pairwiseScores(predicted, batchLinks);

    const models = await sql.query<{ record_count: number }>(`SELECT record_count FROM central.linkage_models ORDER BY id`);
    const moved = await count(`SELECT count(*) AS n FROM central.link_history WHERE reason LIKE 'model_relearned%' OR reason LIKE 'index_realigned%'`);
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.match_status] = (statuses[r.match_status] ?? 0) + 1;
    const difference = {
      f1: round4(pipeline.f1 - batch.f1),
      countErrorPoints: round2((pipeline.entityCountError - batch.entityCountError) * 100),
      reviewLoadPoints: round2((pipeline.reviewLoad - batch.reviewLoad) * 100),
    };
    return {
      dataset: generated.name,
      records: named.length,
      persons: new Set(truth.values()).size,
      typingSeconds: round2(typingSeconds),
      blanked: Object.fromEntries(refused),
      linkedSeconds: round2(linkedSeconds),
      pipeline,
      batch,
      difference,
      agreement: { precision: round4(agreement.precision), recall: round4(agreement.recall), f1: round4(agreement.f1) },
      deduplicator: { modelsLearned: models.rows.map((m) => m.record_count), movedByNewModel: moved, statuses },
      met: difference.f1 >= -TARGET_F1 && Math.abs(difference.countErrorPoints) <= TARGET_COUNT_POINTS,
    };
  } finally {
    await queue.close();
    await sql.end();
  }
}

function environmentOptions(): EnvironmentOptions {
  const base = process.env.BENCH_PORT_BASE ? Number(process.env.BENCH_PORT_BASE) : undefined;
  return {
    databasePrefix: process.env.BENCH_DATABASE_PREFIX,
    queuePrefix: process.env.QUEUE_PREFIX,
    ports: base ? { ais: base, lcs: base + 1, deduplicator: base + 2, redis: base + 3 } : undefined,
  };
}

/** Longer than the deduplicator's wait for a quiet spell before it realigns (REALIGN_IDLE_MS, 3 s). */
const QUIET_MS = 5000;

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  const values = commandLine(
    'npm run bench:pipeline-linkage -- [--generators synthetic,casework] [--seeds 42,7] [--persons 2000] [--rate 20] [--lanes 4] [--out FILE]',
    {
      generators: { type: 'string', default: Object.keys(GENERATORS).join(',') },
      seeds: { type: 'string', default: DEFAULT_SEEDS.join(',') },
      persons: { type: 'string', default: String(DEFAULT_PERSONS) },
      rate: { type: 'string', default: String(DEFAULT_RATE) },
      lanes: { type: 'string', default: String(DEFAULT_LANES) },
      out: { type: 'string', default: path.join(ROOT, 'bench', 'results', 'pipeline-linkage.json') },
    },
  );
  const generators = values.generators.split(',').map((s) => s.trim());
  for (const g of generators) if (!(g in GENERATORS)) throw new Error(`unknown generator ${g}; choose from ${Object.keys(GENERATORS).join(', ')}`);
  const seeds = values.seeds.split(',').map((s) => Number(s.trim()));
  const persons = Number(values.persons);
  const rate = Number(values.rate);
  const lanes = Number(values.lanes);
  const results: PipelineDataset[] = [];
  for (const name of generators) {
    for (const seed of seeds) {
      console.log(`[bench] ${name}@${seed}`);
      const before = os.loadavg()[0];
      const figures = await withEnvironment((env) => runDataset(env, name, seed, { persons, rate, lanes }), environmentOptions());
      const result = { ...figures, loadAverage: { before: round2(before), after: round2(os.loadavg()[0]) } };
      results.push(result);
      const p = result.pipeline;
      const b = result.batch;
      console.log(
        `[bench] ${result.dataset}: pipeline F1 ${p.f1} (P ${p.precision}, R ${p.recall}), persons ${percent(p.entityCountError)}, review ${percent(p.reviewLoad)}; ` +
          `batch F1 ${b.f1} (P ${b.precision}, R ${b.recall}), persons ${percent(b.entityCountError)}, review ${percent(b.reviewLoad)}; ` +
          `difference F1 ${result.difference.f1}, persons ${result.difference.countErrorPoints} points: ${result.met ? 'met' : 'NOT met'}`,
      );
    }
  }
  const args = process.argv.slice(2);
  const report = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench:pipeline-linkage${args.length ? ` -- ${args.join(' ')}` : ''}`,
    machine: machine(),
    settings: { persons, ratePerSecond: rate, lanes, FEED_POLL_MS, config: 'DEFAULT_LINKAGE_CONFIG', thresholds: DEFAULT_LINKAGE_CONFIG.thresholds },
    target: {
      f1AtMostBelowBatch: TARGET_F1,
      countErrorPointsOfBatch: TARGET_COUNT_POINTS,
      met: results.every((r) => r.met),
      reviewLoad:
        "the pipeline counts each record with an open review; the batch linker's pairs are record to record, so both of a pair's records count there (bench:linkage's measure)",
    },
    datasets: results,
  };
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] written to ${path.relative(process.cwd(), values.out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
