import { Client } from 'pg';
import type { CaseSubject } from '@app/case-systems';
import { toAlpha3 } from '@app/countries';
import { isIsoDate, type CaseSystem } from '@app/domain';
import type { LinkageRecord } from '@app/matching';
import { generatePopulation } from '@app/synth';
import { enterDirectly, RunningMimic } from '../test/support/mimics';
import { percentile } from './lib/metrics';
import type { BenchEnvironment } from './run';

const PERSONS = 2500;
const INCREMENTAL = 40;
const FEED_POLL_MS = 100;

export interface DeduplicatorFigures {
  records: number;
  persons: number;
  /** Records linked per second from a cold start (index empty, every record waiting in the change feeds). */
  recordsPerSecond: number;
  backlogSeconds: number;
  /** One record entered in a case system → linked, with the index holding every record above. */
  incrementalLatencyMs: { p50: number; p95: number; max: number; samples: number };
  settings: Record<string, string | number>;
}

function subjectOf(record: LinkageRecord): Partial<CaseSubject> {
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
 * The deduplicator's throughput on a backlog (the synthetic AIS/LCS population of libs/synth, entered directly
 * into the case systems as practitioners would, before the deduplicator starts), then its incremental latency:
 * one more record at a time, from entry to link.
 */
export async function benchDeduplicator(env: BenchEnvironment): Promise<DeduplicatorFigures> {
  const settings = { FEED_POLL_MS };
  const system = await env.system(['ais', 'lcs'], settings);
  const mimic = (name: CaseSystem) => ({ system: name, url: system.app(name === 'AIS' ? 'ais' : 'lcs').url }) as RunningMimic;
  const population = generatePopulation({ seed: 2026, persons: PERSONS + INCREMENTAL });
  const named = population.records.filter((r) => !(r as { anonymous?: boolean }).anonymous);
  const backlog = named.slice(0, named.length - INCREMENTAL);
  const later = named.slice(named.length - INCREMENTAL);
  const enter = (r: LinkageRecord) =>
    enterDirectly(mimic(r.sourceSystem === 'LCS' ? 'LCS' : 'AIS'), { subject: subjectOf(r), referralDate: isIsoDate(r.referralDate) ? r.referralDate : undefined });
  await inParallel(backlog, 8, enter);

  const sql = new Client({ connectionString: env.databaseUrl });
  await sql.connect();
  const links = async () => Number((await sql.query('SELECT count(*) AS n FROM central.record_links')).rows[0].n);
  try {
    await env.system(['deduplicator'], settings, { deduplicator: { AIS_URL: mimic('AIS').url, LCS_URL: mimic('LCS').url } });
    const started = Date.now();
    const deadline = started + 600_000;
    while ((await links()) < backlog.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const backlogSeconds = (Date.now() - started) / 1000;
    const linkedBacklog = await links();
    if (linkedBacklog < backlog.length) throw new Error(`only ${linkedBacklog} of ${backlog.length} records linked within 10 minutes`);

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
      persons: PERSONS,
      recordsPerSecond: Math.round((backlog.length / backlogSeconds) * 10) / 10,
      backlogSeconds: Math.round(backlogSeconds * 10) / 10,
      incrementalLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1], samples: latencies.length },
      settings: { ...settings, LINKING_CONCURRENCY: 4, note: 'backlog time counts from the deduplicator process answering (index loaded) to the last link' },
    };
  } finally {
    await sql.end();
  }
}
