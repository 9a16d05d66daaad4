import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AdulthoodRepository, BoardReportRepository, CENTRAL_SCHEMA, migrateSchemas, postgresOptions, StatisticsRepository } from '@app/database';
import type { StatisticsPopulation } from '@app/domain';
import { Period, parsePeriod } from '@app/statistics';
import { StatisticsService } from '../apps/insights/src/statistics/statistics.service';
import { TransitionFiguresService } from '../apps/insights/src/statistics/transition-figures';
import { commandLine } from '../scripts/command-line';
import { percentile } from './lib/metrics';

// npm run bench:stats [-- --referrals 1000000 --persons 700000 --runs 7 --server postgres://postgres@127.0.0.1:5432/postgres]
//                     [--keep]         keep the loaded database (its name is printed) instead of dropping it
//                     [--reuse NAME]   time against a database an earlier --keep run loaded, without loading
//
// Loads a fresh database with referrals and persons (multi-row INSERTs of 10,000 rows through unnest), then times
// the insights statistics of a quarter exactly as the app computes them: the SQL aggregation over one snapshot,
// labelling and tables by @app/statistics, and for a board the disclosure control and its audit. Drops the
// database afterwards.

const BATCH = 10_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 4 * 365 + 1; // 2022-01-01 to 2025-12-31: sixteen quarters, about 62,500 referrals each
const QUARTER = '2024-Q2';
const FINANCIAL_YEAR = '2024/25';

