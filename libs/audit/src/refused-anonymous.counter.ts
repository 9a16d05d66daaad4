import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AuditRepository, type RefusedAnonymousReason } from '@app/database';

/** How often the counts are written; a flood between two writes costs one upsert per address and reason. */
export const FLUSH_EVERY_MS = 2000;
/** Counts held at most between writes (a flood from many addresses is written early rather than held). */
const MAX_HELD = 5000;

/** The reasons the guards give, as the counts table names them. */
export function refusalReasonOf(reason: string): RefusedAnonymousReason {
  if (reason === 'missing bearer token') return 'missing_token';
  if (reason === 'invalid token' || reason === 'token check failed') return 'invalid_token';
  if (/csrf/i.test(reason)) return 'csrf';
  if (/rate limit/i.test(reason)) return 'throttled';
  return 'other';
}

/**
 * Refused anonymous requests, counted per client address, minute and reason (central.refused_anonymous_requests)
 * instead of one audit row each, so that a flood of requests without a token neither grows the audit nor costs a
 * write per request. Counts are held in memory and added to the table every FLUSH_EVERY_MS and at shutdown.
 */
@Injectable()
export class RefusedAnonymousCounter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RefusedAnonymousCounter.name);
  private held = new Map<string, { minute: Date; clientAddress: string; reason: RefusedAnonymousReason; count: number }>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly audit: AuditRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  note(clientAddress: string | undefined, reason: string, at = new Date()): void {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const address = (clientAddress ?? 'unknown').slice(0, 64);
    const kind = refusalReasonOf(reason);
    const key = `${minute.getTime()}|${address}|${kind}`;
    const entry = this.held.get(key);
    if (entry) entry.count += 1;
    else this.held.set(key, { minute, clientAddress: address, reason: kind, count: 1 });
    if (this.held.size >= MAX_HELD) void this.flush();
  }

  /** Writes what is held; one write at a time, and a failed write keeps its counts for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.held.size === 0) return;
      const batch = this.held;
      this.held = new Map();
      try {
        await this.audit.addRefusedAnonymous([...batch.values()]);
      } catch (error) {
        // The message names no address; the counts wait for the next write (bounded: the oldest go first).
        this.logger.warn({ err: error instanceof Error ? error.name : 'unknown', held: batch.size }, 'could not write refused-request counts');
        for (const [key, entry] of batch) {
          if (this.held.size >= MAX_HELD) break;
          const now = this.held.get(key);
          if (now) now.count += entry.count;
          else this.held.set(key, entry);
        }
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
