import { createServer, type Server } from 'node:net';
import type { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import type { Environment } from '@app/config';
import { RedisThrottlerStorage } from '@app/common';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** The two settings the storage reads, as ConfigService hands them over. */
function configOf(url: string, prefix: string): ConfigService<Environment, true> {
  const settings: Record<string, string> = { REDIS_URL: url, QUEUE_PREFIX: prefix };
  return { get: (key: string) => settings[key] } as unknown as ConfigService<Environment, true>;
}

/**
 * The limiter's client queues nothing while it connects (commands fail at once instead of waiting on Redis), so a
 * request served before the connection is up would pass unlimited. Start-up waits for it.
 */
describe('RedisThrottlerStorage start-up', () => {
  let system: TestSystem;
  let redisUrl: string;
  let prefix: string;
  let redis: Redis;

  beforeAll(async () => {
    // No app: the system gives this file its queue prefix on the shared Redis, and removes its keys at the end.
    system = await startSystem({});
    prefix = system.prefix;
    redisUrl = process.env.REDIS_URL!;
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    redis.disconnect();
    await ifStarted(system)?.close();
  });

  it('counts the very first hit after start-up, and refuses past the limit', async () => {
    const storage = new RedisThrottlerStorage(configOf(redisUrl, prefix));
    try {
      await storage.onModuleInit();
      const hits = [];
      for (let i = 0; i < 3; i += 1) hits.push(await storage.increment('caller', 60_000, 2, 0, 'default'));
      // Before the wait, the first hit straight after construction failed open: totalHits 0, not blocked.
      expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(hits[2].timeToExpire).toBeGreaterThan(0);
      expect(await redis.get(`${prefix}:throttle:default:caller`)).toBe('3');
    } finally {
      storage.onModuleDestroy();
    }
  });

  it('starts at once when Redis refuses the connection, and then lets requests through', async () => {
    // A port that was free a moment ago: nothing listens there, so the connection is refused.
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const storage = new RedisThrottlerStorage(configOf(`redis://127.0.0.1:${port}`, prefix));
    try {
      const started = Date.now();
      await storage.onModuleInit();
      // Well inside the 2 s bound: the refusal, not the timer, ended the wait.
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await storage.increment('caller', 60_000, 1, 0, 'default')).toEqual({
        totalHits: 0,
        timeToExpire: 0,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    } finally {
      storage.onModuleDestroy();
    }
  });
});
