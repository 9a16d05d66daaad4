import type { RedisOptions } from 'bullmq';
import Redis, { type RedisOptions as ClientOptions } from 'ioredis';

/**
 * Connection options for BullMQ from a redis:// or rediss:// URL (rediss turns TLS on).
 * maxRetriesPerRequest must be null for BullMQ workers, which block on Redis.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Reconnect forever, but not faster than every 2 s, so a Redis outage does not spin the CPU.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

/**
 * A client whose commands fail at once while Redis is away, none queued and none retried, for callers that must not
 * wait: a readiness check, a lease, a rate limit. Connection errors are not thrown at the client (each command
 * fails instead), and it still reconnects in the background.
 */
export function failFastRedis(url: string, options: ClientOptions = {}): Redis {
  const client = new Redis({ ...redisOptionsFromUrl(url), enableOfflineQueue: false, maxRetriesPerRequest: 0, ...options });
  client.on('error', () => undefined);
  return client;
}
