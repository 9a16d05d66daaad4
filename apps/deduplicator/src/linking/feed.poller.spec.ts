import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AisClient, LcsClient } from '@app/case-systems';
import type { FeedChangeRepository } from '@app/database';
import { FeedPoller } from './feed.poller';

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
  const poller = new FeedPoller(
    repository as unknown as FeedChangeRepository,
    client as unknown as AisClient,
    client as unknown as LcsClient,
    queue as unknown as Queue,
    { get: (name: string) => (name === 'LINK_BATCH_MIN' ? 2 : 500) } as never,
  );

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
