import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';

/** A change read from a case system's feed, with the id of the linking job that carries it. */
export interface FeedChange {
  system: CaseSystem;
  recordId: string;
  version: number;
  jobId: string;
}

/** A recorded change no worker has linked yet, old enough to be reconciled. */
export interface StaleFeedChange extends FeedChange {
  redrives: number;
}

/**
 * The inbox between the case systems' change feeds and the linking queue (table `central.feed_changes`): what was
 * read, under which job id, and whether it was linked. Separate from the person index, which holds decisions.
 */
@Injectable()
export class FeedChangeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Where the next read of a feed starts (null: from its beginning, as on a first connection). */
  async loadCursor(system: CaseSystem): Promise<string | null> {
    const rows: Array<{ cursor: string | null }> = await this.dataSource.query(`SELECT cursor FROM central.feed_cursors WHERE system = $1`, [system]);
    return rows[0]?.cursor ?? null;
  }

  /**
   * What a poll starts from, in one round trip: the feed's cursor (`loadCursor`) and the changes recorded but not
   * seen into the queue (`unqueued`). A poll runs several times a second whether or not anything changed.
   */
  async pollStart(system: CaseSystem, limit: number): Promise<{ cursor: string | null; unqueued: FeedChange[] }> {
    const rows: Array<{ cursor: string | null; record_id: string | null; version: number | null; job_id: string | null }> = await this.dataSource.query(
      `SELECT k.cursor, f.record_id, f.version, f.job_id
         FROM (SELECT (SELECT cursor FROM central.feed_cursors WHERE system = $1) AS cursor) k
         LEFT JOIN LATERAL (
           SELECT record_id, version, job_id, seen_at FROM central.feed_changes
            WHERE system = $1 AND enqueued_at IS NULL AND processed_at IS NULL ORDER BY seen_at LIMIT $2
         ) f ON true
        ORDER BY f.seen_at`,
      [system, limit],
    );
    const unqueued: FeedChange[] = [];
    for (const r of rows)
      if (r.record_id !== null && r.version !== null && r.job_id !== null)
        unqueued.push({ system, recordId: r.record_id, version: r.version, jobId: r.job_id });
    return { cursor: rows[0]?.cursor ?? null, unqueued };
  }

  /**
   * Records one page of a feed and moves its cursor in one statement (atomic on its own: a page is recorded with
   * its cursor or not at all). Returns the changes recorded now, in the page's order, each with its freshly minted
   * job id; a change already recorded (a page read twice) is not returned again, so it is enqueued once.
   */
  async recordPage(system: CaseSystem, changes: ReadonlyArray<{ recordId: string; version: number }>, nextCursor: string): Promise<FeedChange[]> {
    const rows: Array<{ record_id: string; version: number; job_id: string }> = await this.dataSource.query(
      `WITH page AS (
         SELECT c.record_id, c.version, c.n FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS c(record_id, version, n)
       ), recorded AS (
         INSERT INTO central.feed_changes (system, record_id, version)
         SELECT $1::text, record_id, version FROM page
         ON CONFLICT (system, record_id, version) DO NOTHING
         RETURNING record_id, version, job_id
       ), moved AS (
         INSERT INTO central.feed_cursors (system, cursor) VALUES ($1::text, $4::text)
         ON CONFLICT (system) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()
       )
       SELECT r.record_id, r.version, r.job_id
         FROM recorded r JOIN (SELECT record_id, version, min(n) AS n FROM page GROUP BY record_id, version) p USING (record_id, version)
        ORDER BY p.n`,
      [system, changes.map((c) => c.recordId), changes.map((c) => c.version), nextCursor],
    );
    return rows.map((r) => ({ system, recordId: r.record_id, version: r.version, jobId: r.job_id }));
  }

  /** The changes are in the queue (or, for a stale change whose job still waits in a backlog, still are): look again after the next interval. */
  async markEnqueued(changes: readonly FeedChange[]): Promise<void> {
    if (!changes.length) return;
    await this.dataSource.query(
      `UPDATE central.feed_changes f SET enqueued_at = now()
         FROM unnest($1::text[], $2::text[], $3::int[]) AS c(system, record_id, version)
        WHERE f.system = c.system AND f.record_id = c.record_id AND f.version = c.version`,
      [changes.map((c) => c.system), changes.map((c) => c.recordId), changes.map((c) => c.version)],
    );
  }

  /**
   * Changes a poll recorded but did not see into the queue (it stopped, or Redis refused, between the commit and
   * the add). Enqueued again under the same job id, so one that did reach the queue is not run twice.
   */
  async unqueued(system: CaseSystem, limit: number): Promise<FeedChange[]> {
    const rows: Array<{ record_id: string; version: number; job_id: string }> = await this.dataSource.query(
      `SELECT record_id, version, job_id FROM central.feed_changes
        WHERE system = $1 AND enqueued_at IS NULL AND processed_at IS NULL ORDER BY seen_at LIMIT $2`,
      [system, limit],
    );
    return rows.map((r) => ({ system, recordId: r.record_id, version: r.version, jobId: r.job_id }));
  }

  /**
   * The changes belong to one job linking many (the backlog job, a poll's batch) from now on: the reconciler finds
   * them pending while that job waits or runs, and enqueues them one by one if it is lost.
   */
  async assignToJob(changes: readonly FeedChange[], jobId: string, enqueued = true): Promise<void> {
    if (!changes.length) return;
    await this.dataSource.query(
      `UPDATE central.feed_changes f SET job_id = $4, enqueued_at = CASE WHEN $5 THEN now() ELSE f.enqueued_at END
         FROM unnest($1::text[], $2::text[], $3::int[]) AS c(system, record_id, version)
        WHERE f.system = c.system AND f.record_id = c.record_id AND f.version = c.version AND f.processed_at IS NULL`,
      [changes.map((c) => c.system), changes.map((c) => c.recordId), changes.map((c) => c.version), jobId, enqueued],
    );
  }

  /** Unlinked changes of the job `jobId` (the backlog job, a poll's batch), oldest first. */
  async backlog(jobId: string, limit: number): Promise<FeedChange[]> {
    const rows: Array<{ system: CaseSystem; record_id: string; version: number; job_id: string }> = await this.dataSource.query(
      `SELECT system, record_id, version, job_id FROM central.feed_changes
        WHERE job_id = $1 AND processed_at IS NULL ORDER BY seen_at, system, record_id, version LIMIT $2`,
      [jobId, limit],
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id, version: r.version, jobId: r.job_id }));
  }

  /** Of these changes, the records with one still unlinked (read in the caller's transaction, after its lock). */
  async unprocessedRecords(manager: EntityManager, changes: readonly FeedChange[]): Promise<Set<string>> {
    if (!changes.length) return new Set();
    const rows: Array<{ system: CaseSystem; record_id: string }> = await manager.query(
      `SELECT DISTINCT f.system, f.record_id FROM central.feed_changes f
         JOIN unnest($1::text[], $2::text[], $3::int[]) AS c(system, record_id, version)
           ON f.system = c.system AND f.record_id = c.record_id AND f.version = c.version
        WHERE f.processed_at IS NULL`,
      [changes.map((c) => c.system), changes.map((c) => c.recordId), changes.map((c) => c.version)],
    );
    return new Set(rows.map((r) => `${r.system}:${r.record_id}`));
  }

  /** `markProcessed` for many records at once, in the caller's transaction (the one that wrote their links). */
  async markProcessedMany(manager: EntityManager, changes: ReadonlyArray<{ system: CaseSystem; recordId: string; version: number }>): Promise<void> {
    if (!changes.length) return;
    await manager.query(
      `UPDATE central.feed_changes f SET processed_at = now()
         FROM unnest($1::text[], $2::text[], $3::int[]) AS c(system, record_id, version)
        WHERE f.system = c.system AND f.record_id = c.record_id AND f.version <= c.version AND f.processed_at IS NULL`,
      [changes.map((c) => c.system), changes.map((c) => c.recordId), changes.map((c) => c.version)],
    );
  }

  /** A linking job finished with the record at `version` (or found it gone): that change and older ones are done. */
  async markProcessed(system: CaseSystem, recordId: string, version: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE central.feed_changes SET processed_at = now()
        WHERE system = $1 AND record_id = $2 AND version <= $3 AND processed_at IS NULL`,
      [system, recordId, version],
    );
  }

  /** Unlinked changes recorded (or last re-driven) longer than `olderThanMs` ago, oldest first. */
  async stale(olderThanMs: number, limit: number): Promise<StaleFeedChange[]> {
    const rows: Array<{ system: CaseSystem; record_id: string; version: number; job_id: string; redrives: number }> = await this.dataSource.query(
      `SELECT system, record_id, version, job_id, redrives FROM central.feed_changes
        WHERE processed_at IS NULL AND coalesce(enqueued_at, seen_at) < now() - $1 * interval '1 millisecond'
        ORDER BY seen_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id, version: r.version, jobId: r.job_id, redrives: r.redrives }));
  }

  /** A stale change was enqueued again under a new job id. */
  async markRedriven(change: FeedChange): Promise<void> {
    await this.dataSource.query(
      `UPDATE central.feed_changes SET job_id = $4, redrives = redrives + 1, enqueued_at = now()
        WHERE system = $1 AND record_id = $2 AND version = $3`,
      [change.system, change.recordId, change.version, change.jobId],
    );
  }

  /** Seconds since the oldest change still unlinked was read (0 when none). */
  async oldestUnprocessedSeconds(): Promise<number> {
    const [{ s }] = await this.dataSource.query<Array<{ s: number }>>(
      `SELECT coalesce(extract(epoch FROM now() - min(seen_at)), 0)::float8 AS s FROM central.feed_changes WHERE processed_at IS NULL`,
    );
    return s;
  }

  /** Linked changes are kept a week for diagnosis, then removed. */
  async purgeProcessed(olderThanDays = 7): Promise<void> {
    await this.dataSource.query(`DELETE FROM central.feed_changes WHERE processed_at < now() - $1 * interval '1 day'`, [olderThanDays]);
  }
}
