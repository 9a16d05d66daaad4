import { eventually } from './support/env';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';
import { FeedPollLoop } from '../apps/deduplicator/src/linking/feed-poll.loop';
import type { FeedPoller } from '../apps/deduplicator/src/linking/feed.poller';

/** The deduplicator's in-process poll loop: one replica reads the change feeds at a time, and hands over on stop. */
describe('feed poller lease', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ env: { FEED_POLL_MS: 20 } });
  });
  afterAll(() => ifStarted(system)?.close());
  // The loop reads its settings when built: this file's Redis, queue prefix and poll interval.
  const config = { get: (name: string) => (name === 'FEED_POLL_MS' ? 20 : process.env[name]) } as never;
  const replica = () => {
    const poller = { pollAll: jest.fn(() => Promise.resolve(0)), forgetCursors: jest.fn() };
    return { poller, loop: new FeedPollLoop(poller as unknown as FeedPoller, config) };
  };

  it('lets one replica poll, and the other take over as soon as it stops', async () => {
    const a = replica();
    const b = replica();
    a.loop.onApplicationBootstrap();
    await eventually(() => Promise.resolve(a.poller.pollAll.mock.calls.length >= 3), 10_000, 10);
    b.loop.onApplicationBootstrap();
    const seen = a.poller.pollAll.mock.calls.length;
    await eventually(() => Promise.resolve(a.poller.pollAll.mock.calls.length >= seen + 10), 10_000, 10);
    expect(b.poller.pollAll).not.toHaveBeenCalled();
    expect(a.poller.pollAll).toHaveBeenCalledWith(['AIS', 'LCS']);
    expect(a.poller.forgetCursors).toHaveBeenCalledTimes(1);

    await a.loop.onApplicationShutdown();
    // Released on stop: the other replica polls at its next renewal (every second), not after the 5 s lease.
    const stopped = Date.now();
    await eventually(() => Promise.resolve(b.poller.pollAll.mock.calls.length > 0), 4000, 10);
    expect(Date.now() - stopped).toBeLessThan(2500);
    expect(b.poller.forgetCursors).toHaveBeenCalledTimes(1);
    await b.loop.onApplicationShutdown();
  });
});
