import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { StatisticsFixtures } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

describe('NrmCaseStatisticsController (insights)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let fixtures: StatisticsFixtures;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ insights: true });
    app = system.insights!;
    fixtures = new StatisticsFixtures(system.sql);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const figures = (query: string, token = lead) => request(app.getHttpServer()).get(`/v1/statistics/nrm-cases?${query}`).set('Authorization', token);
  const support = (referralId: string, service: string, referredOn: string) =>
    system.sql.query(
      `INSERT INTO central.support_referrals (id, referral_id, service, provider, referred_on, recorded_by) VALUES (gen_random_uuid(), $1, $2, 'Willow Project', $3, 'fixture')`,
      [referralId, service, referredOn],
    );

  it('gives median days referral → RG and RG → CG, cases waiting by months, and support referrals made', async () => {
    // Referred 1 March 2019; first RG 4, 10 and 21 days later (the reconsidered one counts from its first decision).
    const a = await fixtures.referral({ referredAt: '2019-03-01T10:00:00Z' });
    const b = await fixtures.referral({ referredAt: '2019-03-01T10:00:00Z' });
    const c = await fixtures.referral({ referredAt: '2019-03-01T10:00:00Z' });
    await fixtures.decision(a, 'reasonable_grounds', 'positive', '2019-03-05');
    await fixtures.decision(b, 'reasonable_grounds', 'negative', '2019-03-11');
    await fixtures.decision(b, 'reconsideration_requested', null, '2019-03-15');
    await fixtures.decision(b, 'reasonable_grounds', 'positive', '2019-04-20');
    await fixtures.decision(c, 'reasonable_grounds', 'positive', '2019-03-22');
    // a: CG 100 days after its positive RG; b: counted from the overturned (positive) RG of 20 April.
    await fixtures.decision(a, 'conclusive_grounds', 'positive', '2019-06-13');
    await fixtures.decision(b, 'conclusive_grounds', 'negative', '2019-06-19');
    // Still waiting on 30 June: one for its RG since March (3 months), c for its CG since 22 March (3 months).
    await fixtures.referral({ referredAt: '2019-03-29T10:00:00Z' });
    await support(a, 'local_service', '2019-03-10');
    await support(c, 'msvcc', '2019-04-01');

    const res = await figures('from=2019-03-01&to=2019-06-30').expect(200);
    expect(res.body.figuresAre).toBe('exact');
    expect(res.body.referralToReasonableGrounds).toEqual({ median: 10, decisions: 3 });
    expect(res.body.reasonableToConclusiveGrounds).toEqual({ median: 80, decisions: 2 });
    expect(res.body.waitingOnLastDay.reasonableGrounds.byMonthsWaiting).toContainEqual({ label: '3 to 5 months', count: 1 });
    expect(res.body.waitingOnLastDay.conclusiveGrounds).toEqual({ total: 1, byMonthsWaiting: expect.arrayContaining([{ label: '3 to 5 months', count: 1 }]) });
    expect(res.body.supportReferrals).toEqual({
      total: 2,
      byService: [
        { service: 'local_service', referrals: 1 },
        { service: 'msvcc', referrals: 1 },
      ],
    });
  });

  it('is for the safeguarding lead only', async () => {
    await figures('period=2019-Q2', await bearer('board_viewer')).expect(403);
  });

  it('refuses a period it cannot read, naming it', async () => {
    const res = await figures('period=2019-Q5').expect(400);
    expect(res.body.errors[0].path).toBe('period');
  });
});
