import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { Environment } from '@app/config';
import { failFastRedis } from './redis';

/** How long start-up waits for the limiter's Redis connection before serving without it (failing open). */
const CONNECT_WAIT_MS = 2_000;

// One round trip: count the hit in a fixed window and read what is left of it.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return { hits, ttl }`;

interface ThrottleCommands {
  rhThrottleHit(key: string, ttlMs: string): Promise<unknown>;
}

/**
 * Rate-limit counters in Redis, so every intake replica shares one count per caller. Written here because the
 * community Redis storage for @nestjs/throttler does not yet declare support for NestJS 12.
 * It fails open: with Redis away, referrals must still be accepted (they wait in the outbox), so an unreachable
 * Redis lets the request through rather than refusing a first responder.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private lastWarning = 0;

  constructor(config: ConfigService<Environment, true>) {
    this.redis = failFastRedis(config.get('REDIS_URL', { infer: true }), { commandTimeout: 250 });
    // Sent by its SHA1 (EVALSHA) rather than as the whole script on every request.
    this.redis.defineCommand('rhThrottleHit', { numberOfKeys: 1, lua: HIT });
    this.prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:throttle:`;
  }

  /**
   * Waits for the connection before the app takes requests: the client queues nothing while it connects, so until
   * then every request would pass unlimited. A refused connection (Redis away) ends the wait at once, and the wait
   * is bounded: the app starts and fails open as it would later.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done).off('error', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.redis.once('ready', done).once('error', done);
    });
  }

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    try {
      const [hits, pttl] = (await (this.redis as Redis & ThrottleCommands).rhThrottleHit(`${this.prefix}${throttlerName}:${key}`, String(ttl))) as [
        number,
        number,
      ];
      const timeToExpire = Math.max(0, Math.ceil(pttl / 1000));
      const isBlocked = hits > limit;
      return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'rate limiting suspended: Redis unreachable');
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
