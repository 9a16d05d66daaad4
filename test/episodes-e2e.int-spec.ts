import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Exploitation, PotentialVictim } from '@app/domain';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { enterDirectly } from './support/mimics';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import type { PopulationBody, StatisticsBody } from './support/bodies';

interface Cell {
  label: string;
  count: number;
}

/**
 * Every modern-slavery record counted once, through the running system (intake, router, both case systems, their
 * change feeds, the deduplicator and insights): a hub referral delivered to AIS, a concern a practitioner typed
 * straight into AIS for someone else, an LCS contact with factor 12A for a third person, and the first referral
 * typed again into AIS by a practitioner with the Home Office reference it was given.
 */
describe('referral episodes from every source, through the running system', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;
  let lead: string;
  // Set by the first test, read by the lead's decisions after it.
  const seen: { referralId?: string; typedAgain?: string; third?: string } = {};

  beforeAll(async () => {
    system = await startSystem({
      env: { FEED_POLL_MS: 100, ROUTING_BACKOFF_MS: 100 },
      mimics: true,
      intake: true,
      router: true,
      deduplicator: true,
      insights: true,
    });
    ({ intake, insights } = system as Required<TestSystem>);
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const show = async (id: string) => (await request(intake.getHttpServer()).get(`/v1/referrals/${id}`).set('Authorization', lead).expect(200)).body;
  const statistics = async (): Promise<StatisticsBody> =>
    (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-05-01&to=2026-05-31').set('Authorization', lead).expect(200)).body;
  const cells = (table: { cells: Cell[] }) => Object.fromEntries(table.cells.map((c) => [c.label, c.count]));

  it('counts 3 referrals and 3 individuals, one from each source', async () => {
    const arta: PotentialVictim = { gender: 'female', nationality: 'ALB', firstName: 'Arta', lastName: 'Hoxha', dateOfBirth: '1994-03-12' };
    const referralId: string = (
      await request(intake.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(aReferral({ referredAt: '2026-05-04T10:00:00Z', potentialVictim: arta }))
        .expect(201)
    ).body.id;
    const delivered = await eventually(async () => {
      const view = await show(referralId);
      return view.personId && view.caseRecord?.system === 'AIS' ? view : undefined;
    }, 60000);
    await request(intake.getHttpServer())
      .post(`/v1/referrals/${referralId}/home-office-submission`)
      .set('Authorization', lead)
      .send({ submittedAt: '2026-05-05T09:30:00Z', reference: 'NRM-2026-004512', competentAuthority: 'SCA' })
      .expect(201);

    const second = await enterDirectly(system.ais!, {
      subject: { firstName: 'Dritan', lastName: 'Berisha', dateOfBirth: '1987-11-02', sex: 'male', nationality: 'ALB' },
      referralDate: '2026-05-10',
      referralType: 'NRM',
    });
    const third = await enterDirectly(system.lcs!, {
      subject: { firstName: 'Minh', lastName: 'Tran', dateOfBirth: '2010-02-14', sex: 'male', nationality: 'VNM' },
      referralDate: '2026-05-12',
    });
    const typedAgain = await enterDirectly(system.ais!, {
      subject: { firstName: 'Arta', lastName: 'Hoxha', dateOfBirth: '1994-03-12', sex: 'female', nationality: 'ALB' },
      referralDate: '2026-05-06',
      nrmReference: 'NRM-2026-004512',
      referralType: 'NRM',
    });

    // Every record linked, and the one typed again joined to the hub referral's episode.
    const joined = await eventually(async () => {
      const { rows } = await system.sql.query(
        `SELECT d.record_id, d.joined_referral_id, d.join_rule, d.join_reason, l.person_id
           FROM central.direct_referrals d LEFT JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
          ORDER BY d.system, d.record_id`,
      );
      return rows.length === 3 && rows.every((r) => r.person_id) ? rows : undefined;
    }, 60000);
    expect(joined.find((r) => r.record_id === typedAgain)).toMatchObject({ joined_referral_id: referralId, join_rule: 'same_reference' });
    // Read by the lead on the data-quality page: dates in words, as every page writes them.
    expect(joined.find((r) => r.record_id === typedAgain).join_reason).toBe('The same Home Office reference as the Referral Hub record of 4 May 2026.');
    expect(joined.find((r) => r.record_id === second)).toMatchObject({ joined_referral_id: null, join_rule: null });
    expect(joined.filter((r) => r.record_id === third)).toHaveLength(1);

    const figures = await statistics();
    expect([figures.referrals.total, figures.individuals.total]).toEqual([3, 3]);
    expect(cells(figures.referrals.breakdowns.source)).toEqual({ 'Referral Hub': 1, 'Recorded directly in AIS': 1, 'Recorded directly in LCS': 1 });
    expect(cells(figures.referrals.breakdowns.caseSystem)).toMatchObject({ AIS: 2, LCS: 1 });
    // The hub referral was submitted; the concern typed in AIS has no Home Office reference, the LCS contact neither.
    expect(cells(figures.referrals.breakdowns.submission)).toEqual({ 'Submitted to the Home Office': 1, 'Logged, not yet submitted': 2 });
    expect(delivered.personId).toBe(joined.find((r) => r.record_id === typedAgain).person_id);

    // A board report carries the same breakdown, disclosure-controlled (counts of 1 to 5 shown as "c").
    const board = (
      await request(insights.getHttpServer())
        .post('/v1/board-reports')
        .set('Authorization', lead)
        .send({ audience: 'community_safety_partnership', period: '2026/27' })
        .expect(201)
    ).body;
    expect(board.statistics.referrals.breakdowns.source.cells).toEqual([
      { label: 'Referral Hub', count: 'c' },
      { label: 'Recorded directly in AIS', count: 'c' },
      { label: 'Recorded directly in LCS', count: 'c' },
    ]);
    Object.assign(seen, { referralId, typedAgain, third });
  });

  it("lets the lead split an entry from its episode and join it again, audited, and the rules keep the lead's word", async () => {
    const { referralId, typedAgain } = seen as Required<typeof seen>;
    const entry = (action: string) => request(intake.getHttpServer()).post(`/v1/episodes/AIS/${typedAgain}/${action}`).set('Authorization', lead);

    const split = (await entry('split').send({ reason: 'A second referral: a new exploitation' }).expect(200)).body;
    expect(split).toMatchObject({ joined: null, leadDecision: { decision: 'split' } });
    expect((await statistics()).referrals.total).toBe(4);

    // The deduplicator deciding again (as after the next change to the record) leaves the lead's split alone.
    const {
      rows: [link],
    } = await system.sql.query<{ person_id: string }>(`SELECT person_id FROM central.record_links WHERE system = 'AIS' AND record_id = $1`, [typedAgain]);
    const { EpisodeRepository } = await import('@app/database');
    const episodes = system.deduplicator!.get(EpisodeRepository);
    await episodes.transaction((manager) => episodes.reconsiderPerson(manager, link.person_id, { windowDays: 30 }));
    expect((await statistics()).referrals.total).toBe(4);

    const rejoined = (await entry('join').send({ referralId, reason: 'The same referral after all' }).expect(200)).body;
    expect(rejoined).toMatchObject({ joined: { referralId, rule: 'lead', reason: 'The same referral after all' }, leadDecision: { decision: 'join' } });
    expect((await statistics()).referrals.total).toBe(3);

    await entry('join').send({ reason: 'no target' }).expect(400);
    const { rows } = await system.sql.query(
      `SELECT action FROM central.audit_events WHERE subject_type = 'case_record' AND subject_id = $1 AND action LIKE 'episode.%' ORDER BY id`,
      [`AIS:${typedAgain}`],
    );
    expect(rows.map((r) => r.action)).toEqual(['episode.split', 'episode.join']);

    // The lead sees their decision, and the entries that record no kind, on the data-quality reading.
    const quality = (await request(intake.getHttpServer()).get('/v1/data-quality').set('Authorization', lead).expect(200)).body;
    expect(quality.windowOrLead.items).toEqual([
      expect.objectContaining({ system: 'AIS', recordId: typedAgain, leadDecision: expect.objectContaining({ decision: 'join' }) }),
    ]);
    expect(quality.withoutKind.items.map((e: { system: string }) => e.system)).toEqual(['LCS']);
    expect(quality.unlinked.total).toBe(0);
    expect(quality.ageNotSure.total).toBe(0);
  });

  it('keeps NRM referrals and Duty to Notify notifications apart with a kind filter, for exact figures only', async () => {
    const read = (query: string, token = lead) =>
      request(insights.getHttpServer()).get(`/v1/statistics?from=2026-05-01&to=2026-05-31${query}`).set('Authorization', token);
    const nrm: StatisticsBody = (await read('&kind=nrm').expect(200)).body;
    // The hub referral and the concern recorded in AIS as an NRM referral; the LCS contact records no kind.
    expect([nrm.kind, nrm.referrals.total]).toEqual(['nrm', 2]);
    expect(cells(nrm.referrals.breakdowns.kind)).toEqual({ 'NRM referral': 2, 'Duty to Notify': 0 });
    expect((await read('&kind=dtn').expect(200)).body.referrals.total).toBe(0);
    expect(cells((await statistics()).referrals.breakdowns.kind)).toEqual({ 'NRM referral': 2, 'Duty to Notify': 0, 'Kind not recorded': 1 });
    const refused = await read('&kind=nrm', await bearer('board_viewer')).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'kind', message: expect.any(String) }]);
  });

  it('counts a direct entry as submitted once the practitioner records the Home Office reference on it', async () => {
    const response = await fetch(`${system.lcs!.url}/lcs/api/contacts/${seen.third!}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: await bearer('service') },
      body: JSON.stringify({ nrmReference: 'NRM-2026-009001' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { nrmReference: string }).nrmReference).toBe('NRM-2026-009001');
    await eventually(
      async () =>
        (await system.sql.query(`SELECT 1 FROM central.direct_referrals WHERE system = 'LCS' AND record_id = $1 AND nrm_reference IS NOT NULL`, [seen.third]))
          .rowCount,
      60000,
    );
    expect(cells((await statistics()).referrals.breakdowns.submission)).toEqual({ 'Submitted to the Home Office': 2, 'Logged, not yet submitted': 1 });
  });

  it("follows a reviewer's unmerge and merge: the window rule joins only records of one person", async () => {
    const june = async () =>
      (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-06-01&to=2026-06-30').set('Authorization', lead).expect(200)).body.referrals.total;
    const luan: PotentialVictim = { gender: 'male', nationality: 'ALB', firstName: 'Luan', lastName: 'Krasniqi', dateOfBirth: '1990-01-20' };
    const referralId: string = (
      await request(intake.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(aReferral({ referredAt: '2026-06-02T10:00:00Z', potentialVictim: luan }))
        .expect(201)
    ).body.id;
    const personId = await eventually(async () => (await show(referralId)).personId as string | null, 60000);
    const typed = await enterDirectly(system.ais!, {
      subject: { firstName: 'Luan', lastName: 'Krasniqi', dateOfBirth: '1990-01-20', sex: 'male', nationality: 'ALB' },
      referralDate: '2026-06-09',
    });
    const joinOf = async () =>
      (await system.sql.query(`SELECT join_rule, joined_referral_id FROM central.direct_referrals WHERE system = 'AIS' AND record_id = $1`, [typed])).rows[0];
    expect(await eventually(async () => ((await joinOf())?.join_rule === 'window' ? joinOf() : undefined), 60000)).toEqual({
      join_rule: 'window',
      joined_referral_id: referralId,
    });
    expect(await june()).toBe(1);

    const unmerged = (
      await request(intake.getHttpServer())
        .post(`/v1/persons/${personId}/unmerge`)
        .set('Authorization', lead)
        .send({ system: 'AIS', recordId: typed, reason: 'another Luan Krasniqi' })
        .expect(200)
    ).body;
    expect(await joinOf()).toEqual({ join_rule: null, joined_referral_id: null });
    expect(await june()).toBe(2);

    await request(intake.getHttpServer())
      .post(`/v1/persons/${personId}/merge`)
      .set('Authorization', lead)
      .send({ personId: unmerged.personId, reason: 'the same man after all' })
      .expect(200);
    expect(await joinOf()).toEqual({ join_rule: 'window', joined_referral_id: referralId });
    expect(await june()).toBe(1);
  });

  it('counts a referral recorded in both case systems by the day it was first recorded, whichever arrives first', async () => {
    const figures = async (from: string, to: string): Promise<PopulationBody> =>
      (await request(insights.getHttpServer()).get(`/v1/statistics?from=${from}&to=${to}`).set('Authorization', lead).expect(200)).body.referrals;
    const nadia = { firstName: 'Nadia', lastName: 'Haddad', dateOfBirth: '2008-04-04', sex: 'female' as const, nationality: 'SYR' };
    // Typed into LCS first, dated 2 July; then into AIS, dated 28 June: one referral, June's, held in AIS.
    const contact = await enterDirectly(system.lcs!, { subject: nadia, referralDate: '2025-07-02' });
    await eventually(
      async () => (await system.sql.query(`SELECT 1 FROM central.direct_referrals WHERE system = 'LCS' AND record_id = $1`, [contact])).rowCount,
      60000,
    );
    const concern = await enterDirectly(system.ais!, { subject: nadia, referralDate: '2025-06-28', referralType: 'NRM' });
    const joinOf = async (system_: string, recordId: string) =>
      (
        await system.sql.query(`SELECT joined_system, joined_record_id, join_rule FROM central.direct_referrals WHERE system = $1 AND record_id = $2`, [
          system_,
          recordId,
        ])
      ).rows[0];
    expect(await eventually(async () => ((await joinOf('LCS', contact))?.join_rule ? joinOf('LCS', contact) : undefined), 60000)).toEqual({
      joined_system: 'AIS',
      joined_record_id: concern,
      join_rule: 'window',
    });
    expect(await joinOf('AIS', concern)).toEqual({ joined_system: null, joined_record_id: null, join_rule: null });
    const june = await figures('2025-06-01', '2025-06-30');
    expect(june.total).toBe(1);
    expect(cells(june.breakdowns.source)).toMatchObject({ 'Recorded directly in AIS': 1 });
    expect((await figures('2025-07-01', '2025-07-31')).total).toBe(0);
  });

  it('counts a nameless child or NRM referral entered directly as an individual, and only an anonymous notification as no one', async () => {
    const march = async (): Promise<StatisticsBody> =>
      (await request(insights.getHttpServer()).get('/v1/statistics?from=2025-03-01&to=2025-03-31').set('Authorization', lead).expect(200)).body;
    const entered = [
      await enterDirectly(system.lcs!, { subject: { sex: 'male' }, referralDate: '2025-03-10' }),
      await enterDirectly(system.ais!, { subject: { sex: 'male', nationality: 'ALB' }, referralDate: '2025-03-11', referralType: 'NRM' }),
      await enterDirectly(system.ais!, { subject: { sex: 'female' }, referralDate: '2025-03-12', referralType: 'DutyToNotify' }),
    ];
    await eventually(async () => {
      const { rows } = await system.sql.query(`SELECT 1 FROM central.direct_referrals WHERE record_id = ANY($1::text[])`, [entered]);
      return rows.length === 3 || undefined;
    }, 60000);
    const figures = await march();
    expect([figures.referrals.total, figures.individuals.total]).toEqual([3, 2]);
  });

  it('counts, once, the direct entries linked before episodes were counted, in the periods they belong to', async () => {
    const february = async (): Promise<PopulationBody> =>
      (await request(insights.getHttpServer()).get('/v1/statistics?from=2026-02-01&to=2026-02-28').set('Authorization', lead).expect(200)).body.referrals;
    const earlier = await enterDirectly(system.lcs!, {
      subject: { firstName: 'Kemal', lastName: 'Aydin', dateOfBirth: '2011-08-30', sex: 'male', nationality: 'TUR' },
      referralDate: '2026-02-16',
    });
    await eventually(
      async () => (await system.sql.query(`SELECT 1 FROM central.direct_referrals WHERE system = 'LCS' AND record_id = $1`, [earlier])).rowCount,
      60000,
    );
    // The database as it was before the upgrade: the record linked, its stored copy without referral facts, no
    // direct entry, and no backfill done.
    await system.sql.query(`DELETE FROM central.direct_referrals WHERE system = 'LCS' AND record_id = $1`, [earlier]);
    await system.sql.query(`UPDATE central.case_records SET record = record - 'referralFacts' WHERE system = 'LCS'`);
    await system.sql.query(`DELETE FROM central.episode_backfills`);
    expect((await february()).total).toBe(0);

    const { LinkingService } = await import('../apps/deduplicator/src/linking/linking.service');
    const linking = system.deduplicator!.get(LinkingService);
    expect(await linking.backfillEpisodes('LCS')).toBeGreaterThanOrEqual(1);
    const counted = await february();
    expect(counted.total).toBe(1);
    expect(cells(counted.breakdowns.source)).toMatchObject({ 'Recorded directly in LCS': 1 });
    // Once only: a second run reads nothing, and May's figures are as they were.
    expect(await linking.backfillEpisodes('LCS')).toBe(0);
    expect((await statistics()).referrals.total).toBe(3);
  });
  it("exports a person for a subject access request without other people's details or free text, saying what it held back", async () => {
    const potentialVictim: PotentialVictim = {
      gender: 'female',
      nationality: 'ALB',
      firstName: 'Elira',
      lastName: 'Dushku',
      dateOfBirth: '1996-01-21',
      contact: { phone: '07700 900001', alternativePhone: '07700 900123', alternativePhoneRelation: 'Her friend Drita' },
      background: { family: 'Her brother Ilir lives in Leeds' },
    };
    const exploitation: Exploitation = {
      types: ['sexual'],
      location: 'uk',
      ukTowns: ['Reading'],
      howItStarted: 'Met Gent online',
      exploiters: { details: 'Gent and Arben' },
    };
    const decisionRecipient = { firstName: 'Mira', lastName: 'Kola', email: 'mira@charity.example', permissionGiven: true };
    const body = aReferral({
      referredAt: '2026-09-07T10:00:00Z',
      potentialVictim,
      exploitation,
      decisionRecipient,
      narrative: 'A driver called Tom took her there.',
    });
    const id: string = (await request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body).expect(201)).body.id;
    const personId = await eventually(async () => (await show(id)).personId as string | null, 60000);
    const exported = await request(intake.getHttpServer()).get(`/v1/persons/${personId}/export`).set('Authorization', lead).expect(200);
    const text = JSON.stringify(exported.body);
    for (const other of ['Sam Officer', 'sam.officer@', 'Drita', '07700 900123', 'Ilir', 'Gent', 'Arben', 'Mira', 'mira@charity', 'Tom'])
      expect(text).not.toContain(other);
    expect(text).toContain('Elira');
    expect(text).toContain('07700 900001');
    const fields = (exported.body.withheld as Array<{ referralId: string; fields: string[] }>).filter((w) => w.referralId === id).flatMap((w) => w.fields);
    expect(fields).toEqual(
      expect.arrayContaining([
        'decisionRecipient.email',
        'potentialVictim.contact.alternativePhone',
        'potentialVictim.background.family',
        'exploitation.exploiters.details',
        'narrative',
      ]),
    );
  });
});
