import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runWrite, type WritePart } from './write-part';

export type ClaimResult =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; status: number; body: unknown }
  | { outcome: 'mismatch' }
  | { outcome: 'in_flight' };

/** An in-flight claim older than this belongs to a request that died; another may take it over. */
const ABANDONED_AFTER_SECONDS = 60;

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(scope: string, key: string, requestHash: string, ttlHours: number): Promise<ClaimResult> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO central.idempotency_keys (scope, key, request_hash, state, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now() + $4 * interval '1 hour')
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_flight', claimed_at = now(),
             expires_at = EXCLUDED.expires_at, response_status = NULL, response_body = NULL
         WHERE central.idempotency_keys.expires_at < now()
            OR (central.idempotency_keys.state = 'in_flight'
                AND central.idempotency_keys.request_hash = EXCLUDED.request_hash
                AND central.idempotency_keys.claimed_at < now() - $5 * interval '1 second')
       RETURNING key`,
      [scope, key, requestHash, ttlHours, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.length > 0) return { outcome: 'claimed' };
    const rows: Array<{ request_hash: string; state: string; response_status: number; response_body: unknown }> = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM central.idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash, ttlHours);
    if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
    if (row.state === 'in_flight') return { outcome: 'in_flight' };
    return { outcome: 'replay', status: row.response_status, body: row.response_body };
  }

  /** Stores the answer inside the transaction that wrote the referral: both land, or neither. */
  async complete(manager: EntityManager, scope: string, key: string, status: number, body: unknown): Promise<void> {
    await runWrite(manager, this.completePart(scope, key, status, body));
  }

  /** The update of `complete`, to write together with the change it answers for (see `combineWrites`). */
  completePart(scope: string, key: string, status: number, body: unknown): WritePart {
    return {
      sql: `UPDATE central.idempotency_keys SET state = 'completed', response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
      params: [scope, key, status, JSON.stringify(body)],
    };
  }

  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM central.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, [scope, key]);
  }

  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.query(`DELETE FROM central.idempotency_keys WHERE expires_at < now()`);
    return result[1] ?? 0;
  }
}
