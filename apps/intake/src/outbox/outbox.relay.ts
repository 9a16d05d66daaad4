import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { Environment } from '@app/config';
import { OutboxRepository, PendingMessage } from '@app/database';
import { QueueName } from '@app/queues';

const BATCH = 200;
/**
 * How long a kick waits for others to join it before the relay runs. Each pass costs two statements and a Redis
 * call whatever its size, so at a few dozen referrals a second a 10 ms window relayed them one by one, at three
 * times the round trips of the referrals' own writes; 50 ms batches them and adds at most that to routing.
 */
const COALESCE_MS = 50;
/** BullMQ waits for Redis to come back rather than failing; the relay gives up on a send after this. */
const SEND_TIMEOUT_MS = 2000;

/**
 * Moves outbox rows to the routing queue. Each accepted referral kicks it at once; a sweeper retries on an
 * interval what could not be sent (Redis away), so an accepted referral is never lost between PostgreSQL and
 * Redis. Job ids come from the row, so a row sent twice (a crash between send and mark) is one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  /** Kicks that came while a pass was running; a pass that saw the count change runs again. */
  private kicksWhileDraining = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QueueName.Routing) private readonly routing: Queue,
    private readonly config: ConfigService<Environment, true>,
  ) {
    // Redis away makes the queue emit an error per reconnect attempt; one line a minute is enough to see it.
    let lastReported = 0;
    this.routing.on('error', (error: Error) => {
      if (Date.now() - lastReported < 60_000) return;
      lastReported = Date.now();
      this.logger.warn({ err: error.message }, 'routing queue unreachable; referrals are kept in the outbox');
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.get('OUTBOX_SWEEP_MS', { infer: true }));
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
  }

  /**
   * Asks for a drain. Kicks within a few milliseconds share one (a busy intake relays referrals in batches, one
   * relay transaction for many), and kicks during a drain coalesce into at most one more.
   */
  kick(): void {
    if (this.draining) {
      this.kicksWhileDraining += 1;
      return;
    }
    this.draining = new Promise<void>((resolve) => setTimeout(resolve, COALESCE_MS))
      .then(() => this.drain())
      .finally(() => {
        this.draining = undefined;
      });
  }

  private async drain(): Promise<void> {
    try {
      let seen: number;
      do {
        seen = this.kicksWhileDraining;
        let result;
        do {
          result = await this.outbox.relay(BATCH, (messages) => this.send(messages));
        } while (result.sent === BATCH);
      } while (this.kicksWhileDraining !== seen);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'outbox relay pass failed; the sweeper will retry');
    }
  }

  private async send(messages: PendingMessage[]): Promise<void> {
    const add = this.routing.addBulk(messages.map((m) => ({ name: m.topic, data: m.payload, opts: { jobId: m.jobId } })));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue unavailable (timed out)')), SEND_TIMEOUT_MS);
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
    // A timed-out add may still land when Redis returns; the same job ids make that harmless.
    add.catch(() => undefined);
  }
}
