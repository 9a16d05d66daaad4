import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { startSystem, type TestSystem } from './support/system';
import { aReferral, aDutyToNotify, aChildReferral } from './support/fixtures';
import { ifStarted } from './support/teardown';

describe('DecisionController (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let routing: Queue;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    ({ sql } = system);
    app = system.intake!;
    routing = system.queue('routing');
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(routing)
      ?.obliterate({ force: true })
      .catch(() => undefined);
    await ifStarted(system)?.close();
  });

  const refer = async (body: object): Promise<string> =>
    (await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id;
  const decide = (id: string, body: object, token = lead) =>
    request(app.getHttpServer()).post(`/v1/referrals/${id}/decisions`).set('Authorization', token).send(body);
  const count = async (table: string) => Number((await sql.query(`SELECT count(*) FROM central.${table}`)).rows[0].count);

  it('records a positive reasonable grounds decision, then a conclusive grounds decision, as status events', async () => {
    const id = await refer(aReferral());
    const [referrals, persons] = [await count('referrals'), await count('persons')];
    const rg = await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }).expect(201);
    expect(rg.body).toMatchObject({
      decision: { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' },
      nrmStatus: 'awaiting_conclusive_grounds',
    });
    const cg = await decide(id, { type: 'conclusive_grounds', outcome: 'negative', decidedOn: '2026-09-01' }).expect(201);
    expect(cg.body.nrmStatus).toBe('negative_conclusive_grounds');
    // Never a new referral, case or person.
    expect([await count('referrals'), await count('persons')]).toEqual([referrals, persons]);
    const listed = await request(app.getHttpServer()).get(`/v1/referrals/${id}/decisions`).set('Authorization', lead).expect(200);
    expect(listed.body.nrmStatus).toBe('negative_conclusive_grounds');
    expect(listed.body.decisions.map((d: { type: string }) => d.type)).toEqual(['reasonable_grounds', 'conclusive_grounds']);
  });

  it('records the decision at 18 of a person referred as a child, and a withdrawal after it', async () => {
    const id = await refer(aChildReferral({ referredAt: '2025-01-10T10:00:00Z' }));
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2025-02-01' }).expect(201);
    const stay = await decide(id, { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2025-07-01' }).expect(201);
    expect(stay.body.nrmStatus).toBe('awaiting_conclusive_grounds');
    const withdrawn = await decide(id, { type: 'withdrawal', decidedOn: '2025-08-01' }).expect(201);
    expect(withdrawn.body.nrmStatus).toBe('withdrawn');
    await decide(id, { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2025-09-01' }).expect(400);
  });

  it('treats a refusal to stay in the NRM at 18 as leaving it', async () => {
    const id = await refer(aChildReferral({ referredAt: '2025-01-10T10:00:00Z' }));
    const declined = await decide(id, { type: 'consent_to_stay', outcome: 'declined', decidedOn: '2025-03-01' }).expect(201);
    expect(declined.body.nrmStatus).toBe('withdrawn');
  });

  it.each([
    ['a grounds decision without an outcome', { type: 'reasonable_grounds', decidedOn: '2026-05-20' }, 'outcome'],
    ['a withdrawal with an outcome', { type: 'withdrawal', outcome: 'positive', decidedOn: '2026-05-20' }, 'outcome'],
    ['a consent-to-stay outcome on a grounds decision', { type: 'reasonable_grounds', outcome: 'consented', decidedOn: '2026-05-20' }, 'outcome'],
    ['a decision in the future', { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2099-01-01' }, 'decidedOn'],
    ['a decision before the referral', { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-01-01' }, 'decidedOn'],
    ['a date that does not exist', { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-02-30' }, 'decidedOn'],
    ['an unknown type', { type: 'appeal', decidedOn: '2026-05-20' }, 'type'],
    ['an unknown field', { type: 'withdrawal', decidedOn: '2026-05-20', reason: 'x' }, 'reason'],
  ])('refuses %s with a 400', async (_, body, path) => {
    const id = await refer(aReferral());
    const res = await decide(id, body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a conclusive grounds decision before a reasonable grounds decision, naming type (400)', async () => {
    const id = await refer(aReferral());
    const res = await decide(id, { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-06-01' }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'type', message: 'a conclusive grounds decision follows a positive reasonable grounds decision' }]);
  });

  it('refuses a second reasonable grounds decision without a reconsideration (400 on type)', async () => {
    const id = await refer(aReferral());
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }).expect(201);
    const again = await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-21' }).expect(400);
    expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(['type']);
  });

  it('refuses anything but a reconsideration request after a negative reasonable grounds decision (400 on type)', async () => {
    const id = await refer(aReferral());
    await decide(id, { type: 'reasonable_grounds', outcome: 'negative', decidedOn: '2026-05-20' }).expect(201);
    const after = await decide(id, { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-05-21' }).expect(400);
    expect(after.body.errors[0]).toEqual({ path: 'type', message: expect.stringContaining('only a reconsideration request can follow it') });
  });

  it('records a reconsideration of a negative reasonable grounds decision and the new decision overturning it, audited', async () => {
    const id = await refer(aReferral());
    await decide(id, { type: 'reasonable_grounds', outcome: 'negative', decidedOn: '2026-05-20', competentAuthority: 'SCA' }).expect(201);
    const requested = await decide(id, { type: 'reconsideration_requested', decidedOn: '2026-05-27' }).expect(201);
    expect(requested.body.nrmCase).toMatchObject({
      status: 'reconsideration_requested',
      reconsideration: { stage: 'reasonable_grounds', requestedOn: '2026-05-27', dueOn: '2026-06-27' },
    });
    const overturned = await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-06-15', competentAuthority: 'SCA' }).expect(201);
    expect(overturned.body.nrmStatus).toBe('awaiting_conclusive_grounds');

    const shown = await request(app.getHttpServer()).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200);
    expect(shown.body.nrmCase.status).toBe('awaiting_conclusive_grounds');
    expect(shown.body.nrmCase.competentAuthority).toBe('SCA');
    expect(
      shown.body.nrmCase.history.map((h: { type: string; outcome: string | null; reconsideration: string | null }) => [h.type, h.outcome, h.reconsideration]),
    ).toEqual([
      ['reasonable_grounds', 'negative', null],
      ['reconsideration_requested', null, null],
      ['reasonable_grounds', 'positive', 'overturned'],
    ]);
    const audited = await sql.query(
      `SELECT details->>'type' AS type FROM central.audit_events WHERE action = 'decision.record' AND subject_id = $1 ORDER BY id`,
      [id],
    );
    expect(audited.rows.map((r) => r.type)).toEqual(['reasonable_grounds', 'reconsideration_requested', 'reasonable_grounds']);
  });

  it('records a positive conclusive grounds decision with its finding', async () => {
    const id = await refer(aReferral());
    await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }).expect(201);
    const cg = await decide(id, {
      type: 'conclusive_grounds',
      outcome: 'positive',
      decidedOn: '2026-08-20',
      competentAuthority: 'IECA',
      finding: 'human_trafficking',
    }).expect(201);
    expect(cg.body.decision).toMatchObject({ competentAuthority: 'IECA', finding: 'human_trafficking' });
    expect(cg.body.nrmStatus).toBe('positive_conclusive_grounds');
  });

  it('writes neither decision nor audit row for a refused decision', async () => {
    const id = await refer(aReferral());
    await decide(id, { type: 'reconsideration_requested', decidedOn: '2026-05-20' }).expect(400);
    const rows = await sql.query(
      `SELECT (SELECT count(*) FROM central.decisions WHERE referral_id = $1::uuid)::int AS d,
                                         (SELECT count(*) FROM central.audit_events WHERE action = 'decision.record' AND subject_id = $1::text)::int AS a`,
      [id],
    );
    expect(rows.rows[0]).toEqual({ d: 0, a: 0 });
  });

  it('refuses decisions on a Duty to Notify notification, which is not in the NRM (422)', async () => {
    const id = await refer(aDutyToNotify());
    const res = await decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }).expect(422);
    expect(res.body.error).toBe('not_in_nrm');
  });

  it('refuses the decision at 18 for someone referred as an adult (422)', async () => {
    const id = await refer(aReferral());
    const res = await decide(id, { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-05-20' }).expect(422);
    expect(res.body.error).toBe('not_referred_as_child');
  });

  it('records one of two reasonable grounds decisions posted at once', async () => {
    const id = await refer(aReferral());
    const answers = await Promise.all([
      decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }),
      decide(id, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
  });

  it('answers 404 for a referral that does not exist', async () => {
    await decide('7d0c5b6e-2a51-4c1d-9a55-1f1f1f1f1f1f', { type: 'withdrawal', decidedOn: '2026-05-20' }).expect(404);
  });

  it.each([
    ['first_responder', 'Thames Valley Police'],
    ['board_viewer', undefined],
  ] as const)('answers 403 to a %s', async (role, org) => {
    const id = await refer(aReferral());
    await decide(id, { type: 'withdrawal', decidedOn: '2026-05-20' }, await bearer(role, org)).expect(403);
    await request(app.getHttpServer())
      .get(`/v1/referrals/${id}/decisions`)
      .set('Authorization', await bearer(role, org))
      .expect(403);
  });
});
