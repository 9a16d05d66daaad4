import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { eventually } from './support/env';
import { ifStarted } from './support/teardown';

describe('AuditService', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let lead: string;
  let admin: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    ({ sql } = system);
    app = system.intake!;
    lead = await bearer('safeguarding_lead', undefined, 'lead-1');
    admin = await bearer('admin', undefined, 'admin-1');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  it('records a read of a referral with who, what, purpose and request id', async () => {
    const created = await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(aReferral()).expect(201);
    await request(app.getHttpServer())
      .get(`/v1/referrals/${created.body.id}`)
      .set('Authorization', lead)
      .set('X-Access-Purpose', 'strategy_meeting')
      .set('X-Request-Id', 'req-audit-1')
      .expect(200);
    const creation = await sql.query(`SELECT actor_sub FROM central.audit_events WHERE action = 'referral.create' AND subject_id = $1`, [created.body.id]);
    expect(creation.rows).toEqual([{ actor_sub: 'lead-1' }]);
    const { rows } = await sql.query(`SELECT * FROM central.audit_events WHERE action = 'referral.read' AND subject_id = $1`, [created.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_sub: 'lead-1',
      actor_role: 'safeguarding_lead',
      outcome: 'allowed',
      purpose: 'strategy_meeting',
      client_request_id: 'req-audit-1',
    });
    expect(rows[0].request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records a signed-in principal's refusals, and counts anonymous ones per address and minute instead", async () => {
    await request(app.getHttpServer()).get('/v1/audit').set('Authorization', lead).expect(403);
    await request(app.getHttpServer()).get('/v1/referrals').expect(401);
    const { rows } = await sql.query(`SELECT actor_sub, details FROM central.audit_events WHERE outcome = 'refused' ORDER BY id`);
    expect(rows.map((r) => r.actor_sub)).toEqual(['lead-1']);
    expect(rows[0].details.route).toBe('GET /v1/audit');
    const counted = await eventually(
      async () => (await sql.query(`SELECT count FROM central.refused_anonymous_requests WHERE reason = 'missing_token'`)).rows[0],
      10_000,
    );
    expect(counted.count).toBe(1);
  });

  it('refuses a malformed X-Request-Id and a purpose the role may not give, naming the header', async () => {
    const bad = await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', lead).set('X-Request-Id', 'x'.repeat(65)).expect(400);
    expect(bad.body.errors[0].path).toBe('X-Request-Id');
    const purpose = await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', lead).set('X-Access-Purpose', 'board_report').expect(400);
    expect(purpose.body.errors[0]).toMatchObject({ path: 'X-Access-Purpose', message: expect.stringContaining('strategy_meeting') });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    await expect(sql.query(`UPDATE central.audit_events SET actor_sub = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM central.audit_events`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE central.audit_events`)).rejects.toThrow(/append-only/);
  });

  it('lets an admin read and filter the audit, and nobody else', async () => {
    const res = await request(app.getHttpServer()).get('/v1/audit').query({ action: 'referral.read' }).set('Authorization', admin).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { action: string }) => e.action === 'referral.read')).toBe(true);
    await request(app.getHttpServer())
      .get('/v1/audit')
      .set('Authorization', await bearer('board_viewer'))
      .expect(403);
  });

  it('keeps personal data out of the audit', async () => {
    const { rows } = await sql.query(`SELECT row_to_json(a)::text AS line FROM central.audit_events a`);
    for (const { line } of rows) expect(line).not.toMatch(/Hoxha|Arta|1994-03-12/);
  });
});
