import { DataSource } from 'typeorm';
import { FeedChangeRepository } from '@app/database';
import { centralDataSource } from './support/database';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** The record of what the deduplicator read from each case system's change feed, and where it stopped. */
describe(FeedChangeRepository.name, () => {
  let system: TestSystem;
  let ds: DataSource;
  let changes: FeedChangeRepository;

  beforeAll(async () => {
    system = await startSystem({});
    ds = await centralDataSource(system.db.url);
    changes = new FeedChangeRepository(ds);
  });
  afterAll(async () => {
    await ifStarted(ds)?.destroy();
    await ifStarted(system)?.close();
  });

  it('starts a first poll from the beginning of the feed, with nothing left to enqueue', async () => {
    await expect(changes.pollStart('LCS', 10)).resolves.toEqual({ cursor: null, unqueued: [] });
  });

  it('records a page with its cursor, in the page order, and a page read again records nothing', async () => {
    const page = [
      { recordId: 'SC-000009', version: 1 },
      { recordId: 'SC-000002', version: 1 },
      { recordId: 'SC-000005', version: 2 },
    ];
    const first = await changes.recordPage('AIS', page, 'c1');
    expect(first.map((c) => [c.system, c.recordId, c.version])).toEqual(page.map((c) => ['AIS', c.recordId, c.version]));
    expect(new Set(first.map((c) => c.jobId)).size).toBe(3);

    await expect(changes.recordPage('AIS', [...page, { recordId: 'SC-000011', version: 1 }], 'c2')).resolves.toMatchObject([{ recordId: 'SC-000011' }]);
    const start = await changes.pollStart('AIS', 10);
    expect(start.cursor).toBe('c2');
    // None of them was seen into the queue: the next poll enqueues them first, under the ids they were given.
    expect(start.unqueued).toHaveLength(4);
    expect(start.unqueued).toEqual(expect.arrayContaining(first));
  });

  it('moves the cursor over an empty page, and leaves out of the next poll what was enqueued', async () => {
    await changes.recordPage('LCS', [], 'l1');
    const recorded = await changes.recordPage(
      'LCS',
      [
        { recordId: '100001', version: 1 },
        { recordId: '100002', version: 1 },
      ],
      'l2',
    );
    await changes.markEnqueued(recorded.slice(0, 1));
    await expect(changes.pollStart('LCS', 10)).resolves.toEqual({ cursor: 'l2', unqueued: [recorded[1]] });
    await expect(changes.pollStart('LCS', 0)).resolves.toEqual({ cursor: 'l2', unqueued: [] });
  });
});
