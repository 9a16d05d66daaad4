import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AisClient, LcsClient } from '@app/case-systems';
import type { FeedChangeRepository } from '@app/database';
import { FeedPoller } from './feed.poller';

/** A poller over stand-ins for the feed repository, both case systems' clients (one for both) and the queue. */
function pollerOver(repository: object, client: object, queue: object): FeedPoller {
  return new FeedPoller(
    repository as FeedChangeRepository,
    client as AisClient,
    client as LcsClient,
    queue as Queue,
    { get: (name: string) => (name === 'LINK_BATCH_MIN' ? 2 : 500) } as never,
  );
}

describe(FeedPoller.name, () => {
  const pages: Array<'empty' | 'one' | 'down'> = [];
  const client = {
    changes: jest.fn(() => {
      const next = pages.shift();
      if (next === 'down') return Promise.reject(new Error('connect ECONNREFUSED'));
      return Promise.resolve({ changes: next === 'one' ? [{ recordId: '1', version: 1, type: 'created' }] : [], nextCursor: 'c', hasMore: false });
    }),
  };
  const repository = {
    pollStart: jest.fn(() => Promise.resolve({ cursor: 'c', unqueued: [] })),
    recordPage: jest.fn((system: string, changes: Array<{ recordId: string; version: number }>) =>
      Promise.resolve(changes.map((c) => ({ system, ...c, jobId: `link-${c.recordId}` }))),
    ),
    markEnqueued: jest.fn(() => Promise.resolve(undefined)),
  };
  const queue = { addBulk: jest.fn(() => Promise.resolve([])), getJobState: jest.fn(() => Promise.resolve('unknown')) };
  const poller = pollerOver(repository, client, queue);

  it('logs a change of state once, and quiet polls only at debug', async () => {
    const info = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    pages.push('empty', 'empty', 'one', 'down', 'down', 'down', 'empty', 'empty');
    for (let i = 0; i < 8; i += 1) await poller.poll('AIS').catch(() => undefined);
    expect(info.mock.calls.map((c): unknown => c[1])).toEqual(['changes read from the change feed', 'change feed reachable again']);
    expect(warn.mock.calls.map((c): unknown => c[1])).toEqual(['change feed unreachable; retrying every poll']);
    expect(debug).toHaveBeenCalledTimes(4);
  });

  it('skips a poll of a system whose last poll still reads', async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    client.changes.mockClear();
    pages.push('one', 'one');
    const first = poller.poll('LCS');
    await expect(poller.poll('LCS')).resolves.toBe(0);
    await expect(first).resolves.toBe(1);
    expect(client.changes).toHaveBeenCalledTimes(1);
    await expect(poller.poll('LCS')).resolves.toBe(1);
  });
});

describe(`${FeedPoller.name} between polls`, () => {
  it('reads on from the cursor it recorded, and from the stored cursor and unqueued changes after a failure', async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    let fail = false;
    const client = {
      changes: jest.fn((cursor: string | null) =>
        fail ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.resolve({ changes: [], nextCursor: `${cursor ?? ''}+`, hasMore: false }),
      ),
    };
    const unqueued = { system: 'AIS', recordId: '7', version: 1, jobId: 'link-7' };
    const repository = {
      pollStart: jest.fn(() => Promise.resolve({ cursor: 'stored', unqueued: [unqueued] })),
      recordPage: jest.fn(() => Promise.resolve([])),
      markEnqueued: jest.fn(() => Promise.resolve(undefined)),
    };
    const queue = { addBulk: jest.fn(() => Promise.resolve([])), getJobState: jest.fn(() => Promise.resolve('unknown')) };
    const poller = pollerOver(repository, client, queue);
    await expect(poller.poll('AIS')).resolves.toBe(1);
    await poller.poll('AIS');
    expect(repository.pollStart).toHaveBeenCalledTimes(1);
    expect(client.changes.mock.calls.map((c) => c[0])).toEqual(['stored', 'stored+']);
    expect(repository.recordPage.mock.calls.map((c): unknown => (c as unknown[])[2])).toEqual(['stored+', 'stored++']);
    fail = true;
    await expect(poller.poll('AIS')).rejects.toThrow('ECONNREFUSED');
    fail = false;
    await expect(poller.poll('AIS')).resolves.toBe(1);
    expect(repository.pollStart).toHaveBeenCalledTimes(2);
    expect(client.changes.mock.calls.at(-1)?.[0]).toBe('stored');
    repository.recordPage.mockImplementationOnce(() => Promise.resolve([{ ...unqueued, recordId: '8', jobId: 'link-8' }] as never));
    queue.addBulk.mockImplementationOnce(() => Promise.reject(new Error('Redis away')));
    await expect(poller.poll('AIS')).rejects.toThrow('Redis away');
    await poller.poll('AIS');
    expect(repository.pollStart).toHaveBeenCalledTimes(3);
  });
});

describe(`${FeedPoller.name} of both systems`, () => {
  it("hands both feeds' changes to one batch job, and one feed's while the other is down", async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    let lcsDown = false;
    const feed = (system: string) => ({
      changes: jest.fn(() =>
        system === 'LCS' && lcsDown
          ? Promise.reject(new Error('connect ECONNREFUSED'))
          : Promise.resolve({ changes: [{ recordId: `${system}-1`, version: 1, type: 'created' }], nextCursor: 'c', hasMore: false }),
      ),
    });
    const repository = {
      pollStart: jest.fn(() => Promise.resolve({ cursor: null, unqueued: [] })),
      recordPage: jest.fn((system: string, changes: Array<{ recordId: string; version: number }>) =>
        Promise.resolve(changes.map((c) => ({ system, ...c, jobId: `link-${c.recordId}` }))),
      ),
      assignToJob: jest.fn(() => Promise.resolve(undefined)),
      markEnqueued: jest.fn(() => Promise.resolve(undefined)),
    };
    const queue = {
      add: jest.fn(() => Promise.resolve({})),
      addBulk: jest.fn(() => Promise.resolve([])),
      getJobState: jest.fn(() => Promise.resolve('unknown')),
    };
    const poller = new FeedPoller(
      repository as unknown as FeedChangeRepository,
      feed('AIS') as unknown as AisClient,
      feed('LCS') as unknown as LcsClient,
      queue as unknown as Queue,
      { get: (name: string) => (name === 'LINK_BATCH_MIN' ? 2 : 500) } as never,
    );
    await expect(poller.pollAll(['AIS', 'LCS'])).resolves.toBe(2);
    expect(queue.add).toHaveBeenCalledTimes(1);
    expect(repository.assignToJob.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      [expect.objectContaining({ system: 'AIS', recordId: 'AIS-1' }), expect.objectContaining({ system: 'LCS', recordId: 'LCS-1' })],
    ]);
    lcsDown = true;
    await expect(poller.pollAll(['AIS', 'LCS'])).rejects.toThrow('ECONNREFUSED');
    expect(queue.addBulk).toHaveBeenCalledWith([expect.objectContaining({ data: { system: 'AIS', recordId: 'AIS-1', version: 1 } })]);
  });
});
