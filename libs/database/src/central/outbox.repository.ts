import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery, runWrite, type WritePart } from './write-part';
import type { RoutingJobs } from '@app/queues';

/**
 * How long a relay holds the messages it claimed while it sends them (its send gives up after 2 s); a relay that
 * died meanwhile leaves them to another after this.
 */
export const RELAY_LEASE_SECONDS = 10;

/** A routing job to add once the transaction that wrote it commits: each topic with its own payload. */
export type OutboxMessage = {
  [N in keyof RoutingJobs]: { topic: N; aggregateId: string; jobId: string; payload: RoutingJobs[N] };
}[keyof RoutingJobs];

/** A referral accepted long ago and still not delivered, with the id of its latest delivery job (if any is known). */
export interface StaleDelivery {
  referralId: string;
  generation: number;
  lastJobId: string | null;
}

export type PendingMessage = OutboxMessage & {
  id: string;
  attempts: number;
};

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, message: OutboxMessage): Promise<void> {
    await runWrite(manager, this.addPart(message));
  }

  /** The insert of `add`, to write together with the change it announces (see `combineWrites`). */
  addPart(message: OutboxMessage): WritePart {
    return {
      sql: `INSERT INTO central.outbox (topic, aggregate_id, job_id, payload) VALUES ($1, $2, $3, $4)`,
      params: [message.topic, message.aggregateId, message.jobId, JSON.stringify(message.payload)],
    };
  }

  /**
   * Claims up to `limit` unsent messages for RELAY_LEASE_SECONDS, skipping rows another relay holds, hands them to
   * `send`, then marks them sent — or, if `send` fails, makes them wait with backoff. Two statements per batch and
   * no transaction held open while `send` talks to Redis. A relay that dies between the claim and the mark leaves
   * its rows to the next relay once the lease ends; sending a row twice is harmless (the job id is the row's).
   */
  async relay(limit: number, send: (messages: PendingMessage[]) => Promise<void>): Promise<{ sent: number; failed: number }> {
    // The rows hold what `add` wrote, so each topic's payload is the one its type names.
    type Row = {
      [N in keyof RoutingJobs]: { id: string; topic: N; aggregate_id: string; job_id: string; payload: RoutingJobs[N]; attempts: number };
    }[keyof RoutingJobs];
    const rows = await preparedQuery<Row>(
      this.dataSource,
      'rh_outbox_claim',
      `UPDATE central.outbox o SET available_at = now() + ${RELAY_LEASE_SECONDS} * interval '1 second', attempts = o.attempts + 1
         FROM (SELECT id FROM central.outbox WHERE sent_at IS NULL AND available_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) c
        WHERE o.id = c.id
        RETURNING o.id, o.topic, o.aggregate_id, o.job_id, o.payload, o.attempts`,
      [limit],
    );
    if (rows.length === 0) return { sent: 0, failed: 0 };
    const messages = rows
      .map(({ aggregate_id: aggregateId, job_id: jobId, ...message }): PendingMessage => ({ ...message, aggregateId, jobId }))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const ids = messages.map((m) => m.id);
    try {
      await send(messages);
    } catch (error) {
      // Redis away: keep the rows, back off (1 s doubling, capped at 30 s, by the attempts before this one) so the
      // sweeper does not spin.
      await preparedQuery(
        this.dataSource,
        'rh_outbox_backoff',
        `UPDATE central.outbox SET last_error = $2, available_at = now() + least(30, power(2, least(attempts - 1, 5))) * interval '1 second'
          WHERE id = ANY($1::bigint[])`,
        [ids, error instanceof Error ? error.message.slice(0, 300) : 'send failed'],
      );
      return { sent: 0, failed: ids.length };
    }
    await preparedQuery(this.dataSource, 'rh_outbox_sent', `UPDATE central.outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    return { sent: ids.length, failed: 0 };
  }

  /**
   * Referrals still `accepted` whose latest delivery message was sent (or purged) longer than `olderThanMs` ago,
   * oldest first. One whose message is still unsent is the relay's, not the reconciliation's.
   */
  async staleDeliveries(topic: string, olderThanMs: number, limit: number): Promise<StaleDelivery[]> {
    const rows: Array<{ id: string; redrive_generation: number; job_id: string | null }> = await this.dataSource.query(
      `SELECT r.id, r.redrive_generation, o.job_id
         FROM central.referrals r
         LEFT JOIN LATERAL (
           SELECT job_id, sent_at FROM central.outbox WHERE aggregate_id = r.id AND topic = $1 ORDER BY id DESC LIMIT 1
         ) o ON true
        WHERE r.status = 'accepted' AND r.updated_at < now() - $2 * interval '1 millisecond'
          AND (o.job_id IS NULL OR o.sent_at < now() - $2 * interval '1 millisecond')
        ORDER BY r.created_at LIMIT $3`,
      [topic, olderThanMs, limit],
    );
    return rows.map((r) => ({ referralId: r.id, generation: r.redrive_generation, lastJobId: r.job_id }));
  }

  /** Records a message sent straight to the queue (a reconciliation's redrive), so the next pass knows its job id. */
  async recordSent(message: OutboxMessage): Promise<void> {
    await this.dataSource.query(`INSERT INTO central.outbox (topic, aggregate_id, job_id, payload, sent_at, attempts) VALUES ($1, $2, $3, $4, now(), 1)`, [
      message.topic,
      message.aggregateId,
      message.jobId,
      JSON.stringify(message.payload),
    ]);
  }

  /** Seconds since the oldest referral still waiting for delivery was accepted (0 when none). */
  async oldestUndeliveredSeconds(): Promise<number> {
    const [{ s }] = await this.dataSource.query<Array<{ s: number }>>(
      `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS s FROM central.referrals WHERE status = 'accepted'`,
    );
    return s;
  }

  async pendingCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM central.outbox WHERE sent_at IS NULL`);
    return n;
  }

  /** Sent messages are kept a week for diagnosis, then removed. */
  async purgeSent(olderThanDays = 7): Promise<void> {
    await this.dataSource.query(`DELETE FROM central.outbox WHERE sent_at < now() - $1 * interval '1 day'`, [olderThanDays]);
  }
}