/** A small seeded generator (mulberry32): the same data on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NATIONALITIES = ['GBR', 'ALB', 'VNM', 'ERI', 'SDN', 'ROU', 'POL', 'IRN', 'AFG', 'IRQ', 'NGA', 'CHN', 'IND', 'PAK', 'SYR', 'ETH', 'KWT', 'EGY', 'UNK'];
const TYPES = [
  ['labour'],
  ['sexual'],
  ['criminal'],
  ['domestic_servitude'],
  ['sexual', 'labour'],
  ['criminal', 'labour'],
  ['other'],
  ['labour', 'sexual', 'criminal'],
  ['organ_harvesting'],
];
const RESPONDERS = ['police', 'local_authority', 'ngo', 'government_agency', 'health', 'other'];
const LOCATIONS = ['uk', 'uk', 'uk', 'overseas', 'uk_and_overseas'];
const GENDERS = ['male', 'male', 'male', 'female', 'female', 'other'];

function isoDay(days: number): string {
  return new Date(FIRST_DAY + days * 86_400_000).toISOString().slice(0, 10);
}

async function loadPersons(client: Client, count: number, random: () => number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += BATCH) {
    await client.query(`INSERT INTO central.persons (id) SELECT unnest($1::uuid[])`, [ids.slice(start, start + BATCH)]);
  }
  // One person in a hundred was merged into an earlier one (so merges chain but never loop): statistics follow
  // merged_into to the survivor.
  const pairs: Array<[string, string]> = [];
  ids.forEach((id, i) => {
    if (i > 0 && random() < 0.01) pairs.push([id, ids[Math.floor(random() * i)]]);
  });
  for (let start = 0; start < pairs.length; start += BATCH) {
    const slice = pairs.slice(start, start + BATCH);
    await client.query(`UPDATE central.persons p SET merged_into = m.survivor FROM unnest($1::uuid[], $2::uuid[]) AS m(id, survivor) WHERE p.id = m.id`, [
      slice.map((p) => p[0]),
      slice.map((p) => p[1]),
    ]);
  }
  return ids;
}

async function loadReferrals(client: Client, count: number, persons: readonly string[], random: () => number, progress: (n: number) => void): Promise<void> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const cols: Record<string, unknown[]> = {
      id: [],
      reference: [],
      kind: [],
      anonymous: [],
      organisationType: [],
      referredAt: [],
      under18: [],
      u18de: [],
      disputed: [],
      dob: [],
      gender: [],
      nationality: [],
      second: [],
      types: [],
      location: [],
      start: [],
      route: [],
      caseSystem: [],
      record: [],
      person: [],
      details: [],
    };
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const day = Math.floor(random() * DAYS);
      const referredAt = new Date(FIRST_DAY + day * 86_400_000 + Math.floor(random() * 86_400_000));
      const anonymous = random() < 0.05;
      const child = !anonymous && random() < 0.3;
      const age = child ? 12 + Math.floor(random() * 6) : 18 + Math.floor(random() * 40);
      const dob = !anonymous && random() < 0.7 ? isoDay(day - age * 365 - Math.floor(random() * 300)) : null;
      const system = child ? 'LCS' : 'AIS';
      const routed = random() < 0.98;
      // Every person has a first referral; the rest are repeat referrals of random persons or not linked yet.
      const person = anonymous ? null : i < persons.length ? persons[i] : random() < 0.9 ? pick(persons) : null;
      const firstName = `Name${i % 5000}`;
      cols.id.push(randomUUID());
      cols.reference.push(`RH-B-${i}`);
      cols.kind.push(anonymous ? 'dtn' : 'nrm');
      cols.anonymous.push(anonymous);
      cols.organisationType.push(pick(RESPONDERS));
      cols.referredAt.push(referredAt.toISOString());
      cols.under18.push(child ? 'yes' : random() < 0.05 ? 'not_sure' : 'no');
      cols.u18de.push(child ? null : pick(['no', 'no', 'yes', 'not_sure']));
      cols.disputed.push(random() < 0.03);
      cols.dob.push(dob);
      cols.gender.push(pick(GENDERS));
      cols.nationality.push(pick(NATIONALITIES));
      cols.second.push(random() < 0.03 ? pick(NATIONALITIES) : null);
      cols.types.push(`{${pick(TYPES).join(',')}}`);
      cols.location.push(pick(LOCATIONS));
      cols.start.push(dob && random() < 0.5 ? isoDay(day - Math.floor(random() * 2000)) : null);
      cols.route.push(system);
      cols.caseSystem.push(routed ? system : null);
      cols.record.push(routed ? `${system}-${i}` : null);
      cols.person.push(person);
      // What intake keeps as received: the statistics never read it, but it makes the rows as wide as real ones.
      cols.details.push(
        JSON.stringify({
          kind: anonymous ? 'dtn' : 'nrm',
          firstResponder: {
            organisation: 'Thames Valley Police',
            organisationType: 'police',
            name: 'Sam Officer',
            role: 'Detective Constable',
            email: 'sam.officer@police.example',
          },
          potentialVictim: anonymous ? { gender: 'male', nationality: 'ERI' } : { firstName, lastName: `Surname${i % 7919}`, dateOfBirth: dob },
          exploitation: { types: ['labour'], location: 'uk', ukTowns: ['High Wycombe', 'Aylesbury'] },
          narrative: 'Found working long hours in a car wash, with wages withheld and documents held by the employer. '.repeat(2),
        }),
      );
    }
    await client.query(
      `INSERT INTO central.referrals (
         id, reference, kind, status, anonymous, organisation, organisation_type, referred_at, under18, under18_during_exploitation,
         age_disputed, date_of_birth, gender, nationality, second_nationality, exploitation_types, exploitation_location,
         exploitation_start, route_system, route_reason, route_conflict, route_explanation, case_system, case_record_id,
         person_id, details)
       SELECT id, reference, kind, CASE WHEN case_system IS NULL THEN 'accepted' ELSE 'routed' END, anonymous, 'Bench organisation',
              organisation_type, referred_at, under18, u18de, disputed, dob, gender, nationality, second, types::text[], location, start,
              route, 'bench', false, 'bench', case_system, record, person, details::jsonb
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
                     $9::boolean[], $10::date[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::date[],
                     $17::text[], $18::text[], $19::text[], $20::uuid[], $21::text[])
           AS t(id, reference, kind, anonymous, organisation_type, referred_at, under18, u18de, disputed, dob, gender, nationality,
                second, types, location, start, route, case_system, record, person, details)`,
      [
        cols.id,
        cols.reference,
        cols.kind,
        cols.anonymous,
        cols.organisationType,
        cols.referredAt,
        cols.under18,
        cols.u18de,
        cols.disputed,
        cols.dob,
        cols.gender,
        cols.nationality,
        cols.second,
        cols.types,
        cols.location,
        cols.start,
        cols.route,
        cols.caseSystem,
        cols.record,
        cols.person,
        cols.details,
      ],
    );
    progress(start + n);
  }
}

async function load(client: Client, name: string, personCount: number, referralCount: number): Promise<void> {
  const started = Date.now();
  const random = generator(20261123);
  console.log(`loading ${personCount.toLocaleString('en-GB')} persons and ${referralCount.toLocaleString('en-GB')} referrals into ${name} ...`);
  const persons = await loadPersons(client, personCount, random);
  await loadReferrals(client, referralCount, persons, random, (n) => {
    if (n % 100_000 === 0 || n === referralCount) process.stdout.write(`  ${n.toLocaleString('en-GB')} referrals\r`);
  });
  await loadDecisions(client);
  // What autovacuum does to a table that has settled: statistics for the planner, and the visibility map that
  // lets the covering index answer without visiting the table.
  for (const table of ['referrals', 'persons', 'decisions']) await client.query(`VACUUM (ANALYZE) central.${table}`);
  console.log(`\nloaded in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function loadDecisions(client: Client): Promise<number> {
  // A reasonable grounds decision on about a third of NRM referrals, a month or two after the referral.
  const result = await client.query(
    `INSERT INTO central.decisions (id, referral_id, type, outcome, decided_on, recorded_by)
     SELECT gen_random_uuid(), id, 'reasonable_grounds', CASE WHEN abs(hashtext(id::text)) % 10 < 8 THEN 'positive' ELSE 'negative' END,
            (referred_at AT TIME ZONE 'Europe/London')::date + 30 + abs(hashtext(reference)) % 40, 'bench'
       FROM central.referrals WHERE kind = 'nrm' AND abs(hashtext(id::text)) % 3 = 0`,
  );
  return result.rowCount ?? 0;
}

interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // warm: plans cached, pages in shared buffers, as in a running service
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { runs, medianMs: round(percentile(samples, 50)), minMs: round(samples[0]), maxMs: round(samples[samples.length - 1]) };
}

async function main(): Promise<void> {
  const values = commandLine(
    'npm run bench:stats -- [--referrals 1000000] [--persons 700000] [--runs 7] [--server URL] [--out FILE] [--keep] [--reuse DATABASE]',
    {
      referrals: { type: 'string', default: '1000000' },
      persons: { type: 'string', default: '700000' },
      runs: { type: 'string', default: '7' },
      server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      out: { type: 'string', default: 'bench/results/stats.json' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
    },
  );
  const referralCount = Number(values.referrals);
  const personCount = Number(values.persons);
  const runs = Number(values.runs);
  const admin = new Client({ connectionString: values.server });
  await admin.connect();
  const name = values.reuse ?? `rh_bench_stats_${randomBytes(4).toString('hex')}`;
  if (!/^rh_bench_stats_[0-9a-f]{8}$/.test(name)) throw new Error(`--reuse takes a database an earlier --keep run left, not ${name}`);
  const url = new URL(values.server);
  url.pathname = `/${name}`;
  const settings = { DATABASE_URL: url.toString(), DATABASE_SSL: false, DATABASE_SSL_REJECT_UNAUTHORIZED: true, DATABASE_POOL_SIZE: 4 };
  if (!values.reuse) await admin.query(`CREATE DATABASE ${name}`);
  let dataSource: DataSource | undefined;
  try {
    await migrateSchemas(settings, [CENTRAL_SCHEMA]);
    const client = new Client({ connectionString: settings.DATABASE_URL });
    // Dropping the database at the end ends this connection too; that is not an error worth a crash.
    client.on('error', () => undefined);
    await client.connect();
    const loadStarted = Date.now();
    if (values.reuse) console.log(`reusing ${name}`);
    else await load(client, name, personCount, referralCount);
    const loadSeconds = values.reuse ? null : Math.round((Date.now() - loadStarted) / 100) / 10;
    const [{ decisions, referrals, persons }] = (
      await client.query<{ decisions: number; referrals: number; persons: number }>(
        `SELECT (SELECT count(*)::int FROM central.decisions) AS decisions, (SELECT count(*)::int FROM central.referrals) AS referrals,
                (SELECT count(*)::int FROM central.persons) AS persons`,
      )
    ).rows;
    const [{ version }] = (await client.query<{ version: string }>(`SELECT current_setting('server_version') AS version`)).rows;
    const [{ merged }] = (await client.query<{ merged: number }>(`SELECT count(*)::int AS merged FROM central.persons WHERE merged_into IS NOT NULL`)).rows;
    await client.end();

    dataSource = new DataSource(postgresOptions(settings, CENTRAL_SCHEMA, 'bench-stats'));
    await dataSource.initialize();
    const service = new StatisticsService(
      new StatisticsRepository(dataSource),
      new TransitionFiguresService(new AdulthoodRepository(dataSource)),
      new BoardReportRepository(dataSource),
    );
    const quarter = parsePeriod(QUARTER);
    const year = parsePeriod(FINANCIAL_YEAR);
    const exact =
      (period: Period, population: StatisticsPopulation = 'all') =>
      () =>
        service.exact(period, population);
    const published =
      (period: Period, population: StatisticsPopulation = 'all') =>
      () =>
        service.published(period, population);

    const sample = await service.exact(quarter, 'all');
    const timings = {
      quarterExact: await time(runs, exact(quarter)),
      quarterBoardReport: await time(runs, published(quarter)),
      quarterChildrenBoardReport: await time(runs, published(quarter, 'children')),
      financialYearExact: await time(runs, exact(year)),
      financialYearBoardReport: await time(runs, published(year)),
    };
    const result = {
      benchmark: 'insights statistics of a quarter (npm run bench:stats)',
      targetMs: 2000,
      meetsTarget: timings.quarterBoardReport.maxMs <= 2000 && timings.quarterExact.maxMs <= 2000,
      data: {
        referrals,
        persons,
        mergedPersons: merged,
        decisions,
        spread: `${isoDay(0)} to ${isoDay(DAYS - 1)}`,
        quarter: QUARTER,
        referralsInQuarter: sample.referrals.total,
        individualsInQuarter: sample.individuals.total,
        financialYear: FINANCIAL_YEAR,
        loadSeconds,
      },
      timings,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: version,
      },
      date: new Date().toISOString(),
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `\n${QUARTER}: ${sample.referrals.total.toLocaleString('en-GB')} referrals, ${sample.individuals.total.toLocaleString('en-GB')} individuals of ` +
        `${referrals.toLocaleString('en-GB')} referrals and ${persons.toLocaleString('en-GB')} persons: exact ` +
        `${timings.quarterExact.medianMs} ms (max ${timings.quarterExact.maxMs}), board report ${timings.quarterBoardReport.medianMs} ms ` +
        `(max ${timings.quarterBoardReport.maxMs}) on ${result.machine.cores} cores. Written to ${values.out}.`,
    );
  } finally {
    await dataSource?.destroy();
    if (values.keep) console.log(`kept ${name}: drop it with DROP DATABASE ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
