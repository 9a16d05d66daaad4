import type { Client } from 'pg';
import type { CaseRecord, CaseSubject } from '@app/case-systems';
import { CaseRecordRepository, EpisodeRepository, PersonIndexRepository, PersonRepository, RecordLinkRepository } from '@app/database';
import type { CaseSystem } from '@app/domain';
import { defaultModel, PersonIndex } from '@app/matching';
import { toLinkageRecord } from '../apps/deduplicator/src/linking/linkage-record';
import { eventually } from './support/env';
import { amendDirectly, enterDirectly, type RunningMimic } from './support/mimics';
import { centralDataSource } from './support/database';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

type Entry = { system: CaseSystem; subject: Partial<CaseSubject> };

const adult = (firstName: string, lastName: string, dateOfBirth: string | null, more: Partial<CaseSubject> = {}): Entry => ({
  system: 'AIS',
  subject: { firstName, lastName, dateOfBirth, sex: 'male', nationality: 'ALB', ...more },
});
const child = (firstName: string, lastName: string, dateOfBirth: string, more: Partial<CaseSubject> = {}): Entry => ({
  system: 'LCS',
  subject: { firstName, lastName, dateOfBirth, sex: 'female', nationality: 'VNM', ...more },
});

/** A history of clear-cut people (some recorded two or three times, with the slips practitioners make) and loners. */
const HISTORY: Entry[] = [
  adult('Arben', 'Hoxha', '1991-02-17'),
  adult('Arben', 'Hoxha', '1991-02-17'),
  adult('Arben', 'Hoxa', '1991-02-17'),
  adult('Dritan', 'Krasniqi', '1988-09-30'),
  adult('Dritan', 'Krasniqi', '1988-09-30', { middleNames: 'Besnik' }),
  adult('Yonas', 'Tesfay', null, { nationality: 'ERI', nhsNumber: '9434765919' }),
  adult('Jonas', 'Tesfai', null, { nationality: 'ERI', nhsNumber: '9434765919' }),
  adult('Mihai', 'Popescu', '1979-12-05', { nationality: 'ROU' }),
  adult('Ewa', 'Kowalska', '1995-06-21', { nationality: 'POL', sex: 'female' }),
  adult('Ewa', 'Kowalska', '1995-06-21', { nationality: 'POL', sex: 'female' }),
  child('Linh', 'Nguyen', '2011-03-08'),
  child('Linh', 'Nguyen', '2011-03-08'),
  child('Thi Mai', 'Tran', '2010-10-14'),
  child('Hoa', 'Pham', '2012-01-26'),
  child('Hoa', 'Pham', '2012-01-26', { middleNames: 'Thi' }),
  adult('Kwame', 'Mensah', '1983-04-02', { nationality: 'GHA' }),
  adult('Olena', 'Shevchenko', '1990-08-19', { nationality: 'UKR', sex: 'female' }),
  adult('Olena', 'Shevchenko', '1990-08-19', { nationality: 'UKR', sex: 'female' }),
  adult('Olena', 'Shevchenko', '1990-08-19', { nationality: 'UKR', sex: 'female', aliases: ['Lena Shevchenko'] }),
  adult('Bashir', 'Ahmadi', '1997-11-11', { nationality: 'AFG' }),
  adult('Samir', 'Haddad', '1986-05-27', { nationality: 'SYR' }),
  adult('Samir', 'Haddad', '1986-05-27', { nationality: 'SYR' }),
  // Recorded in both systems the same day (age in doubt): one referral recorded twice, one episode.
  child('Ardit', 'Berisha', '2008-03-01', { sex: 'male', nationality: 'ALB' }),
  adult('Ardit', 'Berisha', '2008-03-01'),
];

