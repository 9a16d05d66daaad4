import type { Board } from '@app/auth';
import type { Exploitation, ExploitationType, PotentialVictim } from '@app/domain';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral, aChildReferral, StatisticsFixtures } from './support/fixtures';
import { auditBoardReports, PublishedReportFigures } from './support/published-figures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/**
 * The transition scenario end to end: referrals logged through intake, counted by insights, in the internal
 * figures and in a board report. The router's and the deduplicator's effects on the central schema (the case
 * record a referral became, the person its records link to, the LCS → AIS move) are written as they write them.
 */
describe('A child referred in LCS at 17 and again in AIS at 18 (intake → insights)', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let sql: Client;
  let fixtures: StatisticsFixtures;
  let routing: Queue;
  let lead: string;
  const children: Array<{ id: string; referredAt: string }> = [];

  beforeAll(async () => {
    system = await startSystem({ intake: true, insights: true });
    ({ intake, insights, sql } = system as Required<TestSystem>);
    fixtures = new StatisticsFixtures(sql);
    routing = system.queue('routing');
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(routing)
      ?.obliterate({ force: true })
      .catch(() => undefined);
    await ifStarted(system)?.close();
  });

  const refer = async (body: object): Promise<{ id: string; route: { system: string } }> =>
    (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body;

  /** What the router does on delivery: the referral now has a case record in the system its route names. */
  const route = async (id: string, system: string): Promise<void> => {
    await sql.query(`UPDATE central.referrals SET status = 'routed', case_system = $2, case_record_id = $3, routed_at = now() WHERE id = $1`, [
      id,
      system,
      `${system}-${id.slice(0, 8)}`,
    ]);
  };

  it('counts two referrals and one individual, internally and in a board report', async () => {
    // Thirty other adults and thirty other children referred in the year, of the same nationalities, genders and
    // exploitation types, so that every board's totals and most cells are above the suppression range: the three
    // boards are protected together (a children's cell is the community safety partnership's less the adults').
    const nationalities = ['ROU', 'GBR', 'VNM', 'ALB'];
    const types: ExploitationType[][] = [['criminal'], ['labour'], ['sexual']];
    for (let i = 0; i < 30; i++) {
      const victim = (name: string, born: string): PotentialVictim => ({
        gender: i % 2 ? 'male' : 'female',
        nationality: nationalities[i % 4],
        firstName: `${name}${i}`,
        lastName: 'Pop',
        dateOfBirth: born,
      });
      const exploitation: Exploitation = { types: types[i % 3], location: 'uk' };
      const when = `2026-0${4 + (i % 5)}-1${i % 10}T10:00:00Z`;
      const adult = await refer(aReferral({ referredAt: when, potentialVictim: victim('Ana', `199${i % 10}-02-02`), exploitation }));
      await route(adult.id, adult.route.system);
      const child = await refer(aChildReferral({ referredAt: when, potentialVictim: victim('Kai', `2011-0${1 + (i % 9)}-05`), exploitation }));
      await route(child.id, child.route.system);
      children.push({ id: child.id, referredAt: when });
    }
    const victim: PotentialVictim = { gender: 'male', nationality: 'VNM', firstName: 'Van', lastName: 'Nguyen', dateOfBirth: '2008-09-10' };
    const at17 = await refer(aChildReferral({ referredAt: '2026-06-15T10:00:00Z', potentialVictim: victim }));
    const at18 = await refer(
      aReferral({
        referredAt: '2026-10-01T10:00:00Z',
        age: { under18: 'no', under18DuringExploitation: 'yes' },
        potentialVictim: victim,
        exploitation: { types: ['criminal'], location: 'uk' },
      }),
    );
    expect([at17.route.system, at18.route.system]).toEqual(['LCS', 'AIS']);
    await route(at17.id, 'LCS');
    await route(at18.id, 'AIS');
    // The deduplicator links both case records to one person; on the 18th birthday the router moved the LCS case.
    const person = await fixtures.person();
    await fixtures.link(at17.id, person);
    await fixtures.link(at18.id, person);
    await fixtures.transition(at17.id, 'eighteenth_birthday', '2026-09-10');

    const shown = await request(intake.getHttpServer()).get(`/v1/referrals/${at17.id}`).set('Authorization', lead).expect(200);
    expect(shown.body.personId).toBe(person);

    const internal = (await request(insights.getHttpServer()).get('/v1/statistics?period=2026/27').set('Authorization', lead).expect(200)).body;
    expect([internal.referrals.total, internal.individuals.total]).toEqual([62, 61]);
    // Each referral counts in the system it was recorded in at the time: the child's LCS referral stays LCS after
    // the move to AIS, so a published period does not change when a child turns 18.
    expect(internal.referrals.breakdowns.caseSystem.cells).toEqual([
      { label: 'AIS', count: 31 },
      { label: 'LCS', count: 31 },
      { label: 'Not routed', count: 0 },
    ]);

    const board = (
      await request(insights.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period: '2026/27' })
        .expect(201)
    ).body;
    // The board's totals are 62 and 61 or "c": the one person referred as a child and again as an adult is guarded,
    // and with the year's quarters published beside the year the joint suppression may hide a total to protect
    // them. Never the 62 individuals that counting the move as a new person would give.
    expect([62, 'c']).toContain(board.statistics.referrals.total);
    expect([61, 'c']).toContain(board.statistics.individuals.total);
    const viewer = await bearer('board_viewer');
    const read = (await request(insights.getHttpServer()).get(`/v1/board-reports/${board.id}`).set('Authorization', viewer).expect(200)).body;
    expect([read.statistics.referrals.total, read.statistics.individuals.total]).toEqual([
      board.statistics.referrals.total,
      board.statistics.individuals.total,
    ]);

    // The person referred as a child and again as an adult is one of the adults' board's individuals and one of the
    // children's partnership's, but one individual of all: 31 + 31 - 61 = 1 would single them out (and, category by
    // category, tell their adult referral's), so the three reports together must not give that 1 away, nor any "c".
    // A board viewer reads its own board's reports: one viewer per board.
    const latest = async (audience: string): Promise<PublishedReportFigures> => {
      const member = await bearer('board_viewer', undefined, undefined, { board: audience as Board });
      const list = (await request(insights.getHttpServer()).get('/v1/board-reports?period=2026/27').set('Authorization', member).expect(200)).body;
      const { id } = list.items.find((r: { audience: { code: string } }) => r.audience.code === audience);
      return (await request(insights.getHttpServer()).get(`/v1/board-reports/${id}`).set('Authorization', member).expect(200)).body.statistics;
    };
    const reports = {
      adults: await latest('safeguarding_adults_board'),
      children: await latest('safeguarding_children_partnership'),
      all: await latest('community_safety_partnership'),
    };
    expect([reports.adults.individuals.total, reports.children.individuals.total, reports.all.individuals.total]).toContain('c');
    const audit = auditBoardReports(reports);
    expect(audit.recoverable).toEqual([]);
    const both = audit.ranges.find((r) => r.cell.population.startsWith('in both individuals') && 'label' in r.cell.cell && r.cell.cell.label === 'Total');
    expect(both && both.min < both.max).toBe(true);
  });
  it('shows the same case-system breakdown for a past quarter before and after a child in it turns 18', async () => {
    const quarterReport = async () =>
      (
        await request(insights.getHttpServer())
          .post('/v1/board-reports')
          .set('Authorization', lead)
          .send({ audience: 'community_safety_partnership', period: '2026-Q2' })
          // 200 when the stored report already shows these figures (the year's report stored its quarters).
          .expect((r) => expect([200, 201]).toContain(r.status))
      ).body.statistics;
    const before = await quarterReport();
    const inQuarter = children.find((c) => c.referredAt < '2026-07-01');
    expect(inQuarter).toBeDefined();
    // The child turns 18 and their case moves to adults' services afterwards (adult services accepted).
    await fixtures.transition(inQuarter!.id, 'eighteenth_birthday', '2026-11-05');
    const after = await quarterReport();
    expect(after.referrals.breakdowns.caseSystem).toEqual(before.referrals.breakdowns.caseSystem);
    expect(after.individuals.breakdowns.caseSystem).toEqual(before.individuals.breakdowns.caseSystem);
    const exact = (await request(insights.getHttpServer()).get('/v1/statistics?period=2026-Q2').set('Authorization', lead).expect(200)).body;
    expect(exact.referrals.breakdowns.caseSystem.cells.find((c: { label: string }) => c.label === 'LCS').count).toBeGreaterThan(0);
  });
});
