import { Client } from 'pg';
import type { CaseSubject } from '@app/case-systems';
import { toAlpha3 } from '@app/countries';
import { isIsoDate, type CaseSystem } from '@app/domain';
import type { CaseRecord } from '@app/case-systems';
import { type LinkageRecord, linkRecords } from '@app/matching';
import { generatePopulation } from '@app/synth';
import { toLinkageRecord } from '../apps/deduplicator/src/linking/linkage-record';
import { enterDirectly, RunningMimic } from '../test/support/mimics';
import { pairwiseScores, type PairwiseScores, percentile } from './lib/metrics';
import type { BenchEnvironment } from './run';
import { countOf, known } from './lib/lookup';

/**
 * The backlog: 50,000 named AIS and LCS records (about 1.27 a person in the synthetic population).
 * BENCH_DEDUP_RECORDS sets a smaller one for a quick check of the benchmark itself.
 */
const RECORDS = Number(process.env.BENCH_DEDUP_RECORDS ?? 50_000);
const PERSONS = Math.ceil(RECORDS * 0.8) + 200;
const INCREMENTAL = 40;
const FEED_POLL_MS = 100;
const TARGET_SECONDS = 180;

type Accuracy = Pick<PairwiseScores, 'precision' | 'recall' | 'f1' | 'trueEntities' | 'predictedEntities'>;

export interface DeduplicatorFigures {
  records: number;
  persons: number;
  /** Records linked per second from a cold start (index empty, every record waiting in the change feeds). */
  recordsPerSecond: number;
  backlogSeconds: number;
  target: { backlogSecondsAtMost: number; met: boolean; accuracy: string };
  /**
   * Pairwise against the synthetic truth: the deduplicator's persons, and `npm run link`'s (linkRecords, learning
   * its model) on the same records as the deduplicator stored them; `agreement` scores one against the other.
   */
  accuracy: { deduplicator: Accuracy; npmRunLink: Accuracy; agreement: Pick<PairwiseScores, 'precision' | 'recall' | 'f1'> };
  /** One record entered in a case system → linked, with the index holding every record above. */
  incrementalLatencyMs: { p50: number; p95: number; max: number; samples: number };
  enteringSeconds: number;
  settings: Record<string, string | number>;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const brief = (s: PairwiseScores): Accuracy => ({
  precision: round4(s.precision),
  recall: round4(s.recall),
  f1: round4(s.f1),
  trueEntities: s.trueEntities,
  predictedEntities: s.predictedEntities,
});

/** What a practitioner types into a case system for one generated record. */
export function subjectOf(record: LinkageRecord): Partial<CaseSubject> {
  const sex = (record.sex ?? '').toLowerCase();
  return {
    firstName: record.firstName ?? null,
    middleNames: record.middleNames ?? null,
    lastName: record.lastName ?? null,
    aliases: [...(record.aliases ?? [])],
    dateOfBirth: isIsoDate(record.dateOfBirth) ? record.dateOfBirth : null,
    dateOfBirthEstimated: record.dobEstimated ?? false,
    sex: sex === 'm' || sex === 'male' ? 'male' : sex === 'f' || sex === 'female' ? 'female' : sex ? 'other' : null,
    nationality: toAlpha3(record.nationality) ?? null,
    nhsNumber: record.nhsNumber ?? null,
  };
}

async function inParallel<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * The deduplicator's throughput on a backlog (50,000 records of the synthetic AIS/LCS population of libs/synth,
 * entered directly into the case systems as practitioners would, before the deduplicator starts) and its accuracy
 * beside `npm run link` on the same records, then its incremental latency: one more record at a time, from entry
 * to link.
 */
