import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { csrfOf, refusedPost, signIn } from './support/web';
import { ifStarted } from './support/teardown';

describe('SupportController (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    app = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const api = () => request(app.getHttpServer());
  const refer = async (body: object): Promise<string> => (await api().post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id;
  const openPrompts = async () =>
    (await api().get('/v1/children-prompts').set('Authorization', lead).expect(200)).body as Array<{ id: string; referralId: string }>;

  it("raises a children's services prompt for an adult who has children, which the lead closes with a note", async () => {
    const id = await refer(aReferral());
    const recorded = await api()
      .post(`/v1/referrals/${id}/circumstances`)
      .set('Authorization', lead)
      .send({
        wantsSupport: 'yes',
        hasChildren: 'yes',
        childrenCount: 2,
        childrenWhere: 'with their grandmother in Tirana',
        currentTown: 'High Wycombe',
        currentLocalAuthority: 'Buckinghamshire Council',
      })
      .expect(201);
    expect(recorded.body.circumstances).toMatchObject({ hasChildren: 'yes', childrenCount: 2, currentLocalAuthority: 'Buckinghamshire Council' });
    const prompt = (await openPrompts()).find((p) => p.referralId === id)!;
    expect(prompt).toBeDefined();
    // Answering again does not raise a second prompt.
    await api().post(`/v1/referrals/${id}/circumstances`).set('Authorization', lead).send({ hasChildren: 'yes', childrenCount: 2 }).expect(201);
    expect((await openPrompts()).filter((p) => p.referralId === id)).toHaveLength(1);

    const closed = await api()
      .post(`/v1/children-prompts/${prompt.id}/close`)
      .set('Authorization', lead)
      .send({ note: 'Told the MASH on 12 June; case held by the Aylesbury team' })
      .expect(201);
    expect(closed.body).toMatchObject({ id: prompt.id, note: 'Told the MASH on 12 June; case held by the Aylesbury team', closedAt: expect.any(String) });
    expect((await openPrompts()).map((p) => p.id)).not.toContain(prompt.id);
    const again = await api().post(`/v1/children-prompts/${prompt.id}/close`).set('Authorization', lead).send({ note: 'again' }).expect(400);
    expect(again.body.errors[0].path).toBe('note');
    const audited = await system.sql.query(`SELECT action FROM central.audit_events WHERE subject_id = $1::text AND action <> 'referral.create' ORDER BY id`, [
      id,
    ]);
    expect(audited.rows.map((r) => r.action)).toEqual(['circumstances.record', 'circumstances.record', 'children_prompt.close']);
  });

  it('raises the prompt with the referral when the first responder says an adult has children, and only once', async () => {
    const adult = aReferral();
    const id = await refer({ ...adult, potentialVictim: { ...adult.potentialVictim, hasChildren: true, numberOfChildren: 2 } });
    expect((await openPrompts()).filter((p) => p.referralId === id)).toHaveLength(1);
    // The lead recording the same later raises no second prompt.
    await api().post(`/v1/referrals/${id}/circumstances`).set('Authorization', lead).send({ hasChildren: 'yes', childrenCount: 2 }).expect(201);
    expect((await openPrompts()).filter((p) => p.referralId === id)).toHaveLength(1);
    const child = aChildReferral();
    const childId = await refer({ ...child, potentialVictim: { ...child.potentialVictim, hasChildren: true, numberOfChildren: 1 } });
    expect((await openPrompts()).map((p) => p.referralId)).not.toContain(childId);
  });

  it("audits each read of the children's services prompts, naming the prompts read", async () => {
    const adult = aReferral();
    const id = await refer({ ...adult, potentialVictim: { ...adult.potentialVictim, hasChildren: true, numberOfChildren: 1 } });
    const prompt = (await openPrompts()).find((p) => p.referralId === id)!;
    const rows = await system.sql.query(`SELECT purpose, details FROM central.audit_events WHERE action = 'children_prompts.read' ORDER BY id DESC LIMIT 1`);
    expect(rows.rows[0]).toMatchObject({ purpose: 'casework', details: { status: 'open', items: expect.arrayContaining([prompt.id]) } });
  });

  it('raises no prompt for a child, nor for an adult without children', async () => {
    const child = await refer(aChildReferral());
    await api().post(`/v1/referrals/${child}/circumstances`).set('Authorization', lead).send({ hasChildren: 'yes', childrenCount: 1 }).expect(201);
    const adult = await refer(aReferral());
    await api().post(`/v1/referrals/${adult}/circumstances`).set('Authorization', lead).send({ hasChildren: 'no' }).expect(201);
    expect((await openPrompts()).map((p) => p.referralId)).not.toEqual(expect.arrayContaining([child]));
    expect((await openPrompts()).map((p) => p.referralId)).not.toEqual(expect.arrayContaining([adult]));
  });

  it('refuses children described without a yes, naming the field, and writes nothing', async () => {
    const id = await refer(aReferral());
    const res = await api().post(`/v1/referrals/${id}/circumstances`).set('Authorization', lead).send({ hasChildren: 'yes' }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'childrenCount', message: expect.any(String) }]);
    const rows = await system.sql.query(`SELECT count(*)::int AS n FROM central.referral_circumstances WHERE referral_id = $1::uuid`, [id]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('records referrals to support: the local service for an adult, an ICTG for a child only', async () => {
    const adult = await refer(aReferral());
    const saved = await api()
      .post(`/v1/referrals/${adult}/support-referrals`)
      .set('Authorization', lead)
      .send({ service: 'local_service', provider: 'Willow Project', referredOn: '2026-05-10' })
      .expect(201);
    expect(saved.body.supportReferrals).toMatchObject([{ service: 'local_service', provider: 'Willow Project', referredOn: '2026-05-10' }]);
    const refused = await api()
      .post(`/v1/referrals/${adult}/support-referrals`)
      .set('Authorization', lead)
      .send({ service: 'ictg', provider: 'Barnardo’s', referredOn: '2026-05-10' })
      .expect(400);
    expect(refused.body.errors[0].path).toBe('service');
    const child = await refer(aChildReferral());
    await api()
      .post(`/v1/referrals/${child}/support-referrals`)
      .set('Authorization', lead)
      .send({ service: 'ictg', provider: 'Barnardo’s ICTG service', referredOn: '2026-05-10' })
      .expect(201);
  });

  it("shows the lead the prompt on the referral's page and closes it there with a note", async () => {
    const id = await refer(aReferral());
    const page = await signIn(app, 'safeguarding_lead');
    let html = (await page.get(`/referrals/${id}`).expect(200)).text;
    await page
      .post(`/referrals/${id}/circumstances`)
      .type('form')
      .send({ _csrf: csrfOf(html), hasChildren: 'yes', childrenCount: '3' })
      .expect(303);
    html = (await page.get(`/referrals/${id}`).expect(200)).text;
    expect(html).toContain("This adult has children: contact children's services");
    const promptId = /children-prompts\/([0-9a-f-]{36})\/close/.exec(html)![1];
    expect((await page.get('/worklists/childrens-services-prompts').expect(200)).text).toContain(`/referrals/${id}#nrm-case`);
    const empty = await refusedPost(page, `/referrals/${id}/children-prompts/${promptId}/close`, { _csrf: csrfOf(html), note: '' }, `/referrals/${id}`);
    expect(empty.text).toContain('href="#note"');
    await page
      .post(`/referrals/${id}/children-prompts/${promptId}/close`)
      .type('form')
      .send({ _csrf: csrfOf(html), note: 'Emailed the MASH' })
      .expect(303);
    html = (await page.get(`/referrals/${id}`).expect(200)).text;
    expect(html).not.toContain('This adult has children');
    expect(html).toContain('Emailed the MASH');
    const responder = await signIn(app, 'first_responder', 'Thames Valley Police');
    expect((await responder.get(`/referrals/${id}`).expect(200)).text).not.toContain('Support and the people around them');
  });
});
