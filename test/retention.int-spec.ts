import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { RetentionService } from '../apps/router/src/retention/retention.service';
import { bearer } from './support/auth';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

describe('RetentionService', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let sql: Client;
  let lead: string;
  let run: (today: string) => Promise<number>;

  beforeAll(async () => {
    // No case systems here: referrals stay accepted, which retention does not care about.
    system = await startSystem({
      env: { AIS_URL: 'http://127.0.0.1:1', LCS_URL: 'http://127.0.0.1:1', ROUTING_ATTEMPTS: 1 },
      intake: true,
      insights: true,
      router: true,
    });
    ({ intake, insights, sql } = system as Required<TestSystem>);
    const service = system.router!.get(RetentionService);
    run = (today) => service.run(today);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const post = async (body: object) =>
    (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id as string;
  const statistics = async () => {
    const body = (
      await request(insights.getHttpServer()).get('/v1/statistics').query({ from: '2026-01-01', to: '2026-12-31' }).set('Authorization', lead).expect(200)
    ).body;
    delete body.dataCutOff;
    return body;
  };
  const row = async (id: string) => (await sql.query(`SELECT * FROM central.referrals WHERE id = $1`, [id])).rows[0];

  async function linkAsOnePerson(ids: string[]): Promise<string> {
    const person = randomUUID();
    await sql.query(`INSERT INTO central.persons (id) VALUES ($1)`, [person]);
    await sql.query(`UPDATE central.referrals SET person_id = $1 WHERE id = ANY($2::uuid[])`, [person, ids]);
    return person;
  }

  it('anonymises an adult past the period after last contact, keeps a child to the anniversary of birth, and a person by their longest class', async () => {
    // Exploited from 15: a child at exploitation by her date of birth alone, which retention must not forget.
    const adult = await post(
      aReferral({
        age: { under18: 'no' },
        potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'Drita', lastName: 'Hoxhaj', dateOfBirth: '1990-02-02', nhsNumber: '9434765919' },
        exploitation: { types: ['sexual'], location: 'uk', startDate: '2005-06-01' },
      }),
    );
    const child = await post(
      aChildReferral({ potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Minh', lastName: 'Pham', dateOfBirth: '2012-04-04' } }),
    );
    const laterAdult = await post(
      aReferral({ potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Minh', lastName: 'Pham', dateOfBirth: '2008-04-04' } }),
    );
    const grownUp = await post(
      aChildReferral({
        referredAt: '2026-01-05T09:00:00Z',
        potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Minh', lastName: 'Pham', dateOfBirth: '2008-04-04' },
      }),
    );
    await linkAsOnePerson([laterAdult, grownUp]);
    const before = await statistics();

    expect(await run('2031-01-01')).toBe(0);
    expect(await run('2033-01-01')).toBe(1);

    const anonymised = await row(adult);
    expect(anonymised.anonymised_at).not.toBeNull();
    expect(anonymised.date_of_birth).toBeNull();
    expect(anonymised.retained_age_now_band).toBe('adult');
    expect(anonymised.retained_age_start_band).toBe('child');
    expect(JSON.stringify(anonymised.details)).not.toMatch(/Drita|Hoxhaj|1990-02-02|9434765919|sam\.officer/);
    expect(anonymised.details.potentialVictim).toEqual({ gender: 'female', nationality: 'ALB' });
    // The child (born 2012) is kept to 2087; the adult linked to a child's record is kept with it.
    expect((await row(child)).anonymised_at).toBeNull();
    expect((await row(laterAdult)).anonymised_at).toBeNull();
    expect((await row(grownUp)).anonymised_at).toBeNull();

    expect(await statistics()).toEqual(before);
  });

  it('audits what it anonymised, with no personal data', async () => {
    const { rows } = await sql.query(`SELECT actor_sub, subject_type, details FROM central.audit_events WHERE action = 'retention.anonymised'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_sub: 'retention', subject_type: 'referral', details: { referrals: 1 } });
  });

  it('anonymises a person whose every record is past the longest period', async () => {
    expect(await run('2084-05-01')).toBeGreaterThanOrEqual(1);
    const remaining = await sql.query(`SELECT count(*)::int AS n FROM central.referrals WHERE anonymised_at IS NULL`);
    expect(remaining.rows[0].n).toBe(1);
    expect(await run('2088-01-01')).toBe(1);
  });
});
