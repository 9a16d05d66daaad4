import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { PotentialVictim } from '@app/domain';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** Personal data stays out of logs, job payloads and error bodies; the HTTP surface is hardened. */
describe('intake hardening', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let lead: string;
  let logFile: string;
  // Names no fixture or code uses, so any appearance in a log line is this referral's.
  const victim: PotentialVictim = {
    gender: 'female',
    nationality: 'MDA',
    firstName: 'Zinovia',
    lastName: 'Quartermaine',
    dateOfBirth: '1993-07-19',
    nhsNumber: '9434765919',
  };

  beforeAll(async () => {
    logFile = path.join(mkdtempSync(path.join(tmpdir(), 'rh-logs-')), 'intake.log');
    system = await startSystem({ env: { LOG_LEVEL: 'trace', LOG_DESTINATION: logFile, BODY_LIMIT_BYTES: 64 * 1024 }, intake: true });
    app = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  it("keeps a referral's names, date of birth and NHS number out of every log line", async () => {
    const created = await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ potentialVictim: victim }))
      .expect(201);
    await request(app.getHttpServer()).get(`/v1/referrals/${created.body.id}`).set('Authorization', lead).expect(200);
    await request(app.getHttpServer()).get('/v1/referrals').query({ organisation: 'Quartermaine' }).set('Authorization', lead).expect(200);
    await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ potentialVictim: { ...victim, nationality: 'XXX' } }))
      .expect(400);
    const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"/v1/referrals"')).length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/Zinovia|Quartermaine|1993-07-19|9434765919/);
  });

  it('keeps personal data out of the routing job payload', async () => {
    const created = await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ potentialVictim: victim }))
      .expect(201);
    const queue = system.queue('routing');
    try {
      const job = await eventually(() => queue.getJob(`deliver-${created.body.id}`));
      const data: object = job.data;
      expect(Object.keys(data)).toEqual(['referralId']);
      expect(JSON.stringify(job)).not.toMatch(/Zinovia|Quartermaine|1993-07-19/);
    } finally {
      await queue.obliterate({ force: true });
    }
  });

  it('names failing fields without echoing the values sent', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ potentialVictim: { ...victim, dateOfBirth: '1993-02-30', nhsNumber: '9434765918' } }))
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['potentialVictim.dateOfBirth', 'potentialVictim.nhsNumber']));
    expect(JSON.stringify(res.body)).not.toMatch(/Zinovia|Quartermaine|1993-02-30|9434765918/);
  });

  it('sends helmet headers and no CORS permission by default', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').set('Origin', 'https://elsewhere.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the size limit with 413', async () => {
    await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ narrative: 'x'.repeat(70 * 1024) }))
      .expect(413);
  });
});
