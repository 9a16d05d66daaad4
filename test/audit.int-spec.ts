import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { csrfOf, signIn } from './support/web';
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

  const api = () => request(app.getHttpServer());
  const refer = async (): Promise<string> => (await api().post('/v1/referrals').set('Authorization', lead).send(aReferral()).expect(201)).body.id;
  const auditOf = async (action: string, subjectId: string) =>
    (
      await sql.query(
        `SELECT outcome, purpose, request_id, client_request_id, details FROM central.audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`,
        [action, subjectId],
      )
    ).rows;
  const SERVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it("audits reads of a referral's support record and of its NRM decisions", async () => {
    const id = await refer();
    await api()
      .get(`/v1/referrals/${id}/support`)
      .set('Authorization', lead)
      .set('X-Access-Purpose', 'safeguarding')
      .set('X-Request-Id', 'support-read-1')
      .expect(200);
    await api().get(`/v1/referrals/${id}/decisions`).set('Authorization', lead).set('X-Request-Id', 'decisions-read-1').expect(200);
    expect(await auditOf('referral.support.read', id)).toEqual([
      {
        outcome: 'allowed',
        purpose: 'safeguarding',
        request_id: expect.stringMatching(SERVICE_ID),
        client_request_id: 'support-read-1',
        details: null,
      },
    ]);
    expect(await auditOf('referral.decisions.read', id)).toEqual([
      {
        outcome: 'allowed',
        purpose: 'casework',
        request_id: expect.stringMatching(SERVICE_ID),
        client_request_id: 'decisions-read-1',
        details: null,
      },
    ]);
  });

  it("stores the caller's purpose and X-Request-Id, and the service's request id, on the rows of persons and exports", async () => {
    const person = randomUUID();
    await sql.query(`INSERT INTO central.persons (id) VALUES ($1)`, [person]);
    await api()
      .get(`/v1/persons/${person}/export`)
      .set('Authorization', lead)
      .set('X-Access-Purpose', 'court_order')
      .set('X-Request-Id', 'sar-2026-0042')
      .expect(200);
    await api().get(`/v1/persons/${person}`).set('Authorization', lead).set('X-Access-Purpose', 'strategy_meeting').expect(200);
    // Without the header, the route's own purpose.
    await api().get(`/v1/persons/${person}/export`).set('Authorization', lead).expect(200);
    const exports = await auditOf('person.subject_access_export', person);
    expect(exports).toEqual([
      expect.objectContaining({ purpose: 'court_order', request_id: expect.stringMatching(SERVICE_ID), client_request_id: 'sar-2026-0042' }),
      expect.objectContaining({ purpose: 'subject access request', request_id: expect.stringMatching(SERVICE_ID), client_request_id: null }),
    ]);
    const reads = await auditOf('person.read', person);
    expect(reads.map((r) => [r.purpose, r.client_request_id])).toEqual([
      ['court_order', 'sar-2026-0042'],
      ['strategy_meeting', null],
      ['casework', null],
    ]);
    expect(reads.map((r) => r.request_id)).toEqual([expect.stringMatching(SERVICE_ID), expect.stringMatching(SERVICE_ID), expect.stringMatching(SERVICE_ID)]);
    // The export's two rows are one request's.
    expect(reads[0].request_id).toBe(exports[0].request_id);

    await api().get('/v1/reviews').set('Authorization', lead).set('X-Access-Purpose', 'linkage_review').set('X-Request-Id', 'reviews-1').expect(200);
    const { rows } = await sql.query(`SELECT purpose, request_id, client_request_id FROM central.audit_events WHERE action = 'review.list'`);
    expect(rows).toEqual([{ purpose: 'linkage_review', request_id: expect.stringMatching(SERVICE_ID), client_request_id: 'reviews-1' }]);
  });

  it('gives the ids of the request to the rows written with a change', async () => {
    const id = await refer();
    const change = (path: string, body: object, requestId: string) =>
      api().post(`/v1/referrals/${id}/${path}`).set('Authorization', lead).set('X-Request-Id', requestId).send(body);
    await change('decisions', { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }, 'decision-1').expect(201);
    await change('circumstances', { hasChildren: 'yes', childrenCount: 1 }, 'circumstances-1').expect(201);
    await change('support-referrals', { service: 'msvcc', provider: 'The Salvation Army', referredOn: '2026-05-21' }, 'support-1').expect(201);
    await api()
      .post(`/v1/referrals/${id}/home-office-submission`)
      .set('Authorization', lead)
      .set('X-Access-Purpose', 'home_office_submission')
      .set('X-Request-Id', 'submission-1')
      .send({ submittedAt: '2026-05-05T09:00:00Z', reference: 'NRM-2026-004201', competentAuthority: 'SCA' })
      .expect(201);
    const prompt = (await api().get('/v1/children-prompts').set('Authorization', lead).expect(200)).body.find(
      (p: { referralId: string }) => p.referralId === id,
    ) as { id: string };
    await api()
      .post(`/v1/children-prompts/${prompt.id}/close`)
      .set('Authorization', lead)
      .set('X-Request-Id', 'prompt-1')
      .send({ note: 'Told the MASH' })
      .expect(201);
    const expected: Array<[string, string, string]> = [
      ['decision.record', 'casework', 'decision-1'],
      ['circumstances.record', 'casework', 'circumstances-1'],
      ['support_referral.record', 'casework', 'support-1'],
      ['referral.home_office_submission', 'home_office_submission', 'submission-1'],
      ['children_prompt.close', 'casework', 'prompt-1'],
    ];
    for (const [action, purpose, clientId] of expected) {
      const rows = await auditOf(action, id);
      expect({ action, rows }).toEqual({
        action,
        rows: [expect.objectContaining({ outcome: 'allowed', purpose, request_id: expect.stringMatching(SERVICE_ID), client_request_id: clientId })],
      });
    }
  });

  it("audits as refused a first responder's reads and submissions of another organisation's referral, in the API and on pages", async () => {
    const id = await refer();
    const other = await bearer('first_responder', 'Another Police Force', 'fr-other-1');
    await api().get(`/v1/referrals/${id}/home-office-answers`).set('Authorization', other).set('X-Request-Id', 'refused-1').expect(404);
    await api()
      .post(`/v1/referrals/${id}/home-office-submission`)
      .set('Authorization', other)
      .send({
        submittedAt: '2026-05-05T09:00:00Z',
        reference: 'NRM-2026-009901',
        competentAuthority: 'SCA',
      })
      .expect(404);
    const agent = await signIn(app, 'first_responder', 'Another Police Force');
    await agent.get(`/referrals/${id}`).expect(404);
    await agent.get(`/referrals/${id}/home-office-answers`).expect(404);
    await agent.get(`/referrals/${id}/confirmation`).expect(404);
    const form = await agent.get('/referrals/new').expect(200);
    await agent
      .post(`/referrals/${id}/home-office-submission`)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        'submittedAt-day': '5',
        'submittedAt-month': '5',
        'submittedAt-year': '2026',
        reference: 'NRM-2026-009902',
        competentAuthority: 'SCA',
      })
      .expect(404);
    const { rows } = await sql.query(
      `SELECT action, actor_role, actor_org, request_id, client_request_id, details FROM central.audit_events WHERE subject_id = $1 AND outcome = 'refused' ORDER BY id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'referral.home_office_answers.read',
      'referral.home_office_submission',
      'referral.read',
      'referral.home_office_answers.read',
      'referral.read',
      'referral.home_office_submission',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_role: 'first_responder',
        actor_org: 'Another Police Force',
        request_id: expect.stringMatching(SERVICE_ID),
      });
      expect(row.details).toEqual({ reason: 'not_found' });
    }
    expect(rows[0].client_request_id).toBe('refused-1');
    // Nothing was recorded for them.
    const submitted = await sql.query(`SELECT count(*)::int AS n FROM central.home_office_submissions WHERE referral_id = $1`, [id]);
    expect(submitted.rows[0].n).toBe(0);
  });

  it('keeps personal data out of the audit', async () => {
    const { rows } = await sql.query(`SELECT row_to_json(a)::text AS line FROM central.audit_events a`);
    for (const { line } of rows) expect(line).not.toMatch(/Hoxha|Arta|1994-03-12/);
  });
});
