import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import type { PotentialVictim } from '@app/domain';
import { AdulthoodReminderService } from '../apps/router/src/routing/adulthood-reminder.service';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import type { StatisticsBody } from './support/bodies';

const GIVEN = ['Ana', 'Ioana', 'Mirela', 'Elena', 'Daria', 'Olga', 'Irina', 'Vera', 'Nadia', 'Rita', 'Lena', 'Sara', 'Maria', 'Eva', 'Zofia'];
const FAMILY = ['Popescu', 'Ionescu', 'Kowalska', 'Novak', 'Horvat', 'Petrova', 'Smirnova', 'Dvorak', 'Balan', 'Rusu'];

/**
 * The scenario through the running system — intake, router, both case systems, their change feeds, the
 * deduplicator and insights, nothing written by hand: a child referred in LCS at 17, referred again in AIS at 18,
 * their LCS case moved to AIS when adult services accepted them after the 18th birthday. Two referrals, one individual, internally and for a board.
 */
describe('a child referred at 17 and again at 18, through the running system', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({
      env: { FEED_POLL_MS: 100, ROUTING_BACKOFF_MS: 100 },
      mimics: true,
      intake: true,
      router: true,
      deduplicator: true,
      insights: true,
    });
    ({ intake, insights } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const refer = async (body: object): Promise<string> =>
    (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id;
  const show = async (id: string) => (await request(intake.getHttpServer()).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;

  it('counts two referrals and one individual in the internal figures and in a board report', async () => {
    // Sixty other people in the year, so that the board's totals are above the suppression range.
    const others: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const victim: PotentialVictim = {
        gender: 'female',
        nationality: 'ROU',
        firstName: GIVEN[i % GIVEN.length],
        lastName: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length],
        dateOfBirth: `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      };
      others.push(await refer(aReferral({ referredAt: `2026-0${4 + (i % 5)}-1${i % 10}T10:00:00Z`, potentialVictim: victim })));
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

    // Routed and linked by the router and the deduplicator.
    const child = await eventually(async () => {
      const view = await show(at17);
      return view.personId && view.caseRecord?.system === 'LCS' ? view : undefined;
    }, 60000);
    const adult = await eventually(async () => {
      const view = await show(at18);
      return view.personId ? view : undefined;
    }, 60000);
    expect(adult.caseRecord.system).toBe('AIS');
    expect(adult.personId).toBe(child.personId);

    // The 18th birthday passed with the case open in LCS: the daily reminder flags it and moves nothing; adult
    // services then accept the young person, who is not a care leaver, and the case moves to AIS.
    expect(await system.router!.get(AdulthoodReminderService).remindBirthdaysPassed('2026-11-23')).toBe(1);
    expect((await show(at17)).caseRecord.system).toBe('LCS');
    for (const step of ['not_care_leaver', 'adult_services_accepted']) {
      await request(intake.getHttpServer())
        .post(`/v1/referrals/${at17}/transition-steps`)
        .set('Authorization', lead)
        .send({ step, on: '2026-11-23' })
        .expect(201);
    }
    const moved = await eventually(async () => {
      const view = await show(at17);
      return view.transitions[0]?.status === 'completed' && view.personId ? view : undefined;
    }, 60000);
    expect(moved.caseRecord.system).toBe('AIS');
    expect(moved.personId).toBe(child.personId);
    for (const id of others) await eventually(async () => (await show(id)).personId, 60000);

    const internal: StatisticsBody = (await request(insights.getHttpServer()).get('/v1/statistics?period=2026/27').set('Authorization', lead).expect(200)).body;
    expect([internal.referrals.total, internal.individuals.total]).toEqual([62, 61]);
    // Transitions as their own table: the young person turned 18 on 2026-09-10 with the episode open, and adult
    // services accepted them; the move is counted once, by why.
    const moves = (t: { caseMoves: { cells: Array<{ label: string; count: unknown }> } }) =>
      Object.fromEntries(t.caseMoves.cells.map((c) => [c.label, c.count]));
    expect(internal.transitions.nrmAtEighteen.total).toBe(1);
    expect(internal.transitions.acceptedByAdultServices).toBe(1);
    expect(internal.transitions.careLeaversRemaining).toBe(0);
    expect(moves(internal.transitions)['Adult services accepted']).toBe(1);

    const board = (
      await request(insights.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period: '2026/27' })
        .expect(201)
    ).body;
    expect([board.statistics.referrals.total, board.statistics.individuals.total]).toEqual([62, 61]);
    // A board's year carries the table with 1 to 5 shown as "c"; a board's quarter carries none (a year is its
    // quarters added up, so a quarter's small count could otherwise be worked out).
    expect(board.statistics.transitions.acceptedByAdultServices).not.toBe(1);
    const quarter = (
      await request(insights.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period: '2026-Q3' })
        .expect(201)
    ).body;
    expect(quarter.statistics.transitions).toBeNull();
  });
});
