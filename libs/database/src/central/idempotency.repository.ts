import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type ClaimResult = { outcome: 'claimed' } | { outcome: 'replay'; status: number; body: unknown } | { outcome: 'mismatch' } | { outcome: 'in_flight' };

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What a key already taken answers, for a request whose own write found it taken (see ReferralRepository.create):
   * the stored answer for the same body, a mismatch for another, in flight while an earlier version's claim is
   * open; undefined if the key has gone meanwhile (expired and purged), so the caller may try again.
   */
  async answerFor(scope: string, key: string, requestHash: string): Promise<Exclude<ClaimResult, { outcome: 'claimed' }> | undefined> {
    const rows: Array<{ request_hash: string; state: string; response_status: number; response_body: unknown }> = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM central.idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const row = rows.at(0);
    if (!row) return undefined;
    if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
    if (row.state === 'in_flight') return { outcome: 'in_flight' };
    return { outcome: 'replay', status: row.response_status, body: row.response_body };
  }

  async purgeExpired(): Promise<number> {
    // The driver answers a DELETE with [rows, affected count].
    const result = await this.dataSource.query<[unknown[], number | undefined]>(`DELETE FROM central.idempotency_keys WHERE expires_at < now()`);
    return result[1] ?? 0;
  }
}