/** The deduplicator's bulk path for a backlog (BacklogLinker), on real PostgreSQL, Redis and case-system mimics. */
describe('A backlog linked in bulk', () => {
  let system: TestSystem;
  let sql: Client;
  const mimic = (name: CaseSystem): RunningMimic => (name === 'AIS' ? system.ais! : system.lcs!);
  const entered: Array<{ system: CaseSystem; recordId: string }> = [];

  beforeAll(async () => {
    // Started without the deduplicator: the history is entered first, as on a council's first connection.
    system = await startSystem({ env: { FEED_POLL_MS: 100, BACKLOG_BULK_MIN: 5 }, mimics: true });
    sql = system.sql;
  });

  afterAll(() => ifStarted(system)?.close());

  const linkOf = async (key: { system: CaseSystem; recordId: string }) =>
    (
      await sql.query<{ person_id: string; locked: boolean; decided_by: string; updated_at: Date }>(
        `SELECT person_id, locked, decided_by, updated_at FROM central.record_links WHERE system = $1 AND record_id = $2`,
        [key.system, key.recordId],
      )
    ).rows[0];
  const allLinked = (keys: ReadonlyArray<{ system: CaseSystem; recordId: string }>) =>
    eventually(async () => {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS n FROM central.record_links l
           JOIN unnest($1::text[], $2::text[]) AS k(system, record_id) ON l.system = k.system AND l.record_id = k.record_id`,
        [keys.map((k) => k.system), keys.map((k) => k.recordId)],
      );
      return rows[0].n === keys.length || undefined;
    }, 45000);
  const groups = (personOf: Map<string, string>): string[][] => {
    const byPerson = new Map<string, string[]>();
    for (const [key, person] of personOf) byPerson.set(person, [...(byPerson.get(person) ?? []), key]);
    return [...byPerson.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };

  it('links a first connection in one transaction, into the same persons as one record at a time would', async () => {
    for (const entry of HISTORY)
      entered.push({ system: entry.system, recordId: await enterDirectly(mimic(entry.system), { subject: entry.subject, referralDate: '2026-01-15' }) });
    await system.restartDeduplicator();
    await allLinked(entered);

    const { rows } = await sql.query(
      `SELECT c.system, c.record_id, c.record, l.person_id, l.updated_at FROM central.case_records c
         JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id`,
    );
    expect(rows).toHaveLength(HISTORY.length);
    // Written together: one transaction's timestamp on every link, not one per record.
    expect(new Set(rows.map((r) => r.updated_at.getTime())).size).toBe(1);
    const inBulk = new Map<string, string>(rows.map((r) => [`${r.system}:${r.record_id}`, r.person_id]));

    // One record at a time, in the order entered, with the same model and rule as the worker's.
    const recordOf = new Map<string, CaseRecord>(rows.map((r) => [`${r.system}:${r.record_id}`, r.record as CaseRecord]));
    const index = new PersonIndex(defaultModel());
    const oneByOne = new Map<string, string>();
    for (const key of entered) {
      const linkage = toLinkageRecord(recordOf.get(`${key.system}:${key.recordId}`)!);
      const matching = index.match(linkage, 10).filter((c) => c.decision === 'MATCH');
      const person = matching.length === 1 ? matching[0].personId : `person-${oneByOne.size}`;
      index.add(linkage, person);
      oneByOne.set(linkage.recordId, person);
    }
    expect(groups(inBulk)).toEqual(groups(oneByOne));
    expect(groups(inBulk).length).toBeLessThan(HISTORY.length - 5);

    // Every change read is marked linked, each record linked once, with its history and audit.
    const pending = await sql.query(`SELECT count(*)::int AS n FROM central.feed_changes WHERE processed_at IS NULL`);
    expect(pending.rows[0].n).toBe(0);
    const history = await sql.query(
      `SELECT system, record_id, count(*)::int AS n FROM central.link_history WHERE action = 'linked' GROUP BY system, record_id`,
    );
    expect(history.rows).toHaveLength(HISTORY.length);
    expect(history.rows.every((r) => r.n === 1)).toBe(true);
    const audit = await sql.query(`SELECT count(*)::int AS n FROM central.audit_events WHERE action = 'link.decided' AND actor_sub = 'deduplicator'`);
    expect(audit.rows[0].n).toBe(HISTORY.length);

    // Episodes as reconsidering the person's entries one at a time decides them: the other system's entry of the same
    // day joins the one with the earlier key (AIS), by the window rule.
    const [lcsArdit, aisArdit] = entered.slice(-2);
    const joined = await sql.query(
      `SELECT system, record_id, joined_system, joined_record_id, join_rule FROM central.direct_referrals WHERE joined_record_id IS NOT NULL`,
    );
    expect(joined.rows).toEqual([
      { system: 'LCS', record_id: lcsArdit.recordId, joined_system: 'AIS', joined_record_id: aisArdit.recordId, join_rule: 'window' },
    ]);

    // The backlog decided new persons' episodes in memory (episodesOfNewPerson); the one-at-a-time path in SQL
    // (EpisodeRepository.reconsiderPerson), run again over every person, must find nothing to change.
    const episodesNow = () =>
      sql.query(`SELECT system, record_id, joined_system, joined_record_id, join_rule, join_reason FROM central.direct_referrals ORDER BY system, record_id`);
    const before = (await episodesNow()).rows;
    expect(before).toHaveLength(HISTORY.length);
    const ds = await centralDataSource(system.db.url);
    try {
      const episodes = new EpisodeRepository(ds);
      const persons = await sql.query<{ person_id: string }>(`SELECT DISTINCT person_id FROM central.record_links`);
      for (const { person_id } of persons.rows) {
        await ds.transaction((manager) => episodes.reconsiderPerson(manager, person_id, { windowDays: 30 }));
      }
    } finally {
      await ds.destroy();
    }
    expect((await episodesNow()).rows).toEqual(before);
  });

  it("keeps a reviewer's decision when the next backlog brings a new version of the record, and links the rest", async () => {
    // A safeguarding lead takes the third Arben Hoxha record out of its person: a decision of their own, locked.
    const app = system.deduplicator!;
    const repository = app.get(PersonIndexRepository);
    const records = app.get(CaseRecordRepository);
    const links = app.get(RecordLinkRepository);
    const persons = app.get(PersonRepository);
    const taken = entered[2];
    const before = await linkOf(taken);
    const own = await repository.transaction(async (manager) => {
      await repository.lockLinking(manager);
      const stored = await records.findRecord(manager, taken.system, taken.recordId);
      const personId = await persons.createPerson(manager);
      await links.setLink(
        manager,
        {
          system: taken.system,
          recordId: taken.recordId,
          personId,
          matchStatus: 'NO_MATCH',
          probability: null,
          decidedBy: 'reviewer',
          locked: true,
          explanation: null,
          recordVersion: stored!.version,
        },
        { action: 'moved', actor: 'reviewer', reason: 'not_a_match' },
      );
      await persons.addNonMatch(manager, taken.system, taken.recordId, before.person_id, 'reviewer');
      return personId;
    });

    // The deduplicator is down while the record is amended and more history arrives: a second backlog.
    await app.close();
    await amendDirectly(mimic('AIS'), taken.recordId, { firstName: 'Arben', lastName: 'Hoxha', dateOfBirth: '1991-02-17', sex: 'male', nationality: 'ALB' });
    const later: Entry[] = [
      adult('Arben', 'Hoxha', '1991-02-17'),
      adult('Mihai', 'Popescu', '1979-12-05', { nationality: 'ROU' }),
      ...Array.from({ length: 10 }, (_, i) =>
        adult(
          ['Ardit', 'Blerim', 'Gentian', 'Ilir', 'Luan', 'Fatmir', 'Agron', 'Valon', 'Edon', 'Besart'][i],
          'Berisha',
          `19${70 + i}-0${1 + (i % 9)}-1${i % 10}`,
        ),
      ),
    ];
    const keys: Array<{ system: CaseSystem; recordId: string }> = [];
    for (const entry of later)
      keys.push({ system: entry.system, recordId: await enterDirectly(mimic(entry.system), { subject: entry.subject, referralDate: '2026-02-20' }) });
    await system.restartDeduplicator();
    await allLinked(keys);
    await eventually(
      async () => (await sql.query(`SELECT count(*)::int AS n FROM central.feed_changes WHERE processed_at IS NULL`)).rows[0].n === 0 || undefined,
      45000,
    );

    const kept = await linkOf(taken);
    expect(kept).toMatchObject({ person_id: own, locked: true, decided_by: 'reviewer' });
    const last = await sql.query(`SELECT action, actor, reason FROM central.link_history WHERE system = $1 AND record_id = $2 ORDER BY id DESC LIMIT 1`, [
      taken.system,
      taken.recordId,
    ]);
    expect(last.rows[0]).toMatchObject({ action: 'record_updated', actor: 'deduplicator', reason: "a reviewer's decision stands" });

    // Decided against the persons already held, as one at a time: Mihai Popescu joins his person; the new Arben
    // Hoxha record matches both his person and the one the lead made, so it is a person of its own, under review.
    expect((await linkOf(keys[1])).person_id).toBe((await linkOf(entered[7])).person_id);
    const arben = await linkOf(keys[0]);
    expect([before.person_id, own]).not.toContain(arben.person_id);
    const reviews = await sql.query(`SELECT candidate_person_id, reason FROM central.review_items WHERE system = $1 AND record_id = $2 AND status = 'open'`, [
      keys[0].system,
      keys[0].recordId,
    ]);
    expect(reviews.rows.map((r) => r.candidate_person_id).sort()).toEqual([before.person_id, own].sort());
    expect(reviews.rows.every((r) => r.reason === 'matches_several_persons')).toBe(true);
    const newcomers = [];
    for (const key of keys.slice(2)) newcomers.push(await linkOf(key));
    expect(new Set(newcomers.map((l) => l.person_id)).size).toBe(10);
    // Those were written in bulk (one timestamp), the two touching the index one at a time in the same transaction.
    expect(new Set([...newcomers, await linkOf(keys[0])].map((l) => l.updated_at.getTime())).size).toBe(1);
  });
});