export async function benchDeduplicator(env: BenchEnvironment): Promise<DeduplicatorFigures> {
  const settings = { FEED_POLL_MS };
  const system = await env.system(['ais', 'lcs'], settings);
  const mimic = (name: CaseSystem) => ({ system: name, url: system.app(name === 'AIS' ? 'ais' : 'lcs').url }) as RunningMimic;
  const population = generatePopulation({ seed: 2026, persons: PERSONS });
  const named = population.records.filter((r) => !(r as { anonymous?: boolean }).anonymous);
  if (named.length < RECORDS + INCREMENTAL) throw new Error(`the synthetic population holds ${named.length} named records; ${RECORDS + INCREMENTAL} needed`);
  const backlog = named.slice(0, RECORDS);
  const later = named.slice(RECORDS, RECORDS + INCREMENTAL);
  const systemOf = (r: LinkageRecord): CaseSystem => (r.sourceSystem === 'LCS' ? 'LCS' : 'AIS');
  /** Case-system key (as the deduplicator names records) → true person. */
  const truth = new Map<string, string>();
  const enter = async (r: LinkageRecord) => {
    const id = await enterDirectly(mimic(systemOf(r)), { subject: subjectOf(r), referralDate: isIsoDate(r.referralDate) ? r.referralDate : undefined });
    truth.set(`${systemOf(r)}:${id}`, known(population.truth, r.recordId));
  };
  const enteringStarted = Date.now();
  await inParallel(backlog, 16, enter);
  const enteringSeconds = Math.round((Date.now() - enteringStarted) / 100) / 10;
  console.log(`[bench] ${backlog.length} records entered in ${enteringSeconds} s`);

  const sql = new Client({ connectionString: env.databaseUrl });
  await sql.connect();
  const links = () => countOf(sql, 'SELECT count(*) AS n FROM central.record_links');
  try {
    await env.system(['deduplicator'], settings, { deduplicator: { AIS_URL: mimic('AIS').url, LCS_URL: mimic('LCS').url } });
    const started = Date.now();
    const deadline = started + 900_000;
    while ((await links()) < backlog.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const backlogSeconds = (Date.now() - started) / 1000;
    const linkedBacklog = await links();
    if (linkedBacklog < backlog.length) throw new Error(`only ${linkedBacklog} of ${backlog.length} records linked within 15 minutes`);

    // Accuracy, before more records arrive: the deduplicator's persons, and npm run link's on the same records.
    const { rows } = await sql.query<{ system: string; record_id: string; record: CaseRecord; person_id: string }>(
      `SELECT c.system, c.record_id, c.record, l.person_id FROM central.case_records c
         JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id`,
    );
    const predicted = new Map<string, string>(rows.map((r) => [`${r.system}:${r.record_id}`, r.person_id]));
    const batch = linkRecords(rows.map((r) => toLinkageRecord(r.record)));
    const byLink = new Map(batch.links.map((l) => [l.recordId, l.personId]));
    const deduplicator = brief(pairwiseScores(predicted, truth));
    const npmRunLink = brief(pairwiseScores(byLink, truth));
    const agreement = pairwiseScores(predicted, byLink);

    const latencies: number[] = [];
    for (const record of later) {
      const before = await links();
      const entered = Date.now();
      await enter(record);
      while ((await links()) <= before && Date.now() - entered < 30_000) await new Promise((r) => setTimeout(r, 5));
      latencies.push(Date.now() - entered);
    }
    latencies.sort((a, b) => a - b);
    return {
      records: backlog.length,
      persons: new Set(backlog.map((r) => population.truth.get(r.recordId))).size,
      recordsPerSecond: Math.round((backlog.length / backlogSeconds) * 10) / 10,
      backlogSeconds: Math.round(backlogSeconds * 10) / 10,
      target: {
        backlogSecondsAtMost: TARGET_SECONDS,
        met: backlogSeconds <= TARGET_SECONDS && deduplicator.f1 >= npmRunLink.f1 - 0.001,
        accuracy: "the deduplicator's pairwise F1 at least npm run link's on the same records, less 0.001",
      },
      accuracy: { deduplicator, npmRunLink, agreement: { precision: round4(agreement.precision), recall: round4(agreement.recall), f1: round4(agreement.f1) } },
      incrementalLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1], samples: latencies.length },
      enteringSeconds,
      settings: {
        ...settings,
        LINKING_CONCURRENCY: 4,
        BACKLOG_BULK_MIN: 500,
        note: 'backlog time counts from the deduplicator process answering (index loaded) to the last link',
      },
    };
  } finally {
    await sql.end();
  }
}
