import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRepository, combineWrites, OutboxRepository, runWrite } from '@app/database';
import { centralDataSource } from './support/database';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** Writes made together in one statement (intake's referral, outbox message, stored answer and audit row). */
describe(combineWrites.name, () => {
  let system: TestSystem;
  let ds: DataSource;
  const outbox = () => new OutboxRepository(ds);
  const audit = () => new AuditRepository(ds);
  const count = async (table: string, where: string, value: string) =>
    Number((await ds.query(`SELECT count(*)::int AS n FROM central.${table} WHERE ${where} = $1`, [value]))[0].n);

  beforeAll(async () => {
    system = await startSystem({});
    ds = await centralDataSource(system.db.url);
  });
  afterAll(async () => {
    await ifStarted(ds)?.destroy();
    await ifStarted(system)?.close();
  });

  it('writes every part, each with its own parameters', async () => {
    const id = randomUUID();
    await runWrite(
      ds.manager,
      combineWrites([
        outbox().addPart({ topic: 'deliver', aggregateId: id, jobId: `deliver-${id}`, payload: { referralId: id } }),
        audit().appendPart({
          actorSub: 'tester',
          actorRole: 'safeguarding_lead',
          action: 'test.write',
          outcome: 'allowed',
          subjectType: 'referral',
          subjectId: id,
          details: { n: 1 },
        }),
      ]),
    );
    expect(await count('outbox', 'job_id', `deliver-${id}`)).toBe(1);
    const [row] = await ds.query(`SELECT actor_sub, action, details FROM central.audit_events WHERE subject_id = $1`, [id]);
    expect(row).toEqual({ actor_sub: 'tester', action: 'test.write', details: { n: 1 } });
  });

  it('writes nothing when one part fails: the statement is all or nothing', async () => {
    const id = randomUUID();
    const failing = audit().appendPart({ actorSub: 'tester', action: 'test.write', outcome: 'maybe' as never, subjectType: 'referral', subjectId: id });
    await expect(
      runWrite(
        ds.manager,
        combineWrites([outbox().addPart({ topic: 'deliver', aggregateId: id, jobId: `deliver-${id}`, payload: { referralId: id } }), failing]),
      ),
    ).rejects.toThrow(/check constraint/);
    expect(await count('outbox', 'job_id', `deliver-${id}`)).toBe(0);
    expect(await count('audit_events', 'subject_id', id)).toBe(0);
  });
});
