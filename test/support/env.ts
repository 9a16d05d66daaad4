import { randomBytes } from 'node:crypto';

/**
 * Sets the environment an app under test validates at import time. Call before importing an app module:
 * ConfigModule validates process.env when the module file is first loaded.
 */
export function useTestEnvironment(settings: Record<string, string | number>): string {
  const queuePrefix = `rht${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    // Development sign-in is chosen explicitly, as `npm start` chooses it (an app refuses to start without AUTH_MODE).
    AUTH_MODE: 'development',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: queuePrefix,
    OUTBOX_SWEEP_MS: '200',
    // Tests post far faster than a first responder; the rate limit has its own test.
    THROTTLE_LIMIT: '1000000',
    ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])),
  });
  return queuePrefix;
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`);
}
