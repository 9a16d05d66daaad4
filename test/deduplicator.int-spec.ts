import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { enterDirectly, type RunningMimic } from './support/mimics';
import { aReferral, aDutyToNotify, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import type { CreatedReferralBody } from './support/bodies';

/** Intake → router → case systems → change feeds → deduplicator → person index, on real PostgreSQL and Redis. */
describe('LinkingService through the queue', () => {
  let system: TestSystem;
  let lcs: RunningMimic;
  let intake: INestApplication<Server>;
  let sql: Client;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ env: { FEED_POLL_MS: 100, ROUTING_BACKOFF_MS: 100 }, mimics: true, intake: true, router: true, deduplicator: true });
    ({ lcs, intake, sql } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const post = async (body: object): Promise<CreatedReferralBody> =>
    (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body;
  const show = async (id: string) => (await request(intake.getHttpServer()).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;
  const linked = (id: string) =>
    eventually(async () => {
      const view = await show(id);
      return view.personId ? view : undefined;
    }, 45000);

  it('links a child referred in LCS and again as an adult in AIS, with a transliterated name and an estimated date of birth, as one person', async () => {
    const asChild = await post(
      aChildReferral({
        referredAt: '2024-09-02T10:00:00Z',
        age: { under18: 'yes' },
        potentialVictim: { gender: 'male', nationality: 'SDN', firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '2007-01-01', dateOfBirthEstimated: true },
      }),
    );
    const asAdult = await post(
      aReferral({
        referredAt: '2026-03-10T10:00:00Z',
        potentialVictim: { gender: 'male', nationality: 'SDN', firstName: 'Muhammad', lastName: 'Aly', dateOfBirth: '2007-03-14', aliases: ['Mo Ali'] },
      }),
    );
    const child = await linked(asChild.id);
    const adult = await linked(asAdult.id);
    expect(child.caseRecord.system).toBe('LCS');
    expect(adult.caseRecord.system).toBe('AIS');
    expect(adult.personId).toBe(child.personId);

    // Whichever record the deduplicator met second joined the first one's person, and says why.
    const { rows } = await sql.query(
      // Link history ids follow the order decisions were made (updated_at is each transaction's start time).
      `SELECT l.match_status, l.explanation FROM central.record_links l
         JOIN LATERAL (SELECT max(h.id) AS last FROM central.link_history h WHERE h.system = l.system AND h.record_id = l.record_id) h ON true
        WHERE (l.system = 'AIS' AND l.record_id = $1) OR (l.system = 'LCS' AND l.record_id = $2)
        ORDER BY h.last DESC LIMIT 1`,
      [adult.caseRecord.recordId, child.caseRecord.recordId],
    );
    expect(rows[0].match_status).toBe('MATCH');
    const fields = (rows[0].explanation.fields as Array<{ comparison: string; level: string; weight: number }>).map((f) => f.comparison);
    expect(fields).toEqual(expect.arrayContaining(['given_name', 'family_name', 'date_of_birth']));
  });

  it('never links an anonymous Duty to Notify notification', async () => {
    const notification = await post(aDutyToNotify());
    const routed = await eventually(async () => {
      const view = await show(notification.id);
      return view.status === 'routed' ? view : undefined;
    });
    await eventually(
      async () => (await sql.query(`SELECT 1 FROM central.case_records WHERE system = 'AIS' AND record_id = $1`, [routed.caseRecord.recordId])).rowCount === 1,
    );
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM central.record_links WHERE system = 'AIS' AND record_id = $1`, [
      routed.caseRecord.recordId,
    ]);
    expect(rows[0].n).toBe(0);
    expect((await show(notification.id)).personId).toBeNull();
  });

  it('puts only ids in linking job payloads', async () => {
    const jobs = await system.queue('linking').getJobs(['completed', 'waiting', 'active', 'delayed']);
    const links = jobs.filter((j) => j.name === 'link');
    expect(links.length).toBeGreaterThan(0);
    for (const job of links) {
      const data: object = job.data;
      expect(Object.keys(data).sort()).toEqual(['recordId', 'system', 'version']);
    }
  });

  it('links a record a practitioner entered directly, with no referral behind it', async () => {
    const recordId = await enterDirectly(lcs, {
      subject: { firstName: 'Thi', lastName: 'Tran', dateOfBirth: '2011-05-05', sex: 'female', nationality: 'VNM' },
      referralDate: '2026-02-01',
    });
    await eventually(async () => (await sql.query(`SELECT 1 FROM central.record_links WHERE system = 'LCS' AND record_id = $1`, [recordId])).rowCount === 1);
  });

  it('puts a worker stopped in the middle of a batch back on its feet with every record linked once', async () => {
    const ids: string[] = [];
    const adults = [
      ['Ioana', 'Popescu'],
      ['Mirela', 'Dumitru'],
      ['Besnik', 'Gashi'],
      ['Lindita', 'Berisha'],
      ['Tomasz', 'Kowalski'],
      ['Oksana', 'Melnyk'],
    ];
    const children = [
      ['Jake', 'Turner'],
      ['Kyle', 'Hughes'],
      ['Tyler', 'Walsh'],
      ['Liam', 'Doherty'],
      ['Mason', 'Price'],
      ['Ethan', 'Lloyd'],
    ];
    for (let i = 0; i < 6; i += 1) {
      const [first, last] = adults[i];
      ids.push(
        (
          await post(
            aReferral({
              potentialVictim: { gender: 'female', nationality: 'ROU', firstName: first, lastName: last, dateOfBirth: `19${80 + i}-0${i + 1}-1${i}` },
            }),
          )
        ).id,
      );
      const [cFirst, cLast] = children[i];
      ids.push(
        (
          await post(
            aChildReferral({
              potentialVictim: { gender: 'male', nationality: 'GBR', firstName: cFirst, lastName: cLast, dateOfBirth: `201${i}-1${i % 3}-2${i}` },
            }),
          )
        ).id,
      );
    }
    await eventually(async () => (await sql.query(`SELECT count(*)::int AS n FROM central.case_records`)).rows[0].n >= 3);
    // Stop in the middle of the batch; a new worker takes over.
    await system.restartDeduplicator();
    for (const id of ids) await linked(id);
    const { rows } = await sql.query(`
      SELECT count(*)::int AS links, count(DISTINCT (system, record_id))::int AS records FROM central.record_links`);
    expect(rows[0].links).toBe(rows[0].records);
    const persons = await sql.query(`SELECT count(DISTINCT person_id)::int AS n FROM central.referrals WHERE id = ANY($1::uuid[])`, [ids]);
    expect(persons.rows[0].n).toBe(12);
  });
});
