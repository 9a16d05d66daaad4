import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { amendDirectly, enterDirectly, type RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** Review and correction of the person index by a safeguarding lead, with the deduplicator running. */
describe('PersonController (review and correction)', () => {
  let system: TestSystem;
  let ais: RunningMimic;
  let lcs: RunningMimic;
  let intake: INestApplication<Server>;
  let sql: Client;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ env: { FEED_POLL_MS: 100 }, mimics: true, intake: true, deduplicator: true });
    ({ ais, lcs, intake, sql } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead', undefined, 'lead-7');
  });

  afterAll(() => ifStarted(system)?.close());

  const api = () => request(intake.getHttpServer());
  const personOf = async (system: string, recordId: string) =>
    (await sql.query(`SELECT person_id, locked FROM central.record_links WHERE system = $1 AND record_id = $2`, [system, recordId])).rows[0];
  const linkedVersion = async (system: string, recordId: string) =>
    (await sql.query(`SELECT record_version FROM central.record_links WHERE system = $1 AND record_id = $2`, [system, recordId])).rows[0]?.record_version;

  /** Twins: one family name and date of birth, different given names — at most a possible match. */
  async function twins(first: string, second: string, family: string, dateOfBirth: string) {
    const a = await enterDirectly(ais, { subject: { firstName: first, lastName: family, dateOfBirth, sex: 'male', nationality: 'SDN' } });
    await eventually(async () => (await personOf('AIS', a)) !== undefined);
    const b = await enterDirectly(ais, { subject: { firstName: second, lastName: family, dateOfBirth, sex: 'male', nationality: 'SDN' } });
    await eventually(async () => (await personOf('AIS', b)) !== undefined);
    const review = await eventually(async () => {
      const res = await api().get('/v1/reviews').set('Authorization', lead).expect(200);
      return (res.body.items as Array<{ record: { recordId: string } }>).find((i) => i.record.recordId === b);
    });
    return {
      a,
      b,
      review: review as unknown as {
        id: string;
        candidate: { personId: string; record: { recordId: string } };
        explanation: { fields: unknown[] };
        record: { firstName: string };
      },
    };
  }

  it('shows a possible match side by side with the per-field explanation', async () => {
    const { a, review } = await twins('Ahmed', 'Yusuf', 'Hassan', '1999-04-04');
    expect(review.record.firstName).toBe('Yusuf');
    expect(review.candidate.record.recordId).toBe(a);
    expect(review.explanation.fields.length).toBeGreaterThan(3);
    expect(review.candidate.personId).toBe((await personOf('AIS', a)).person_id);
  });

  it('keeps a "not a match" decision after the record is processed again', async () => {
    const { a, b, review } = await twins('Omar', 'Idris', 'Abdalla', '2001-09-09');
    const before = (await personOf('AIS', b)).person_id;
    await api().post(`/v1/reviews/${review.id}/decision`).set('Authorization', lead).send({ decision: 'not_a_match' }).expect(200);

    const version = await linkedVersion('AIS', b);
    await amendDirectly(ais, b, { aliases: ['Idriss'] });
    await eventually(
      async () => (await sql.query(`SELECT version FROM central.case_records WHERE system = 'AIS' AND record_id = $1`, [b])).rows[0].version > version,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await personOf('AIS', b)).person_id).toBe(before);
    expect((await personOf('AIS', b)).person_id).not.toBe((await personOf('AIS', a)).person_id);
    const reopened = await sql.query(
      `SELECT count(*)::int AS n FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open' AND candidate_person_id = $2`,
      [b, review.candidate.personId],
    );
    expect(reopened.rows[0].n).toBe(0);
  });

  it('keeps a "match" decision after the record is processed again', async () => {
    const { a, b, review } = await twins('Adam', 'Bilal', 'Osman', '2003-03-03');
    await api().post(`/v1/reviews/${review.id}/decision`).set('Authorization', lead).send({ decision: 'match', reason: 'same person, spelling' }).expect(200);
    const personA = (await personOf('AIS', a)).person_id;
    expect(await personOf('AIS', b)).toEqual({ person_id: personA, locked: true });

    const version = await linkedVersion('AIS', b);
    await amendDirectly(ais, b, { aliases: ['Bilal Adam'] });
    await eventually(
      async () => (await sql.query(`SELECT version FROM central.case_records WHERE system = 'AIS' AND record_id = $1`, [b])).rows[0].version > version,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await personOf('AIS', b)).toEqual({ person_id: personA, locked: true });
    const history = await sql.query(`SELECT action FROM central.link_history WHERE system = 'AIS' AND record_id = $1 ORDER BY id`, [b]);
    expect(history.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['linked', 'review_match', 'record_updated']));
  });

  it('merges two persons and unmerges a record, with the history and the audit', async () => {
    const x = await enterDirectly(lcs, { subject: { firstName: 'Grace', lastName: 'Okafor', dateOfBirth: '2010-10-10', sex: 'female', nationality: 'NGA' } });
    const y = await enterDirectly(ais, { subject: { firstName: 'Chioma', lastName: 'Eze', dateOfBirth: '1988-08-08', sex: 'female', nationality: 'NGA' } });
    await eventually(async () => (await personOf('LCS', x)) && (await personOf('AIS', y)));
    const px = (await personOf('LCS', x)).person_id;
    const py = (await personOf('AIS', y)).person_id;

    const merged = await api().post(`/v1/persons/${px}/merge`).set('Authorization', lead).send({ personId: py }).expect(200);
    expect(merged.body).toEqual({ personId: px, moved: 1 });
    const person = await api().get(`/v1/persons/${px}`).set('Authorization', lead).expect(200);
    expect(person.body.records.map((r: { recordId: string }) => r.recordId).sort()).toEqual([x, y].sort());
    expect((await api().get(`/v1/persons/${py}`).set('Authorization', lead).expect(200)).body.mergedInto).toBe(px);

    const unmerged = await api().post(`/v1/persons/${px}/unmerge`).set('Authorization', lead).send({ system: 'AIS', recordId: y }).expect(200);
    expect(unmerged.body.personId).not.toBe(px);
    expect(await personOf('AIS', y)).toEqual({ person_id: unmerged.body.personId, locked: true });

    const audit = await sql.query(`SELECT action FROM central.audit_events WHERE actor_sub = 'lead-7' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['person.merge', 'person.read', 'person.unmerge']));
  });

  it('exports everything held about a person for a subject access request, and audits it', async () => {
    const x = await enterDirectly(lcs, { subject: { firstName: 'Nadia', lastName: 'Haile', dateOfBirth: '2009-09-19', sex: 'female', nationality: 'ERI' } });
    await eventually(async () => personOf('LCS', x));
    const person = (await personOf('LCS', x)).person_id;
    const res = await api().get(`/v1/persons/${person}/export`).set('Authorization', lead).expect(200);
    expect(res.headers['content-disposition']).toContain(`subject-access-${person}.json`);
    expect(res.body.caseRecords).toHaveLength(1);
    expect(res.body.caseRecords[0].record.lastName).toBe('HAILE');
    expect(res.body.history.length).toBeGreaterThan(0);
    // Entered directly in LCS: no referral, so nothing of anyone else's to withhold.
    expect(res.body.withheld).toEqual([]);
    const audited = await sql.query(`SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'person.subject_access_export' AND subject_id = $1`, [
      person,
    ]);
    expect(audited.rows[0].n).toBe(1);
  });

  it('admits only the safeguarding lead', async () => {
    await api()
      .get('/v1/reviews')
      .set('Authorization', await bearer('first_responder', 'Thames Valley Police'))
      .expect(403);
    await api()
      .get('/v1/reviews')
      .set('Authorization', await bearer('board_viewer'))
      .expect(403);
  });
});
