import type { Client } from 'pg';
import request from 'supertest';
import { ContactController } from '../apps/lcs/src/contacts/contact.controller';
import { FeedController } from '../apps/lcs/src/feed/feed.controller';
import { FaultInjectionMiddleware } from '../apps/lcs/src/http/fault-injection.middleware';
import { bearer } from './support/auth';
import { anLcsContactRequest } from './support/fixtures';
import type { RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

type Body = Record<string, unknown>;

describe('LCS mimic', () => {
  let system: TestSystem;
  let lcs: RunningMimic;
  let sql: Client;
  let serviceAuth: string;

  beforeAll(async () => {
    system = await startSystem({ lcs: true });
    ({ lcs, sql } = system as Required<TestSystem>);
    serviceAuth = await bearer('service');
  });

  afterAll(() => ifStarted(system)?.close());

  afterEach(() => lcs.setFaults({ latencyMs: 0, failureRate: 0 }));

  const api = () => request.agent(lcs.url).set('Authorization', serviceAuth);
  const post = (body: Body) => api().post('/lcs/api/contacts').send(body);
  const count = async (table: string) => Number((await sql.query(`SELECT count(*) FROM lcs.${table}`)).rows[0].count);
  const counts = async () => [await count('contacts'), await count('children'), await count('feed')];
  /** The id of a contact as POST /lcs/api/contacts answers it. */
  const contactId = (res: { body: { id: string } }): string => res.body.id;
  const transfer = (id: string, body: Body = {}) =>
    api()
      .post(`/lcs/api/contacts/${id}/transfer-to-adults`)
      .send({ aisRecordId: 'SC-000777', reason: 'eighteenth_birthday', effectiveOn: '2026-06-07', ...body });

  describe(ContactController.name, () => {
    it('records a contact and reads it back in LCS format', async () => {
      const body = anLcsContactRequest({ summary: 'Found in a cannabis grow' }, { aliases: ['Anna'], ageDisputed: true, nhsNumber: '9434765919' });
      const created = await post(body).expect(201);
      const read = await api().get(`/lcs/api/contacts/${created.body.id}`).expect(200);
      expect(read.body).toMatchObject({
        id: expect.stringMatching(/^\d+$/),
        childId: expect.stringMatching(/^LCS-\d{6}$/),
        version: 1,
        status: 'open',
        closureReason: null,
        externalReference: body.externalReference,
        source: 'INTEGRATION',
        contactDate: '2026-03-10',
        child: {
          name: 'HOXHA, Ana Maria',
          aliases: ['Anna'],
          dateOfBirth: '2010-06-07',
          ageDisputed: true,
          gender: 'female',
          nationality: 'AL',
          nhsNumber: '9434765919',
        },
        factors: ['12A'],
        summary: 'Found in a cannabis grow',
        transfer: null,
      });
      // The answer to the create is the stored contact, field for field, as a later read gives it.
      expect(created.body).toEqual(read.body);
    });
    it('holds the surname in capitals', async () => {
      const res = await post(anLcsContactRequest({}, { name: 'Hoxha ,  Ana' })).expect(201);
      expect(res.body.child.name).toBe('HOXHA, Ana');
    });
    it('files a contact under the register child with the same surname and date of birth', async () => {
      const first = await post(anLcsContactRequest({}, { name: 'BERISHA, Drita', dateOfBirth: '2011-01-02' })).expect(201);
      const second = await post(anLcsContactRequest({}, { name: 'Berisha, Dritan', dateOfBirth: '2011-01-02', gender: 'male' })).expect(201);
      expect(second.body.childId).toBe(first.body.childId);
    });
    it('files contacts about one new child arriving at once under one register child', async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => post(anLcsContactRequest({}, { name: `SIMULTAN, Arta${i}`, dateOfBirth: '2012-07-07' })).expect(201)),
      );
      expect(new Set(answers.map((a) => a.body.childId)).size).toBe(1);
      const children = await sql.query(`SELECT count(*) FROM lcs.children WHERE surname = 'SIMULTAN'`);
      expect(Number(children.rows[0].count)).toBe(1);
    });
    it('makes a second register child for a variant spelling of the surname', async () => {
      const first = await post(anLcsContactRequest({}, { name: 'NGUYEN, Van', dateOfBirth: '2009-05-05' })).expect(201);
      const variant = await post(anLcsContactRequest({}, { name: 'NGUYENN, Van', dateOfBirth: '2009-05-05' })).expect(201);
      expect(variant.body.childId).not.toBe(first.body.childId);
    });
    it('gives a contact about an unidentified child no register child', async () => {
      const res = await post(anLcsContactRequest({}, { name: undefined, dateOfBirth: undefined, gender: 'not_known', nationality: undefined })).expect(201);
      expect(res.body).toMatchObject({ childId: null, child: { name: null, dateOfBirth: null } });
    });
    it('answers the same contact when an externalReference is repeated', async () => {
      const body = anLcsContactRequest();
      const first = await post(body).expect(201);
      const repeat = await post({ ...body, summary: 'sent again' }).expect(200);
      expect(repeat.body.id).toBe(first.body.id);
      expect(repeat.body.summary).toBeNull();
    });
    it('records one contact when the same externalReference arrives many times at once', async () => {
      const body = anLcsContactRequest({}, { name: 'RACE, Child', dateOfBirth: '2012-12-12' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(body)));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const rows = await sql.query('SELECT count(*) FROM lcs.contacts WHERE external_reference = $1', [body.externalReference]);
      expect(Number(rows.rows[0].count)).toBe(1);
    });
    it('accepts a contact entered directly by a practitioner', async () => {
      const res = await post(anLcsContactRequest({ externalReference: undefined, source: 'PRACTITIONER' })).expect(201);
      expect(res.body).toMatchObject({ source: 'PRACTITIONER', externalReference: null });
    });
    it('refuses an INTEGRATION contact without an externalReference', async () => {
      const res = await post(anLcsContactRequest({ externalReference: undefined })).expect(400);
      expect(res.body).toEqual({
        error: { code: 'VALIDATION_FAILED', message: 'One or more fields are invalid', details: [{ field: 'externalReference', issue: expect.any(String) }] },
      });
    });
    it('answers bad input in its own error shape, naming every field and no value', async () => {
      const res = await post(anLcsContactRequest({ colour: 'blue', factors: ['99Z'] }, { dateOfBirth: '07/06/2010', nationality: 'ALB', gender: 'F' })).expect(
        400,
      );
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['colour', 'factors', 'child.dateOfBirth', 'child.nationality', 'child.gender'].sort(),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/07\/06\/2010|blue/);
    });
    it('answers an unknown contact with 404 in its own shape', async () => {
      const res = await api().get('/lcs/api/contacts/999999999').expect(404);
      expect(res.body).toEqual({ error: { code: 'CONTACT_NOT_FOUND', message: 'Contact 999999999 does not exist' } });
    });
    it('reads several contacts in one request, in the order asked, leaving out ids not found', async () => {
      const a = await post(anLcsContactRequest()).expect(201);
      const b = await post(anLcsContactRequest()).expect(201);
      const res = await api()
        .get('/lcs/api/contacts')
        .query({ ids: `${b.body.id},999999999,${a.body.id}` })
        .expect(200);
      expect(res.body).toEqual({ items: [b.body, a.body] });
    });

    it('refuses a batch read without ids, naming the field', async () => {
      const res = await api().get('/lcs/api/contacts').expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['ids']);
    });

    it("takes a practitioner's correction as a new version, re-filing the child when the surname changes", async () => {
      const created = await post(anLcsContactRequest({}, { name: 'HOXA, Ana', dateOfBirth: '2010-01-01' })).expect(201);
      const amended = await api()
        .patch(`/lcs/api/contacts/${created.body.id}`)
        .send({ child: { name: 'HOXHA, Ana' } })
        .expect(200);
      expect(amended.body).toMatchObject({ version: 2, child: { name: 'HOXHA, Ana', dateOfBirth: '2010-01-01' } });
      expect(amended.body.childId).not.toBe(created.body.childId);
    });
    it('closes a contact as transferred to adults, recording the AIS id', async () => {
      const created = await post(anLcsContactRequest()).expect(201);
      const res = await transfer(contactId(created)).expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        status: 'closed',
        closureReason: 'TRANSFERRED_TO_ADULTS',
        transfer: { aisRecordId: 'SC-000777', reason: 'eighteenth_birthday', effectiveOn: '2026-06-07' },
      });
    });
    it('treats a repeated transfer to the same AIS record as done, without a new version', async () => {
      const created = await post(anLcsContactRequest()).expect(201);
      await transfer(contactId(created)).expect(200);
      const repeat = await transfer(contactId(created)).expect(200);
      expect(repeat.body.version).toBe(2);
    });
    it('refuses a transfer to a different AIS record once transferred', async () => {
      const created = await post(anLcsContactRequest()).expect(201);
      await transfer(contactId(created)).expect(200);
      const res = await transfer(contactId(created), { aisRecordId: 'SC-000888' }).expect(409);
      expect(res.body.error.code).toBe('ALREADY_TRANSFERRED');
    });
    it('reopens a transferred contact when its case comes back from the AIS record it went to, and only then', async () => {
      const created = await post(anLcsContactRequest()).expect(201);
      const id = contactId(created);
      const back = (body: Body = {}) =>
        api()
          .post(`/lcs/api/contacts/${id}/return-from-adults`)
          .send({ aisRecordId: 'SC-000777', effectiveOn: '2026-08-01', ...body });
      await transfer(id).expect(200);
      expect((await back({ aisRecordId: 'SC-000888' }).expect(409)).body.error.code).toBe('NOT_TRANSFERRED_THERE');
      expect((await back({ dateOfBirth: '2099-01-01' }).expect(400)).body.error.details).toEqual([expect.objectContaining({ field: 'dateOfBirth' })]);
      const reopened = await back({ dateOfBirth: '2010-05-02' }).expect(200);
      expect(reopened.body).toMatchObject({
        version: 3,
        status: 'open',
        closureReason: null,
        transfer: null,
        child: expect.objectContaining({ dateOfBirth: '2010-05-02' }),
      });
      // A repeat changes nothing; the contact can go to adults' services again later.
      expect((await back().expect(200)).body.version).toBe(3);
      expect((await transfer(id).expect(200)).body).toMatchObject({ version: 4, status: 'closed' });
      await api().post('/lcs/api/contacts/999999/return-from-adults').send({ aisRecordId: 'SC-000777', effectiveOn: '2026-08-01' }).expect(404);
    });
  });

  describe(FeedController.name, () => {
    it('pages its feed by opaque cursor: creations, corrections and transfers in order', async () => {
      const created = await post(anLcsContactRequest({}, { name: 'FEED, Child' })).expect(201);
      await api()
        .patch(`/lcs/api/contacts/${created.body.id}`)
        .send({ child: { nationality: 'VN' } })
        .expect(200);
      await transfer(contactId(created)).expect(200);

      const seen: Array<{ seq: number; contactId: string; version: number; event: string }> = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const res = await api()
          .get('/lcs/api/feed')
          .query({ limit: 4, ...(cursor ? { after: cursor } : {}) })
          .expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(4);
        const items: typeof seen = res.body.items;
        seen.push(...items);
        cursor = res.body.next;
        if (!res.body.hasMore) break;
      }
      const seqs = seen.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seen.length).toBe(await count('feed'));
      expect(seen.slice(-3)).toMatchObject([
        { contactId: created.body.id, version: 1, event: 'contact.created' },
        { contactId: created.body.id, version: 2, event: 'contact.updated' },
        { contactId: created.body.id, version: 3, event: 'contact.transferred' },
      ]);
      const after = await api().get('/lcs/api/feed').query({ after: cursor }).expect(200);
      expect(after.body).toEqual({ items: [], next: cursor, hasMore: false });
    });
    it('refuses a feed cursor it did not issue', async () => {
      const res = await api().get('/lcs/api/feed').query({ after: '42' }).expect(400);
      expect(res.body.error.details).toEqual([{ field: 'after', issue: expect.any(String) }]);
    });
  });

  describe(FaultInjectionMiddleware.name, () => {
    it('answers 503 and writes nothing when told to fail every request', async () => {
      const before = await counts();
      lcs.setFaults({ failureRate: 1 });
      const res = await post(anLcsContactRequest({}, { name: 'UNWRITTEN, Child' })).expect(503);
      expect(res.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'LCS is temporarily unavailable' } });
      expect(await counts()).toEqual(before);
    });
    it('keeps health checks out of fault injection', async () => {
      lcs.setFaults({ failureRate: 1, latencyMs: 2000 });
      const started = Date.now();
      await api().get('/health/ready').expect(200);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
});
