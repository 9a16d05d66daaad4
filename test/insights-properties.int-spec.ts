import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import fc from 'fast-check';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { startSystem, type TestSystem } from './support/system';
import { StatisticsFixtures } from './support/fixtures';
import { ifStarted } from './support/teardown';

type Breakdown = { total: number; cells: Array<{ label: string; count: number }> };
type Population = { total: number; breakdowns: Record<string, Breakdown>; ageGroupByLocation: { total: number; counts: number[][] } };
type Report = {
  referrals: Population;
  individuals: Population;
  quarters: Array<{ referrals: number; individuals: number }>;
  decisions: unknown;
};

/** One referral of a generated population, and what the person index and case systems hold about it. */
const referralArbitrary = fc.record({
  person: fc.option(fc.integer({ min: 0, max: 11 }), { nil: null }),
  anonymous: fc.boolean(),
  child: fc.boolean(),
  gender: fc.constantFrom('female', 'male', 'other'),
  nationality: fc.constantFrom('ALB', 'GBR', 'VNM', 'ERI'),
  secondNationality: fc.constantFrom(null, null, null, 'GRC'),
  types: fc.subarray(['labour', 'sexual', 'criminal', 'domestic_servitude', 'organ_harvesting', 'other'], { minLength: 1 }),
  responder: fc.constantFrom('police', 'local_authority', 'ngo', 'government_agency', 'health', 'other'),
  location: fc.constantFrom('uk', 'overseas', 'uk_and_overseas'),
  day: fc.integer({ min: 1, max: 89 }),
  routed: fc.constantFrom(true, true, true, false),
  decision: fc.constantFrom(null, null, 'positive', 'negative'),
});

const populationArbitrary = fc.record({
  referrals: fc.array(referralArbitrary, { maxLength: 40 }),
  // Person i merged into person j > i: merges never make a cycle, and can chain (0 → 3 → 7).
  merges: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 11 })).filter(([a, b]) => a < b),
    { maxLength: 5 },
  ),
  reroute: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  transition: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
});

describe('Statistics counting rules (insights), as properties', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let fixtures: StatisticsFixtures;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ insights: true });
    ({ sql } = system);
    app = system.insights!;
    fixtures = new StatisticsFixtures(sql);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const statistics = async (period: string): Promise<Report> =>
    (await request(app.getHttpServer()).get(`/v1/statistics?period=${period}`).set('Authorization', lead).expect(200)).body;

  /** The report's figures without the one breakdown that is about where records are held (and without the cut-off). */
  // Re-routing a record changes the system it was recorded in, and the transitions table exists to count moves:
  // nothing else may change.
  const withoutMoves = (report: Report): unknown => {
    const strip = (p: Population) => ({ ...p, breakdowns: { ...p.breakdowns, caseSystem: undefined } });
    return { ...report, dataCutOff: undefined, transitions: undefined, referrals: strip(report.referrals), individuals: strip(report.individuals) };
  };

  it('counts each person once, never an anonymous notification, sums every breakdown, and ignores which system holds a record', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(populationArbitrary, async ({ referrals, merges, reroute, transition }) => {
        run += 1;
        const year = 1900 + run;
        const persons: string[] = [];
        for (let i = 0; i < 12; i++) persons.push(await fixtures.person());
        const ids: string[] = [];
        for (const r of referrals) {
          const referredAt = new Date(Date.UTC(year, 0, r.day, 12)).toISOString();
          const id = await fixtures.referral({
            kind: r.anonymous ? 'dtn' : 'nrm',
            anonymous: r.anonymous,
            under18: r.child && !r.anonymous ? 'yes' : 'no',
            gender: r.gender as 'female',
            nationality: r.nationality,
            secondNationality: r.secondNationality,
            exploitationTypes: r.types,
            organisationType: r.responder,
            exploitationLocation: r.location as 'uk',
            referredAt,
            caseSystem: r.routed ? undefined : null,
          });
          // The person index holds anonymous notifications too (a placeholder person): they still count as no one.
          if (r.person !== null) await fixtures.link(id, persons[r.person], r.anonymous ? 'anonymous' : 'engine');
          if (r.decision) await fixtures.decision(id, 'reasonable_grounds', r.decision, `${year}-03-31`);
          ids.push(id);
        }
        const mergedInto = new Map<number, number>();
        for (const [from, into] of merges) {
          if (mergedInto.has(from)) continue;
          mergedInto.set(from, into);
          await fixtures.merge(persons[from], persons[into], { repoint: from % 2 === 0 });
        }
        const root = (p: number): number => (mergedInto.has(p) ? root(mergedInto.get(p) as number) : p);
        const expectedIndividuals = new Set(
          referrals.flatMap((r, i) => (r.anonymous ? [] : r.person === null ? [`referral ${i}`] : [`person ${root(r.person)}`])),
        ).size;

        const before = await statistics(`${year}-Q1`);
        expect(before.referrals.total).toBe(referrals.length);
        expect(before.individuals.total).toBe(expectedIndividuals);
        expect(before.individuals.total).toBeLessThanOrEqual(before.referrals.total);
        for (const population of [before.referrals, before.individuals]) {
          for (const breakdown of Object.values(population.breakdowns)) {
            expect(breakdown.cells.reduce((sum, c) => sum + c.count, 0)).toBe(population.total);
          }
          expect(population.ageGroupByLocation.counts.flat().reduce((a, b) => a + b, 0)).toBe(population.total);
        }
        expect(before.quarters.reduce((sum, q) => sum + q.referrals, 0)).toBe(before.referrals.total);

        // Re-route records between AIS and LCS, and move some children's cases to AIS: nothing but the
        // case-system breakdown may change.
        await fixtures.reroute(ids.filter((_, i) => reroute[i]));
        const { rows } = await sql.query<{ id: string }>(`SELECT id FROM central.referrals WHERE id = ANY($1::uuid[]) AND case_system = 'LCS'`, [ids]);
        for (const { id } of rows) if (transition[ids.indexOf(id)]) await fixtures.transition(id, 'age_assessment_adult', `${year}-03-01`);
        const after = await statistics(`${year}-Q1`);
        expect(withoutMoves(after)).toEqual(withoutMoves(before));
        expect(after.referrals.breakdowns.caseSystem.total).toBe(before.referrals.total);
      }),
      { numRuns: 30, seed: 4_2026 },
    );
  });
});
