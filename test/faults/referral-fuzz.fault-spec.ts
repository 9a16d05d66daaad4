import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { bearer } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { useTestEnvironment } from '../support/env';
import { aReferral, aDutyToNotify, aChildReferral } from '../support/fixtures';
import { DurableRedis } from './support/durable-redis';
import { count } from './support/harness';
import { ifStarted } from '../support/teardown';

jest.setTimeout(600_000);

type Json = unknown;
type Path = Array<string | number>;

/** Every path into a JSON value (objects and arrays), the root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: Json } | { kind: 'add'; key: string; value: Json };

function mutate(body: Json, path: Path, mutation: Mutation): Json {
  const copy = structuredClone(body) as Record<string | number, Json>;
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : copy;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else if (mutation.kind === 'replace') {
    parent[last] = mutation.value;
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[mutation.key] = mutation.value;
    else parent[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

/** JSON.stringify, typed as it behaves: undefined for undefined, although its declared type says string. */
function stringify(value: unknown): string | undefined {
  return JSON.stringify(value);
}

/** A body as sent. */
function jsonText(value: unknown): string {
  return stringify(value) ?? 'null';
}

/** Values a careless or hostile client might put anywhere: wrong types, edge strings, huge and odd numbers. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    '0',
    'true',
    'UNK',
    'yes',
    'not_sure',
    'nrm',
    'dtn',
    '1899-12-31',
    '2099-01-01',
    '2026-02-30',
    '9434765919',
    '\u0000',
    '\ud83d\ude00',
    '<script>',
    "'; DROP TABLE x; --",
    '__proto__',
    'constructor',
  ),
  fc.constantFrom(-1, 0, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, true, false, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 10_000, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const validBody = fc.constantFrom<Json>(
  aReferral(),
  aChildReferral(),
  aDutyToNotify(),
  aDutyToNotify({ cooperatesWithAuthorities: true }),
  aReferral({ kind: 'dtn', consentToNrm: false, potentialVictim: { gender: 'other', nationality: 'UNK' } }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  oddValue.map<Mutation>((value) => ({ kind: 'replace', value })),
  fc
    .tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'personId')), oddValue)
    .map<Mutation>(([key, value]) => ({ kind: 'add', key, value })),
);

/** A valid referral with one to three mutations at random places. */
const mutatedBody = validBody.chain((body) =>
  fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((steps) =>
    steps.reduce<Json>((current, [pick, m]) => {
      const paths = pathsOf(current);
      return mutate(current, paths[pick % paths.length], m);
    }, body),
  ),
);

/** What goes over the wire: JSON of a mutated or random value, or text that is not JSON at all. */
const request = fc.oneof(
  { weight: 6, arbitrary: mutatedBody.map((b) => ({ raw: jsonText(b) })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((b) => ({ raw: jsonText(b) })) },
  { weight: 1, arbitrary: validBody.map((b) => ({ raw: JSON.stringify(b) })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ maxLength: 200 }),
        mutatedBody.map((b) => JSON.stringify(b).slice(0, -3)),
      )
      .map((raw) => ({ raw })),
  },
);

/**
 * 10,000 random and mutated referral bodies against intake: every answer is 2xx or 4xx (never a 5xx), and nothing
 * is half-written: every stored referral has its outbox row, and there are exactly as many as 201 answers.
 */
describe('ReferralController under random and mutated bodies', () => {
  let db: TestDatabase;
  let redis: DurableRedis;
  let app: INestApplication<Server>;
  let url: string;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await DurableRedis.start();
    useTestEnvironment({ DATABASE_URL: db.url, REDIS_URL: redis.url, THROTTLE_LIMIT: 1_000_000 });
    const { createIntakeApp } = await import('../../apps/intake/src/intake.app');
    app = await createIntakeApp();
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1/referrals`;
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await ifStarted(app)?.close();
    await ifStarted(redis)?.destroy();
    await ifStarted(sql)?.end();
    await ifStarted(db)?.drop();
  });

  it('answers only 2xx or 4xx to 10,000 bodies and writes each accepted referral whole', async () => {
    const authorization = await bearer('safeguarding_lead');
    const statuses = new Map<number, number>();
    const accepted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(request, async ({ raw }) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: raw });
        const answer = (await res.json().catch(() => ({}))) as { id?: string };
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201 && answer.id) accepted.add(answer.id);
        return (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500);
      }),
      { numRuns: 10_000, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );

    const created = statuses.get(201) ?? 0;
    // The run exercised both sides: many accepted, many refused.
    expect(created).toBeGreaterThan(500);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
    expect(accepted.size).toBe(created);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.referrals')).toBe(created);
    expect(await count(sql, 'SELECT count(*) AS n FROM central.outbox')).toBe(created);
    expect(
      await count(sql, 'SELECT count(*) AS n FROM central.referrals r WHERE NOT EXISTS (SELECT 1 FROM central.outbox o WHERE o.aggregate_id = r.id)'),
    ).toBe(0);
  });
});
