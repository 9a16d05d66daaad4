import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Client } from 'pg';
import request from 'supertest';
import { DEFAULT_LINKAGE_CONFIG } from '@app/matching';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { amendDirectly, enterDirectly, type RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

const { match, confirm } = DEFAULT_LINKAGE_CONFIG.thresholds;

interface ReviewItem {
  id: string;
  status: string;
  reason: string;
  probability: number;
  record: { recordId: string; personId: string | null; locked: boolean } | null;
  candidate: { personId: string; record: { recordId: string } | null };
  decision: string | null;
}

/**
 * A link the deduplicator makes between the match and the confirm thresholds: the record joins the person at
 * once, and a safeguarding lead is asked to confirm it or take the record back out.
 *
 * The probability of a pair depends on the model and on how many records the index holds (the prior is
 * expectedMatchesPerRecord / records). With the untrained model this file's database starts with, a pair that
 * agrees exactly on the given name, only phonetically on the family name (HADDAD / HADAD) and has no date of
 * birth on one side scores about 0.8 once a dozen unrelated records are indexed; each test checks the
 * probability the system stored rather than trusting that.
 */
describe('LinkingService confirm_match reviews (linked, to be confirmed)', () => {
  let system: TestSystem;
  let ais: RunningMimic;
  let intake: INestApplication<Server>;
  let sql: Client;
  let lead: string;

  const api = () => request(intake.getHttpServer());
  const linkOf = async (recordId: string) =>
    (
      await sql.query(`SELECT person_id, locked, match_status, probability, decided_by FROM central.record_links WHERE system = 'AIS' AND record_id = $1`, [
        recordId,
      ])
    ).rows[0] as { person_id: string; locked: boolean; match_status: string; probability: number | null; decided_by: string } | undefined;
  const lastHistoryId = async (recordId: string) =>
    Number(
      (await sql.query(`SELECT coalesce(max(id), 0)::bigint AS id FROM central.link_history WHERE system = 'AIS' AND record_id = $1`, [recordId])).rows[0].id,
    );
  const reviews = async (status: 'open' | 'decided' | 'superseded') =>
    (await api().get('/v1/reviews').query({ status, pageSize: 100 }).set('Authorization', lead).expect(200)).body.items as ReviewItem[];
  const personRecords = async (personId: string) =>
    ((await api().get(`/v1/persons/${personId}`).set('Authorization', lead).expect(200)).body.records as Array<{ recordId: string }>)
      .map((r) => r.recordId)
      .sort();

  beforeAll(async () => {
    system = await startSystem({ env: { FEED_POLL_MS: 100 }, mimics: true, intake: true, deduplicator: true });
    ({ ais, intake, sql } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead', undefined, 'lead-confirm');

    // Unrelated people already on the index: with one or two records, every prior is 1/2 and any two records
    // sharing a given name would be near-certain; a dozen brings the pairs below into the confirm band.
    const people = [
      ['Ioana', 'Popescu', 'female', 'ROU'],
      ['Mirela', 'Dumitru', 'female', 'ROU'],
      ['Besnik', 'Gashi', 'male', 'ALB'],
      ['Lindita', 'Berisha', 'female', 'ALB'],
      ['Oksana', 'Melnyk', 'female', 'UKR'],
      ['Thi', 'Tran', 'female', 'VNM'],
      ['Chioma', 'Eze', 'female', 'NGA'],
      ['Nadia', 'Haile', 'female', 'ERI'],
      ['Jake', 'Turner', 'male', 'GBR'],
      ['Kyle', 'Hughes', 'male', 'GBR'],
      ['Grace', 'Okafor', 'female', 'NGA'],
      ['Liam', 'Doherty', 'male', 'IRL'],
    ];
    const ids = await Promise.all(
      people.map(([firstName, lastName, sex, nationality], i) =>
        enterDirectly(ais, {
          subject: { firstName, lastName, sex: sex as 'male' | 'female', nationality, dateOfBirth: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}` },
        }),
      ),
    );
    await eventually(
      async () =>
        (await sql.query(`SELECT count(*)::int AS n FROM central.record_links WHERE system = 'AIS' AND record_id = ANY($1)`, [ids])).rows[0].n === ids.length,
    );
  });

  afterAll(() => ifStarted(system)?.close());

  /**
   * One person's record (with a date of birth), then a second record of the same given name, a family name that
   * only sounds alike and no date of birth. Answers both ids, the first record's person and the open review
   * item of the second record.
   */
  async function linkedToConfirm(firstName: string, family: string, familyAsHeard: string, dateOfBirth: string) {
    const a = await enterDirectly(ais, { subject: { firstName, lastName: family, dateOfBirth, sex: 'male', nationality: 'SYR' } });
    const personA = (await eventually(async () => linkOf(a))).person_id;
    const b = await enterDirectly(ais, { subject: { firstName, lastName: familyAsHeard, sex: 'male', nationality: 'SYR' } });
    const link = await eventually(async () => linkOf(b));
    const item = await eventually(async () => (await reviews('open')).find((i) => i.record?.recordId === b), 10000);
    return { a, b, personA, link, item };
  }

  /** Amends the record in AIS and waits until the deduplicator has processed the new version. */
  async function processAgain(recordId: string, alias: string) {
    const before = await lastHistoryId(recordId);
    await amendDirectly(ais, recordId, { aliases: [alias] });
    await eventually(async () => (await lastHistoryId(recordId)) > before);
  }

  it('links a record matching below the confirm threshold to the person, and asks a reviewer to confirm it', async () => {
    const { a, b, personA, link, item } = await linkedToConfirm('Samir', 'Haddad', 'Hadat', '1995-06-14');

    // The pair is in the band this file is about: above match, below confirm.
    expect(link.probability).toBeGreaterThanOrEqual(match);
    expect(link.probability).toBeLessThan(confirm);

    // Linked automatically, to the first record's person, not locked.
    expect(link).toMatchObject({ person_id: personA, match_status: 'MATCH', decided_by: 'engine', locked: false });
    expect(await personRecords(personA)).toEqual([a, b].sort());

    // And put before a reviewer: the candidate is the person it was linked to.
    expect(item).toMatchObject({ status: 'open', reason: 'confirm_match', decision: null, candidate: { personId: personA, record: { recordId: a } } });
    expect(item.probability).toBeCloseTo(link.probability!, 10);
    expect(item.record).toMatchObject({ recordId: b, personId: personA, locked: false });
    const open = await sql.query(`SELECT reason FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open'`, [b]);
    expect(open.rows).toEqual([{ reason: 'confirm_match' }]);
  });

  it('takes the record out into a person of its own on "not a match", and keeps it out when the record is processed again', async () => {
    const { a, b, personA, link, item } = await linkedToConfirm('Bogdan', 'Nowak', 'Novack', '1987-02-21');
    expect(link.probability).toBeGreaterThanOrEqual(match);
    expect(link.probability).toBeLessThan(confirm);
    expect(link.person_id).toBe(personA);
    expect(item).toMatchObject({ reason: 'confirm_match', candidate: { personId: personA } });

    const decided = await api().post(`/v1/reviews/${item.id}/decision`).set('Authorization', lead).send({ decision: 'not_a_match' }).expect(200);
    const personB = decided.body.personId as string;
    expect(decided.body).toEqual({ id: item.id, decision: 'not_a_match', personId: expect.any(String) });
    expect(personB).not.toBe(personA);
    expect(await linkOf(b)).toMatchObject({ person_id: personB, locked: true, decided_by: 'reviewer' });
    expect(await personRecords(personA)).toEqual([a]);
    expect(await personRecords(personB)).toEqual([b]);
    expect((await reviews('decided')).find((i) => i.id === item.id)).toMatchObject({ decision: 'not_a_match', decidedBy: 'reviewer:lead-confirm' });
    const nonMatch = await sql.query(`SELECT person_id FROM central.non_matches WHERE system = 'AIS' AND record_id = $1`, [b]);
    expect(nonMatch.rows).toEqual([{ person_id: personA }]);

    // A new version of the record goes through the deduplicator again, now with the old person's name as an
    // alias (which alone would link it there near-certainly): it stays out, and is not put up for review again.
    await processAgain(b, 'Bogdan Nowak');
    expect(await linkOf(b)).toMatchObject({ person_id: personB, locked: true });
    expect(await linkOf(a)).toMatchObject({ person_id: personA });
    expect(await personRecords(personA)).toEqual([a]);
    const reopened = await sql.query(`SELECT count(*)::int AS n FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open'`, [b]);
    expect(reopened.rows[0].n).toBe(0);

    // The decision holds from the other side too: the old person's own record, processed again, does not follow
    // the record that was taken out, and is not put up for review against it.
    await processAgain(a, 'Bogdan Novack');
    expect(await linkOf(a)).toMatchObject({ person_id: personA });
    expect(await linkOf(b)).toMatchObject({ person_id: personB });
    const againstB = await sql.query(`SELECT count(*)::int AS n FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open'`, [a]);
    expect(againstB.rows[0].n).toBe(0);
  });

  it('keeps the link and locks it on "match", also when the record is processed again', async () => {
    const { a, b, personA, link, item } = await linkedToConfirm('Tomasz', 'Lewandowski', 'Levandovski', '1983-10-05');
    expect(link.probability).toBeGreaterThanOrEqual(match);
    expect(link.probability).toBeLessThan(confirm);
    expect(link).toMatchObject({ person_id: personA, locked: false });
    expect(item).toMatchObject({ reason: 'confirm_match', candidate: { personId: personA } });

    const decided = await api()
      .post(`/v1/reviews/${item.id}/decision`)
      .set('Authorization', lead)
      .send({ decision: 'match', reason: 'same man, surname as heard' })
      .expect(200);
    expect(decided.body).toEqual({ id: item.id, decision: 'match', personId: personA });
    expect(await linkOf(b)).toMatchObject({ person_id: personA, locked: true, decided_by: 'reviewer' });

    await processAgain(b, 'Tomasz Levandovsky');
    expect(await linkOf(b)).toMatchObject({ person_id: personA, locked: true });
    expect(await personRecords(personA)).toEqual([a, b].sort());
    const open = await sql.query(`SELECT count(*)::int AS n FROM central.review_items WHERE system = 'AIS' AND record_id = $1 AND status = 'open'`, [b]);
    expect(open.rows[0].n).toBe(0);
    const history = await sql.query(`SELECT action FROM central.link_history WHERE system = 'AIS' AND record_id = $1 ORDER BY id`, [b]);
    expect(history.rows.map((r) => r.action)).toEqual(['linked', 'review_match', 'record_updated']);
  });

  it('opens no confirm review for a link at or above the confirm threshold', async () => {
    const a = await enterDirectly(ais, { subject: { firstName: 'Hamza', lastName: 'Darwish', dateOfBirth: '1998-12-02', sex: 'male', nationality: 'SYR' } });
    const personA = (await eventually(async () => linkOf(a))).person_id;
    const b = await enterDirectly(ais, { subject: { firstName: 'Hamza', lastName: 'Darwish', dateOfBirth: '1998-12-02', sex: 'male', nationality: 'SYR' } });
    const link = await eventually(async () => linkOf(b));
    expect(link).toMatchObject({ person_id: personA, match_status: 'MATCH', locked: false });
    expect(link.probability).toBeGreaterThanOrEqual(confirm);
    const items = await sql.query(`SELECT count(*)::int AS n FROM central.review_items WHERE system = 'AIS' AND record_id = $1`, [b]);
    expect(items.rows[0].n).toBe(0);
  });
});
