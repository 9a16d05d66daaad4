import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type BulkLinkWrite, RecordLinkRepository } from '@app/database';
import { StatisticsFixtures } from './support/fixtures';
import { centralDataSource } from './support/database';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** New decisions written in bulk: a poll's few in one statement, a backlog's thousands in chunks, to the same effect. */
describe('RecordLinkRepository.writeBulkLinks', () => {
  let system: TestSystem;
  let ds: DataSource;

  beforeAll(async () => {
    system = await startSystem({});
    ds = await centralDataSource(system.db.url);
  });
  afterAll(async () => {
    await ifStarted(ds)?.destroy();
    await ifStarted(system)?.close();
  });

  /** `n` new records of `prefix`, every third anonymous (kept, never linked), the others two to a new person. */
  function decisions(prefix: string, n: number): { links: BulkLinkWrite[]; persons: string[] } {
    const persons: string[] = [];
    const links = Array.from({ length: n }, (_, i): BulkLinkWrite => {
      const anonymous = i % 3 === 2;
      if (!anonymous && i % 2 === 0) persons.push(randomUUID());
      return {
        system: 'AIS',
        recordId: `${prefix}-${i}`,
        version: 1,
        referralId: null,
        anonymous,
        record: { recordId: `${prefix}-${i}` },
        personId: anonymous ? null : persons[persons.length - 1],
        matchStatus: anonymous ? 'NO_MATCH' : 'MATCH',
        probability: anonymous ? null : 0.99,
        explanation: anonymous ? null : { probability: 0.99 },
      };
    });
    return { links, persons };
  }

  async function written(prefix: string) {
    const count = async (sql: string) => (await ds.query<Array<{ n: number }>>(sql, [`${prefix}-%`]))[0].n;
    return {
      records: await count(`SELECT count(*)::int AS n FROM central.case_records WHERE record_id LIKE $1`),
      links: await count(`SELECT count(*)::int AS n FROM central.record_links WHERE record_id LIKE $1`),
      history: await count(`SELECT count(*)::int AS n FROM central.link_history WHERE record_id LIKE $1 AND action = 'linked' AND actor = 'tester'`),
      persons: await count(
        `SELECT count(DISTINCT l.person_id)::int AS n FROM central.record_links l JOIN central.persons p ON p.id = l.person_id WHERE l.record_id LIKE $1`,
      ),
    };
  }

  it.each([
    ['a poll', 7],
    ['a backlog of more than one statement holds', 2503],
  ])('writes %s: every copy, each named record linked with its history, every new person', async (_, n) => {
    const prefix = `bulk${n}`;
    const { links, persons } = decisions(prefix, n);
    await ds.transaction((manager) => new RecordLinkRepository(ds).writeBulkLinks(manager, links, persons, { actor: 'tester', reasonSuffix: '' }));
    const named = links.filter((l) => l.personId !== null).length;
    await expect(written(prefix)).resolves.toEqual({ records: n, links: named, history: named, persons: persons.length });
  });

  it.each([
    ['a poll', 4],
    ['a backlog', 1500],
  ])("sets the person on each linked record's referral, found by case record or by id (%s)", async (_, n) => {
    const prefix = `ref${n}`;
    const { links, persons } = decisions(prefix, n);
    const fixtures = new StatisticsFixtures(system.sql);
    // The first linked record's referral names it as its case record; the second's is not routed yet and is found by id.
    const [first, second] = links.filter((l) => l.personId !== null);
    const byCase = await fixtures.referral({ caseSystem: 'AIS', caseRecordId: first.recordId });
    const byId = await fixtures.referral({ caseSystem: null });
    second.referralId = byId;
    await ds.transaction((manager) => new RecordLinkRepository(ds).writeBulkLinks(manager, links, persons, { actor: 'tester', reasonSuffix: '' }));
    const { rows } = await system.sql.query<{ id: string; person_id: string | null }>(
      `SELECT id, person_id FROM central.referrals WHERE id = ANY($1::uuid[])`,
      [[byCase, byId]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.person_id]))).toEqual({ [byCase]: first.personId, [byId]: second.personId });
  });
});
