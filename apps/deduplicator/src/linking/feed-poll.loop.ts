import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Environment } from '@app/config';
import { failFastRedis } from '@app/common';
import { QueueName } from '@app/queues';
import { FeedPoller } from './feed.poller';

/** How long the poller's lease lasts unless renewed: a replica that crashed hands polling on after this. */
const LEASE_MS = 5000;
/** How often the replica holding the lease renews it, and a replica without it asks for it. */
const RENEW_MS = 1000;

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * Polls both case systems' change feeds every FEED_POLL_MS, in this process. The polls used to be BullMQ job
 * schedules, one per system: each poll was then a job (four or five Lua scripts, a job record written and removed)
 * whether or not anything had changed, the largest fixed cost of the deduplicator at ten polls a second.
 *
 * One replica reads the feeds at a time, as with the schedules: the one holding a lease in Redis (`<prefix>:linking:
 * feed-poller`, renewed every second, lapsing after five seconds), so a crashed replica's polling passes to another
 * within seconds and a stopping one hands it on at once. Two replicas polling at once (a lease lapsed under a long
 * pause) is harmless: a page is recorded with ON CONFLICT DO NOTHING and a change is handed to a job only by the poll
 * that recorded it. With Redis away no replica polls, as no scheduled job ran then either; the changes wait in the
 * case systems' feeds.
 */
@Injectable()
export class FeedPollLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPollLoop.name);
  private readonly token = randomUUID();
  private readonly key: string;
  private readonly redis: Redis;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** The lease is ours until then (measured from before the renewal was sent). */
  private heldUntil = 0;
  private renewedAt = 0;
  private triedAt = 0;

  constructor(
    private readonly poller: FeedPoller,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.key = `${config.get('QUEUE_PREFIX', { infer: true })}:${QueueName.Linking}:feed-poller`;
    // A lease renewal must fail at once when Redis is away (and the lease then lapses), not wait in a queue.
    this.redis = failFastRedis(config.get('REDIS_URL', { infer: true }), { lazyConnect: true });
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    // Handed on at once: another replica (or this one restarted) need not wait for the lease to lapse.
    if (this.heldUntil > Date.now()) await this.redis.eval(RELEASE, 1, this.key, this.token).catch(() => undefined);
    this.redis.disconnect();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const started = Date.now();
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(Math.max(0, this.config.get('FEED_POLL_MS', { infer: true }) - (Date.now() - started)));
      });
    }, delay);
  }

  private async tick(): Promise<void> {
    if (!(await this.holdLease())) return;
    // The poller logs its failures (once per outage) and leaves what it recorded for the next poll to hand on.
    await this.poller.pollAll(['AIS', 'LCS']).catch(() => undefined);
  }

  private async holdLease(): Promise<boolean> {
    const now = Date.now();
    if (now < this.heldUntil && now - this.renewedAt < RENEW_MS) return true;
    const held = this.heldUntil > now;
    // A replica without the lease asks for it once a second, not at every poll.
    if (!held && now - this.triedAt < RENEW_MS) return false;
    this.triedAt = now;
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      const got = await this.redis.eval(RENEW, 1, this.key, this.token, String(LEASE_MS));
      if (got === 1) {
        this.heldUntil = now + LEASE_MS;
        this.renewedAt = now;
        // Another replica may have read the feeds meanwhile: start again from the stored cursors.
        if (!held) this.poller.forgetCursors();
        return true;
      }
    } catch (error) {
      if (held) this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'feed poller lease not renewed');
    }
    this.heldUntil = 0;
    return false;
  }
}
