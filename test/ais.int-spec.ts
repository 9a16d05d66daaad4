import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { ChangeFeedController } from '../apps/ais/src/change-feed/change-feed.controller';
import { SafeguardingConcernController } from '../apps/ais/src/concerns/safeguarding-concern.controller';
import { FaultInjectionMiddleware } from '../apps/ais/src/http/fault-injection.middleware';
import { TransferController } from '../apps/ais/src/transfers/transfer.controller';
import { bearer } from './support/auth';
import { anAisConcernRequest } from './support/fixtures';
import type { RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

type Body = Record<string, unknown>;

describe('AIS mimic', () => {
  let system: TestSystem;
  let ais: RunningMimic;
  let sql: Client;
  let serviceAuth: string;

  beforeAll(async () => {
    system = await startSystem({ ais: true });
    ({ ais, sql } = system as Required<TestSystem>);
    serviceAuth = await bearer('service');
  });

  afterAll(() => ifStarted(system)?.close());

  afterEach(() => ais.setFaults({ latencyMs: 0, failureRate: 0 }));

  const api = () => request.agent(ais.url).set('Authorization', serviceAuth);
  const post = (body: Body) => api().post('/api/v2/SafeguardingConcerns').send(body);
  const count = async (table: string) => Number((await sql.query(`SELECT count(*) FROM ais.${table}`)).rows[0].count);
  const counts = async () => [await count('safeguarding_concerns'), await count('persons'), await count('change_feed')];

  describe(SafeguardingConcernController.name, () => {
    it('records a concern and reads it back in AIS format', async () => {
      const body = anAisConcernRequest({}, { KnownAs: ['Anna Hodja'], DateOfBirthIsEstimated: true, NhsNumber: '9434765919' });
      const created = await post(body).expect(201);
      const read = await api().get(`/api/v2/SafeguardingConcerns/${created.body.ConcernId}`).expect(200);
      expect(read.body).toMatchObject({
        ConcernId: expect.stringMatching(/^SC-\d{6}$/),
        PersonId: expect.stringMatching(/^P\d{7}$/),
        Version: 1,
        Status: 'Open',
        Category: 'Modern Slavery',
        Source: 'ReferralHub',
        ClientReference: body.ClientReference,
        ConcernDate: '10/03/2026',
        Subject: {
          Forename: 'Ana',
          Surname: 'Hoxha',
          KnownAs: ['Anna Hodja'],
          DateOfBirth: '05/04/1999',
          DateOfBirthIsEstimated: true,
          Gender: 'F',
          Nationality: 'Albanian',
          NhsNumber: '9434765919',
        },
        Anonymous: false,
        TransferredFrom: null,
        RecordedAt: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/),
      });
      // The answer to the create is the stored concern, field for field, as a later read gives it.
      expect(created.body).toEqual(read.body);
    });
    it('files a concern under the register person with the same surname and date of birth', async () => {
      const first = await post(anAisConcernRequest({}, { Surname: 'Berisha', DateOfBirth: '01/02/1990' })).expect(201);
      const second = await post(anAisConcernRequest({}, { Forename: 'Agnes', Surname: 'BERISHA', DateOfBirth: '01/02/1990' })).expect(201);
      expect(second.body.PersonId).toBe(first.body.PersonId);
      expect(second.body.Subject.Forename).toBe('Agnes');
    });
    it('files concerns about one new person arriving at once under one register person', async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          post(anAisConcernRequest({}, { Forename: `Arta${i}`, Surname: 'Simultan', DateOfBirth: '07/07/1997' })).expect(201),
        ),
      );
      expect(new Set(answers.map((a) => a.body.PersonId)).size).toBe(1);
      const persons = await sql.query(`SELECT count(*) FROM ais.persons WHERE surname = 'Simultan'`);
      expect(Number(persons.rows[0].count)).toBe(1);
    });
    it('makes a second register person for a variant spelling of the surname', async () => {
      const first = await post(anAisConcernRequest({}, { Surname: 'Krasniqi', DateOfBirth: '03/04/1991' })).expect(201);
      const variant = await post(anAisConcernRequest({}, { Surname: 'Krasniki', DateOfBirth: '03/04/1991' })).expect(201);
      expect(variant.body.PersonId).not.toBe(first.body.PersonId);
    });
    it('makes a new register person when the date of birth is not known', async () => {
      const first = await post(anAisConcernRequest({}, { Surname: 'Gashi', DateOfBirth: undefined })).expect(201);
      const second = await post(anAisConcernRequest({}, { Surname: 'Gashi', DateOfBirth: undefined })).expect(201);
      expect(second.body.PersonId).not.toBe(first.body.PersonId);
    });
    it('gives an anonymous notification no register person', async () => {
      const res = await post(
        anAisConcernRequest({ ReferralType: 'DutyToNotify' }, { Forename: undefined, Surname: undefined, DateOfBirth: undefined, Gender: 'M' }),
      ).expect(201);
      expect(res.body).toMatchObject({ PersonId: null, Anonymous: true, ReferralType: 'DutyToNotify' });
    });
    it('answers the same concern when a ClientReference is repeated', async () => {
      const body = anAisConcernRequest();
      const first = await post(body).expect(201);
      const repeat = await post({ ...body, Summary: 'sent again' }).expect(200);
      expect(repeat.body.ConcernId).toBe(first.body.ConcernId);
      expect(repeat.body.Summary).toBeNull();
    });
    it('records one concern when the same ClientReference arrives many times at once', async () => {
      const body = anAisConcernRequest({}, { Surname: 'Concurrent', DateOfBirth: '09/09/1999' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(body)));
      expect(new Set(answers.map((a) => a.body.ConcernId)).size).toBe(1);
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const rows = await sql.query('SELECT count(*) FROM ais.safeguarding_concerns WHERE client_reference = $1', [body.ClientReference]);
      expect(Number(rows.rows[0].count)).toBe(1);
    });
    it('accepts a concern entered directly by a practitioner', async () => {
      const res = await post(anAisConcernRequest({ ClientReference: undefined, Source: 'Practitioner' })).expect(201);
      expect(res.body).toMatchObject({ Source: 'Practitioner', ClientReference: null });
    });
    it('refuses a ReferralHub concern without a ClientReference', async () => {
      const res = await post(anAisConcernRequest({ ClientReference: undefined })).expect(400);
      expect(res.body).toEqual({ Message: 'The request is invalid.', ValidationErrors: [{ Field: 'ClientReference', Error: expect.any(String) }] });
    });
    it('answers bad input in its own error shape, naming every field and no value', async () => {
      const res = await post(
        anAisConcernRequest({ Colour: 'blue', ConcernDate: '2026-03-10' }, { DateOfBirth: '31/02/1999', Gender: 'female', Nationality: 'ALB' }),
      ).expect(400);
      expect(res.body.Message).toBe('The request is invalid.');
      expect(res.body.ValidationErrors.map((e: { Field: string }) => e.Field).sort()).toEqual(
        ['Colour', 'ConcernDate', 'Subject.DateOfBirth', 'Subject.Gender', 'Subject.Nationality'].sort(),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/31\/02\/1999|blue/);
    });
    it('answers an unknown concern with 404 in its own shape', async () => {
      const res = await api().get('/api/v2/SafeguardingConcerns/SC-999999').expect(404);
      expect(res.body).toEqual({ Message: 'Safeguarding concern SC-999999 was not found.' });
    });
    it('reads several concerns in one request, in the order asked, leaving out ids not found', async () => {
      const a = await post(anAisConcernRequest()).expect(201);
      const b = await post(anAisConcernRequest()).expect(201);
      const res = await api()
        .get('/api/v2/SafeguardingConcerns')
        .query({ ConcernIds: `${b.body.ConcernId},SC-999999,${a.body.ConcernId}` })
        .expect(200);
      expect(res.body).toEqual({ Concerns: [b.body, a.body] });
    });

    it('refuses a batch read of more than 200 ids, naming the field', async () => {
      const ids = Array.from({ length: 201 }, (_, i) => `SC-${String(i + 1).padStart(6, '0')}`).join(',');
      const res = await api().get('/api/v2/SafeguardingConcerns').query({ ConcernIds: ids }).expect(400);
      expect(res.body.ValidationErrors.map((e: { Field: string }) => e.Field)).toEqual(['ConcernIds']);
    });

    it("takes a practitioner's correction as a new version", async () => {
      const created = await post(anAisConcernRequest({}, { Surname: 'Hoxa', DateOfBirth: '05/04/1999' })).expect(201);
      const amended = await api()
        .patch(`/api/v2/SafeguardingConcerns/${created.body.ConcernId}`)
        .send({ Subject: { Surname: 'Hoxha' } })
        .expect(200);
      expect(amended.body).toMatchObject({ Version: 2, Subject: { Surname: 'Hoxha', Forename: 'Ana', DateOfBirth: '05/04/1999' } });
      expect(amended.body.PersonId).not.toBe(created.body.PersonId);
    });
    it('keeps the Home Office reference a practitioner records, when entering the concern or later', async () => {
      const entered = await post(anAisConcernRequest({ ClientReference: undefined, Source: 'Practitioner', NrmReference: 'NRM-2026-1' })).expect(201);
      expect(entered.body.NrmReference).toBe('NRM-2026-1');
      const later = await post(anAisConcernRequest({ ClientReference: undefined, Source: 'Practitioner' })).expect(201);
      expect(later.body.NrmReference).toBeNull();
      const amended = await api().patch(`/api/v2/SafeguardingConcerns/${later.body.ConcernId}`).send({ NrmReference: 'NRM-2026-2' }).expect(200);
      expect(amended.body).toMatchObject({ Version: 2, NrmReference: 'NRM-2026-2' });
      const refused = await post(anAisConcernRequest({ ClientReference: undefined, Source: 'Practitioner', NrmReference: '<script>' })).expect(400);
      expect(refused.body.ValidationErrors).toEqual([{ Field: 'NrmReference', Error: expect.any(String) }]);
    });
  });

  describe(TransferController.name, () => {
    it('opens an adult concern for a transferred child, carrying the LCS id, once', async () => {
      const transfer = {
        LcsRecordId: '400123',
        ClientReference: randomUUID(),
        Reason: 'EighteenthBirthday',
        EffectiveDate: '01/03/2026',
        ConcernDate: '02/11/2025',
        Subject: { Forename: 'Ana', Surname: 'HOXHA', DateOfBirth: '01/03/2008', Gender: 'F', Nationality: 'Albanian' },
      };
      const first = await api().post('/api/v2/Transfers').send(transfer).expect(201);
      const repeat = await api().post('/api/v2/Transfers').send(transfer).expect(200);
      expect(repeat.body.ConcernId).toBe(first.body.ConcernId);
      expect(first.body).toMatchObject({
        ConcernDate: '02/11/2025',
        ClientReference: transfer.ClientReference,
        TransferredFrom: { System: 'LCS', RecordId: '400123', Reason: 'EighteenthBirthday', EffectiveDate: '01/03/2026' },
      });
    });
  });

  describe(ChangeFeedController.name, () => {
    it('pages its change feed by cursor: creations, corrections and transfers in order', async () => {
      const created = await post(anAisConcernRequest({}, { Surname: 'Feed' })).expect(201);
      await api().patch(`/api/v2/SafeguardingConcerns/${created.body.ConcernId}`).send({ Status: 'Closed' }).expect(200);
      const transfer = await api()
        .post('/api/v2/Transfers')
        .send({
          LcsRecordId: '400999',
          Reason: 'AgeAssessment',
          EffectiveDate: '01/03/2026',
          ConcernDate: '01/01/2026',
          Subject: { Gender: 'M', Surname: 'Feed' },
        })
        .expect(201);

      const seen: Array<{ ConcernId: string; Version: number; ChangeType: string; Sequence: number }> = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const res = await api()
          .get('/api/v2/ChangeFeed')
          .query({ Limit: 3, ...(cursor ? { Since: cursor } : {}) })
          .expect(200);
        expect(res.body.Changes.length).toBeLessThanOrEqual(3);
        const changes: typeof seen = res.body.Changes;
        seen.push(...changes);
        cursor = res.body.NextCursor;
        if (!res.body.HasMore) break;
      }
      const sequences = seen.map((c) => c.Sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(seen.length).toBe(await count('change_feed'));
      expect(seen.slice(-3)).toMatchObject([
        { ConcernId: created.body.ConcernId, Version: 1, ChangeType: 'Created' },
        { ConcernId: created.body.ConcernId, Version: 2, ChangeType: 'Updated' },
        { ConcernId: transfer.body.ConcernId, Version: 1, ChangeType: 'TransferIn' },
      ]);
      const after = await api().get('/api/v2/ChangeFeed').query({ Since: cursor }).expect(200);
      expect(after.body).toEqual({ Changes: [], NextCursor: cursor, HasMore: false });
    });
  });

  describe(FaultInjectionMiddleware.name, () => {
    it('answers 503 and writes nothing when told to fail every request', async () => {
      const before = await counts();
      ais.setFaults({ failureRate: 1 });
      const res = await post(anAisConcernRequest({}, { Surname: 'Unwritten' })).expect(503);
      expect(res.body).toEqual({ Message: 'The service is temporarily unavailable.' });
      expect(await counts()).toEqual(before);
    });
    it('keeps health checks out of fault injection', async () => {
      ais.setFaults({ failureRate: 1, latencyMs: 2000 });
      const started = Date.now();
      await api().get('/health/ready').expect(200);
      expect(Date.now() - started).toBeLessThan(1000);
    });
    it('adds the configured latency to API requests', async () => {
      ais.setFaults({ latencyMs: 150 });
      const started = Date.now();
      await api().get('/api/v2/ChangeFeed').query({ Limit: 1 }).expect(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    });
  });
});
