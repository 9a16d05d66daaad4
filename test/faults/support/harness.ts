import type { Client } from 'pg';
import type { PotentialVictim } from '@app/domain';
import { aReferral, aDutyToNotify, aChildReferral } from '../../support/fixtures';
import { matchGroup } from '../../support/regex';

/** A request body: a referral, or anything a fault test sends instead. */
type Body = object;

export interface Posted {
  status: number;
  id?: string;
}

/**
 * Posts bodies to intake with a few requests in flight at once, as several first responders would. A request
 * that gets no answer at all is status 0: the tests count it as not accepted.
 */
export async function postAll(
  intakeUrl: string,
  authorization: string,
  bodies: readonly Body[],
  concurrency = 8,
  onAnswer?: (done: number) => void,
): Promise<Posted[]> {
  const answers: Posted[] = new Array(bodies.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < bodies.length) {
      const i = next++;
      answers[i] = await postOne(intakeUrl, authorization, bodies[i]);
      onAnswer?.(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return answers;
}

export async function postOne(intakeUrl: string, authorization: string, body: Body, timeoutMs = 20_000): Promise<Posted> {
  try {
    const res = await fetch(`${intakeUrl}/v1/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await res.json().catch(() => ({}))) as { id?: string };
    return { status: res.status, id: answer.id };
  } catch {
    return { status: 0 };
  }
}

/** A name no other generated person shares, and nothing the linkage engine would call close to another. */
function distinctName(i: number, salt: number): string {
  const syllables = ['ka', 'zu', 'mor', 'vel', 'tri', 'dan', 'quo', 'lis', 'bex', 'nor', 'fam', 'gil', 'hep', 'jor', 'wyn', 'syl'];
  let n = i * 7919 + salt * 104729 + 12345;
  let name = '';
  for (let k = 0; k < 4; k += 1) {
    name += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1) + String.fromCharCode(97 + (i % 26));
}

export interface Population {
  bodies: Body[];
  /** Indexes into bodies of referrals about one person (each person referred once or twice). */
  people: number[][];
  anonymous: Set<number>;
}

/**
 * Referrals about `persons` distinct people: adults (AIS) and children (LCS); every fifth person is referred a
 * second time with the same details, and every seventh referral is an anonymous Duty to Notify notification.
 */
export function population(persons: number, salt = 1): Population {
  const bodies: Body[] = [];
  const people: number[][] = [];
  const anonymous = new Set<number>();
  for (let p = 0; p < persons; p += 1) {
    if (p % 7 === 6) {
      anonymous.add(bodies.length);
      bodies.push(aDutyToNotify());
      continue;
    }
    const child = p % 3 === 0;
    const day = String(1 + (p % 28)).padStart(2, '0');
    const month = String(1 + (p % 12)).padStart(2, '0');
    const victim: PotentialVictim = {
      gender: p % 2 ? 'female' : 'male',
      nationality: ['ALB', 'VNM', 'ROU', 'ERI', 'GBR', 'POL'][p % 6],
      firstName: distinctName(p, salt),
      lastName: distinctName(p, salt + 1),
      dateOfBirth: child ? `2012-${month}-${day}` : `${1960 + (p % 40)}-${month}-${day}`,
    };
    const body = child ? aChildReferral({ potentialVictim: victim }) : aReferral({ potentialVictim: victim });
    const indexes = [bodies.length];
    bodies.push(body);
    if (p % 5 === 0) {
      indexes.push(bodies.length);
      bodies.push(structuredClone(body));
    }
    people.push(indexes);
  }
  return { bodies, people, anonymous };
}

export async function count(sql: Client, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(query, params);
  return Number(rows[0].n);
}

/** How many records each referral id became in the case systems (one row per delivery that made a record). */
export async function deliveries(sql: Client): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ ref: string; n: string }>(`
    SELECT ref, count(*) AS n FROM (
      SELECT client_reference AS ref FROM ais.safeguarding_concerns WHERE client_reference IS NOT NULL
      UNION ALL
      SELECT external_reference AS ref FROM lcs.contacts WHERE external_reference IS NOT NULL
    ) d GROUP BY ref`);
  return new Map(rows.map((r) => [r.ref, Number(r.n)]));
}

/** Referral ids whose delivery count is not exactly one, with the count (empty when every one arrived once). */
export async function notDeliveredOnce(sql: Client, ids: readonly string[]): Promise<Record<string, number>> {
  const made = await deliveries(sql);
  const wrong: Record<string, number> = {};
  for (const id of ids) if (made.get(id) !== 1) wrong[id] = made.get(id) ?? 0;
  for (const [id, n] of made) if (!ids.includes(id)) wrong[id] = n;
  return wrong;
}

export async function referralStatuses(sql: Client): Promise<Partial<Record<string, number>>> {
  const { rows } = await sql.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM central.referrals GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function readiness(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sums the samples of one series in a Prometheus text exposition whose labels include all those given. */
export function metricValue(exposition: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    // A sample without labels has no label group.
    const labelText = matchGroup(match, 2);
    const present = Object.fromEntries([...(labelText ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) sum += Number(match[3]);
  }
  return sum;
}
