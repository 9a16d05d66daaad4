import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral, aDutyToNotify, aChildReferral, localAuthorityContact } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

describe('ReferralController (intake)', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let sql: Client;
  let routing: Queue;
  let police: string;
  let council: string;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    ({ intake: app, sql } = system as Required<TestSystem>);
    routing = system.queue('routing');
    police = await bearer('first_responder', 'Thames Valley Police');
    council = await bearer('first_responder', 'Buckinghamshire Council');
    lead = await bearer('safeguarding_lead');
  });

  afterAll(async () => {
    await ifStarted(routing)
      ?.obliterate({ force: true })
      .catch(() => undefined);
    await ifStarted(system)?.close();
  });

  const post = (body: unknown, key?: string) => {
    const req = request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(body as object);
    return key ? req.set('Idempotency-Key', key) : req;
  };
  const referralCount = async () => Number((await sql.query('SELECT count(*) FROM central.referrals')).rows[0].count);

  it('accepts an adult NRM referral and routes it to AIS', async () => {
    const res = await post(aReferral()).expect(201);
    expect(res.body).toMatchObject({ kind: 'nrm', status: 'accepted', route: { system: 'AIS', reason: 'adult', conflict: false } });
    expect(res.body.reference).toMatch(/^RH-\d{4}-\d{6}$/);
  });

  it('routes a child to LCS, a "not sure" to LCS, and a date-of-birth conflict to LCS with the conflict recorded', async () => {
    const child = await post(aChildReferral()).expect(201);
    const notSure = await post(aChildReferral({ age: { under18: 'not_sure' } })).expect(201);
    const conflict = await post(
      aChildReferral({
        age: { under18: 'no' },
        potentialVictim: { gender: 'female', nationality: 'GBR', firstName: 'Amy', lastName: 'Cole', dateOfBirth: '2010-01-01' },
      }),
    ).expect(201);
    expect(child.body.route).toMatchObject({ system: 'LCS', reason: 'under_18' });
    expect(notSure.body.route).toMatchObject({ system: 'LCS', reason: 'age_not_sure' });
    expect(conflict.body.route).toMatchObject({ system: 'LCS', reason: 'dob_under_18', conflict: true });
    const shown = await request(app.getHttpServer()).get(`/v1/referrals/${conflict.body.id}`).set('Authorization', lead).expect(200);
    expect(shown.body.route.explanation).toMatch(/Conflict/);
  });

  it('writes a routing job for each accepted referral, with the referral id as job id', async () => {
    const res = await post(aDutyToNotify()).expect(201);
    const job = await waitForJob(`deliver-${res.body.id}`);
    expect(job.data).toEqual({ referralId: res.body.id });
  });

  it('keeps personal data out of the job payload', async () => {
    const res = await post(aReferral()).expect(201);
    const job = await waitForJob(`deliver-${res.body.id}`);
    expect(JSON.stringify(job.data)).not.toMatch(/Hoxha|Arta|1994/);
  });

  describe('bad input', () => {
    const cases: Array<[string, unknown, string[]]> = [
      ['an unknown field', { ...aReferral(), favouriteColour: 'blue' }, ['favouriteColour']],
      ['an unknown nested field', { ...aReferral(), potentialVictim: { gender: 'female', nationality: 'ALB', shoeSize: 5 } }, ['potentialVictim.shoeSize']],
      ['a missing kind', { ...aReferral(), kind: undefined }, ['kind']],
      [
        'a bad organisation type',
        { ...aReferral(), firstResponder: { organisation: 'x', organisationType: 'club', name: 'n', role: 'r', email: 'a@b.example' } },
        ['firstResponder.organisationType'],
      ],
      [
        'a bad email',
        aReferral({ firstResponder: { organisation: 'x', organisationType: 'police', name: 'n', role: 'r', email: 'nope' } }),
        ['firstResponder.email'],
      ],
      ['no exploitation type', aReferral({ exploitation: { types: [], location: 'uk' } }), ['exploitation.types']],
      ['"other" without details', aReferral({ exploitation: { types: ['other'], location: 'uk' } }), ['exploitation.otherDetails']],
      [
        'more than ten towns',
        aReferral({ exploitation: { types: ['labour'], location: 'uk', ukTowns: Array.from({ length: 11 }, (_, i) => `T${i}`) } }),
        ['exploitation.ukTowns'],
      ],
      ['a bad nationality code', aReferral({ potentialVictim: { gender: 'female', nationality: 'XX1' } }), ['potentialVictim.nationality']],
      ['a bad NHS number', aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', nhsNumber: '9434765918' } }), ['potentialVictim.nhsNumber']],
      [
        'an impossible date of birth',
        aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '1990-02-30' } }),
        ['potentialVictim.dateOfBirth'],
      ],
      [
        'a date of birth before 1900',
        aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '1899-12-31' } }),
        ['potentialVictim.dateOfBirth'],
      ],
      [
        'a future date of birth',
        aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '2999-01-01' } }),
        ['potentialVictim.dateOfBirth'],
      ],
      ['a future referral date', aReferral({ referredAt: '2999-01-01T00:00:00Z' }), ['referredAt']],
      ['a referral date before the NRM began (1 April 2009)', aReferral({ referredAt: '1850-01-01T00:00:00Z' }), ['referredAt']],
      [
        'a date of birth after the referral date',
        aReferral({ referredAt: '2020-01-01T00:00:00Z', potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '2022-01-01' } }),
        ['potentialVictim.dateOfBirth'],
      ],
      [
        'a first name longer than AIS takes (the 152 characters routed to AIS and refused for ever)',
        aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'A'.repeat(152), lastName: 'Hoxha' } }),
        ['potentialVictim.firstName'],
      ],
      [
        'a last name longer than the case systems take, to be sent to LCS',
        aChildReferral({ potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Van', lastName: 'N'.repeat(101) } }),
        ['potentialVictim.lastName'],
      ],
      [
        'a comma in a name (LCS splits its one-string name at the comma)',
        aChildReferral({ potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Van, Minh', lastName: 'Nguyen' } }),
        ['potentialVictim.firstName'],
      ],
      ['a narrative over 15,000 characters', aReferral({ narrative: 'x'.repeat(15001) }), ['narrative']],
      ['an adult NRM without consent', aReferral({ consentToNrm: false }), ['consentToNrm']],
      ['a child without a local authority contact', aChildReferral({ localAuthorityContact: undefined }), ['localAuthorityContact']],
      ['a child notified as Duty to Notify', aChildReferral({ kind: 'dtn' }), ['kind']],
      [
        'an anonymous DtN with names',
        aDutyToNotify({ potentialVictim: { gender: 'male', nationality: 'ERI', firstName: 'Y', lastName: 'T' } }),
        ['potentialVictim.firstName', 'potentialVictim.lastName'],
      ],
      [
        'a co-operating DtN with a date of birth',
        aDutyToNotify({ cooperatesWithAuthorities: true, potentialVictim: { gender: 'male', nationality: 'ERI', firstName: 'Y', dateOfBirth: '1990-01-01' } }),
        ['potentialVictim.dateOfBirth'],
      ],
      [
        'a DtN with an NHS number',
        aDutyToNotify({ potentialVictim: { gender: 'male', nationality: 'ERI', nhsNumber: '9434765919' } }),
        ['potentialVictim.nhsNumber'],
      ],
      [
        'a malformed local authority contact',
        aChildReferral({ localAuthorityContact: { ...localAuthorityContact, email: 'x' } }),
        ['localAuthorityContact.email'],
      ],
      [
        'a local authority phone number that is not one',
        aChildReferral({ localAuthorityContact: { ...localAuthorityContact, phone: 'abc' } }),
        ['localAuthorityContact.phone'],
      ],
      [
        'a start of exploitation that is no date, month or year',
        aReferral({ exploitation: { types: ['labour'], location: 'uk', startDate: '2025-13' } }),
        ['exploitation.startDate'],
      ],
    ];

    it.each(cases)('answers 400 naming the field for %s, and writes nothing', async (_name, body, paths) => {
      const before = await referralCount();
      const res = await post(body).expect(400);
      expect(res.body.statusCode).toBe(400);
      const reported = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
      for (const path of paths) expect(reported).toContain(path);
      expect(await referralCount()).toBe(before);
    });

    it('lists every failing field at once', async () => {
      const res = await post({ ...aReferral(), kind: 'x', consentToNrm: 'yes', exploitation: { types: [], location: 'moon' } }).expect(400);
      const reported = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
      expect(reported).toEqual(expect.arrayContaining(['kind', 'consentToNrm', 'exploitation.types', 'exploitation.location']));
    });

    it('accepts a start of exploitation known to the month or the year, as the form says an estimate is fine', async () => {
      const month = await post(aReferral({ exploitation: { types: ['labour'], location: 'uk', startDate: '2025-03' } })).expect(201);
      const year = await post(aReferral({ exploitation: { types: ['labour'], location: 'uk', startDate: '2024' } })).expect(201);
      const rows = await sql.query(
        `SELECT id, to_char(exploitation_start, 'YYYY-MM-DD') AS start, details->'exploitation'->>'startDate' AS given FROM central.referrals WHERE id = ANY($1)`,
        [[month.body.id, year.body.id]],
      );
      const byId = Object.fromEntries(rows.rows.map((r) => [r.id, { start: r.start, given: r.given }]));
      expect(byId[month.body.id]).toEqual({ start: '2025-03-15', given: '2025-03' });
      expect(byId[year.body.id]).toEqual({ start: '2024-07-01', given: '2024' });
    });

    it('lists field rules and the rules of the form and the Act together in one answer', async () => {
      const res = await post(
        aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '2999-01-01', nhsNumber: '1234567890' } }),
      ).expect(400);
      const reported = (res.body.errors as Array<{ path: string; message: string }>).map((e) => `${e.path}: ${e.message}`);
      expect(reported).toEqual(
        expect.arrayContaining([expect.stringMatching(/^potentialVictim\.nhsNumber: /), 'potentialVictim.dateOfBirth: dateOfBirth must not be in the future']),
      );
    });

    it('answers 400 for a body that is not JSON', async () => {
      const res = await request(app.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .set('Content-Type', 'application/json')
        .send('{"kind":')
        .expect(400);
      expect(res.body.errors[0].message).toMatch(/JSON/);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body, with no second referral', async () => {
      const first = await post(aReferral(), 'key-same-body').expect(201);
      const before = await referralCount();
      const again = await post(aReferral(), 'key-same-body').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await referralCount()).toBe(before);
    });

    it('writes the referral, its outbox message, its audit and the stored answer together, and nothing on a replay', async () => {
      const first = await post(aReferral(), 'key-all-rows').expect(201);
      await post(aReferral(), 'key-all-rows').expect(201);
      const { rows } = await sql.query(
        `SELECT (SELECT reference FROM central.referrals WHERE id = $1) AS reference,
                (SELECT count(*)::int FROM central.outbox WHERE aggregate_id = $1) AS outbox,
                (SELECT count(*)::int FROM central.audit_events WHERE action = 'referral.create' AND subject_id = $1::text) AS audits,
                (SELECT response_body FROM central.idempotency_keys WHERE key = 'key-all-rows') AS stored`,
        [first.body.id],
      );
      expect(rows[0]).toEqual({ reference: first.body.reference, outbox: 1, audits: 1, stored: first.body });
    });

    it('takes over a key whose stored answer has expired, as a new request', async () => {
      const first = await post(aReferral(), 'key-expired').expect(201);
      await sql.query(`UPDATE central.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'key-expired'`);
      const second = await post(aReferral({ narrative: 'another body' }), 'key-expired').expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      await post(aReferral({ narrative: 'another body' }), 'key-expired')
        .expect(201)
        .expect('Idempotent-Replayed', 'true');
    });

    it('answers 422 for the same key with another body', async () => {
      await post(aReferral(), 'key-other-body').expect(201);
      await post(aReferral({ narrative: 'changed' }), 'key-other-body').expect(422);
    });

    it('answers 409 while the first request with the key is still in flight', async () => {
      const { requestFingerprint } = await import('../apps/intake/src/referrals/idempotency');
      const { plainToInstance } = await import('class-transformer');
      const { CreateReferralDto } = await import('../apps/intake/src/referrals/dto/create-referral.dto');
      const hash = requestFingerprint(plainToInstance(CreateReferralDto, aReferral()));
      await sql.query(
        `INSERT INTO central.idempotency_keys (scope, key, request_hash, state, expires_at) VALUES ('test-safeguarding_lead-any', 'key-in-flight', $1, 'in_flight', now() + interval '1 day')`,
        [hash],
      );
      await post(aReferral(), 'key-in-flight').expect(409);
    });

    it('gives one referral when the same key races', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => post(aChildReferral(), 'key-race')));
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    });
  });

  it('lists referrals without personal data, filtered and paginated', async () => {
    const res = await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', lead).query({ kind: 'dtn', pageSize: 1 }).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].kind).toBe('dtn');
    expect(JSON.stringify(res.body)).not.toMatch(/Hoxha|Nguyen/);
  });

  it('lists referrals referred at the same moment newest first, the same on every page', async () => {
    // A day no other test refers on, and one moment for all three, so only the order they arrived in tells them apart.
    const referredAt = '2025-02-03T09:00:00Z';
    const posted: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(aReferral({ referredAt })).expect(201);
      posted.push(res.body.reference as string);
    }
    const page = async (n: number) =>
      (
        await request(app.getHttpServer())
          .get('/v1/referrals')
          .set('Authorization', lead)
          .query({ from: '2025-02-03', to: '2025-02-03', pageSize: 2, page: n })
          .expect(200)
      ).body as { items: { reference: string }[]; total: number };
    const [first, second] = [await page(1), await page(2)];
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((r) => r.reference)).toEqual([...posted].reverse());
  });

  it('answers 400 naming the parameter for a NUL in any query string, before it reaches the database', async () => {
    const refused = await request(app.getHttpServer()).get('/v1/referrals?organisation=%00').set('Authorization', lead).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'organisation', message: 'organisation must not contain the NUL character' }]);
    // Any route, any parameter, even one no DTO knows.
    for (const url of ['/v1/referrals?organisation=a&organisation=b%00c', '/v1/worklists/not-submitted?x%00=1', '/v1/reviews?status=%00']) {
      expect((await request(app.getHttpServer()).get(url).set('Authorization', lead).expect(400)).body.errors).toHaveLength(1);
    }
  });

  it('answers 400 naming the field for a NUL in any body, and writes nothing', async () => {
    const made = await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(aChildReferral()).expect(201);
    const refused = await request(app.getHttpServer())
      .post(`/v1/referrals/${made.body.id}/age-assessment`)
      .set('Authorization', lead)
      .send({ assessedOn: '2026-06-01', outcome: 'adult', authority: 'Slo\u0000ugh' })
      .expect(400);
    expect(refused.body.errors).toEqual([{ path: 'authority', message: 'authority must not contain the NUL character' }]);
    const held = await request(app.getHttpServer()).get(`/v1/referrals/${made.body.id}`).set('Authorization', lead).expect(200);
    expect(held.body.ageAssessments).toEqual([]);
    // Every field holding one is named, in one answer.
    const before = await referralCount();
    const several = await request(app.getHttpServer())
      .post('/v1/referrals')
      .set('Authorization', lead)
      .send(aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'Ar\u0000ta', lastName: 'Hox\u0000ha' }, narrative: '\u0000' }))
      .expect(400);
    expect(several.body.errors).toEqual([
      { path: 'potentialVictim.firstName', message: 'potentialVictim.firstName must not contain the NUL character' },
      { path: 'potentialVictim.lastName', message: 'potentialVictim.lastName must not contain the NUL character' },
      { path: 'narrative', message: 'narrative must not contain the NUL character' },
    ]);
    expect(await referralCount()).toBe(before);
  });

  it('answers 404 for an unknown referral and 400 for a malformed id', async () => {
    await request(app.getHttpServer()).get('/v1/referrals/4b8e7d0e-4a4c-4b0f-9d5e-3e0c9b0f1a2b').set('Authorization', lead).expect(404);
    await request(app.getHttpServer()).get('/v1/referrals/not-a-uuid').set('Authorization', lead).expect(400);
  });

  it('answers a malformed id in any path with the 400 every other refusal has, naming the parameter', async () => {
    const malformed = { statusCode: 400, errors: [{ path: 'id', message: 'id must be a UUID' }] };
    const assessment = { assessedOn: '2026-06-01', outcome: 'adult', authority: 'Slough' };
    const calls: Array<[string, string, object?]> = [
      ['get', '/v1/referrals/xyz'],
      ['get', '/v1/referrals/xyz/home-office-answers'],
      ['post', '/v1/referrals/xyz/age-assessment', assessment],
      ['post', '/v1/referrals/xyz/redrive'],
      ['post', '/v1/referrals/xyz/home-office-submission', { submittedOn: '2026-06-01' }],
      ['get', '/v1/referrals/xyz/decisions'],
      ['get', '/v1/referrals/xyz/support'],
      ['get', '/v1/referrals/xyz/transition-steps'],
      ['post', '/v1/children-prompts/xyz/close'],
      ['get', '/v1/persons/xyz'],
      ['get', '/v1/persons/xyz/export'],
      ['post', '/v1/reviews/xyz/decision', { decision: 'match' }],
    ];
    for (const [method, url, body] of calls) {
      const call =
        method === 'get'
          ? request(app.getHttpServer()).get(url)
          : request(app.getHttpServer())
              .post(url)
              .send(body ?? {});
      const res = await call.set('Authorization', lead);
      expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 400, body: malformed });
    }
  });

  describe('first responders', () => {
    it("see their own organisation's referral and get 404 for another's", async () => {
      const mine = await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', police).send(aReferral()).expect(201);
      await request(app.getHttpServer()).get(`/v1/referrals/${mine.body.id}`).set('Authorization', police).expect(200);
      await request(app.getHttpServer()).get(`/v1/referrals/${mine.body.id}`).set('Authorization', council).expect(404);
    });

    it("list only their own organisation's referrals", async () => {
      const res = await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', council).expect(200);
      expect(res.body.items.every((r: { organisation: string }) => r.organisation === 'Buckinghamshire Council')).toBe(true);
    });

    it("cannot log a referral in another organisation's name", async () => {
      const res = await request(app.getHttpServer()).post('/v1/referrals').set('Authorization', council).send(aReferral()).expect(400);
      expect(res.body.errors[0].path).toBe('firstResponder.organisation');
    });

    it('scope Idempotency-Keys per caller', async () => {
      const a = await request(app.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', police)
        .set('Idempotency-Key', 'shared-key')
        .send(aReferral())
        .expect(201);
      const b = await post(aReferral(), 'shared-key').expect(201);
      expect(a.body.id).not.toBe(b.body.id);
    });
  });

  it('answers 401 without a token and 403 for a role the route does not admit', async () => {
    await request(app.getHttpServer()).get('/v1/referrals').expect(401);
    await request(app.getHttpServer()).get('/v1/referrals').set('Authorization', 'Bearer not-a-jwt').expect(401);
    await request(app.getHttpServer())
      .get('/v1/referrals')
      .set('Authorization', await bearer('board_viewer'))
      .expect(403);
  });

  it('reports ready with database and Redis up', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  async function waitForJob(id: string) {
    for (let i = 0; i < 100; i += 1) {
      const job = await routing.getJob(id);
      if (job) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} never arrived`);
  }
});
