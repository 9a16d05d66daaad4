import { Client } from 'pg';
import { bearer } from '../test/support/auth';
import { population, postOne, Posted } from '../test/faults/support/harness';
import { percentile } from './lib/metrics';
import type { BenchEnvironment } from './run';

const RATE_PER_SECOND = 100;
const SECONDS = 30;
const FEED_POLL_MS = 100;

export interface EndToEndFigures {
  ratePerSecond: number;
  referrals: number;
  achievedRatePerSecond: number;
  /** POST sent → 201 answered. */
  postLatencyMs: { p50: number; p95: number; p99: number };
  /** POST sent → delivered to AIS or LCS (routed_at). */
  routedLatencyMs: { p50: number; p95: number; p99: number };
  /** POST sent → its case record linked to a person (first link in the link history). Anonymous notifications excluded. */
  linkedLatencyMs: { p50: number; p95: number; p99: number; max: number; measured: number };
  target: { p95AtMostMs: number; met: boolean };
  settings: Record<string, string | number>;
}

/**
 * End-to-end latency at a steady 100 referrals a second (open loop: each POST leaves on its schedule whatever the
 * answers), from POST to the referral's case record linked to a person: intake → outbox → routing queue →
 * router → case system → change feed (polled every FEED_POLL_MS) → linking queue → deduplicator.
 */
export async function benchEndToEnd(env: BenchEnvironment): Promise<EndToEndFigures> {
  const settings = { FEED_POLL_MS, OUTBOX_SWEEP_MS: 1000, THROTTLE_LIMIT: 100_000_000 };
  const system = await env.system(['ais', 'lcs', 'intake', 'router', 'deduplicator'], settings);
  const authorization = await bearer('safeguarding_lead');
  const total = RATE_PER_SECOND * SECONDS;
  const { bodies, anonymous } = population(Math.ceil(total * 0.95), 311);
  const intake = system.app('intake').url;

  const sentAt: number[] = [];
  const answered: Array<Promise<Posted & { at: number }>> = [];
  const start = Date.now() + 200;
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / RATE_PER_SECOND;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[i] = Date.now();
    answered.push(postOne(intake, authorization, bodies[i], 30_000).then((p) => ({ ...p, at: Date.now() })));
  }
  const sendingSeconds = (Date.now() - start) / 1000;
  const answers = await Promise.all(answered);
  const failed = answers.filter((a) => a.status !== 201).length;
  if (failed) throw new Error(`${failed} of ${total} POSTs were not accepted`);
  const named = answers.map((a, i) => ({ id: a.id!, i })).filter(({ i }) => !anonymous.has(i));

  const sql = new Client({ connectionString: env.databaseUrl });
  await sql.connect();
  try {
    const deadline = Date.now() + 180_000;
    const linkedIds = async () =>
      Number((await sql.query(`SELECT count(*) AS n FROM central.referrals WHERE person_id IS NOT NULL`)).rows[0].n);
    while ((await linkedIds()) < named.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));

    const { rows } = await sql.query<{ id: string; routed: Date | null; linked: Date | null }>(`
      SELECT r.id, r.routed_at AS routed,
             (SELECT min(h.at) FROM central.link_history h WHERE h.system = r.case_system AND h.record_id = r.case_record_id) AS linked
        FROM central.referrals r`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const post = answers.map((a, i) => a.at - sentAt[i]).sort((a, b) => a - b);
    const routed = answers
      .map((a, i) => (byId.get(a.id!)?.routed?.getTime() ?? Number.NaN) - sentAt[i])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const linked = named
      .map(({ id, i }) => (byId.get(id)?.linked?.getTime() ?? Number.NaN) - sentAt[i])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    if (linked.length < named.length) throw new Error(`only ${linked.length} of ${named.length} referrals were linked within 3 minutes`);
    const p95 = percentile(linked, 95);
    return {
      ratePerSecond: RATE_PER_SECOND,
      referrals: total,
      achievedRatePerSecond: Math.round((total / sendingSeconds) * 10) / 10,
      postLatencyMs: { p50: percentile(post, 50), p95: percentile(post, 95), p99: percentile(post, 99) },
      routedLatencyMs: { p50: percentile(routed, 50), p95: percentile(routed, 95), p99: percentile(routed, 99) },
      linkedLatencyMs: { p50: percentile(linked, 50), p95, p99: percentile(linked, 99), max: linked[linked.length - 1], measured: linked.length },
      target: { p95AtMostMs: 1000, met: p95 <= 1000 },
      settings: { ...settings, ROUTER_CONCURRENCY: 8, LINKING_CONCURRENCY: 4, LOG_LEVEL: 'info' },
    };
  } finally {
    await sql.end();
  }
}
