import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change read from a case system's feed, until it is linked. The feed cursor moves in the same transaction
 * that records the changes, so a change is either still to be read or recorded here; a reconciliation sweep finds
 * recorded changes that no worker linked (a job lost with Redis, or dropped as a duplicate id after a database
 * reset) and enqueues them again.
 *
 * The routing side needs no table of its own: a referral still `accepted` and its delivery messages in the outbox
 * say the same (see OutboxRepository.staleDeliveries).
 *
 * The job id is a random UUID minted with the row, never the case system's record id or version: those repeat
 * when a database is reset or restored while Redis keeps its completed jobs.
 */
export class FeedChanges1796476058653 implements MigrationInterface {
  name = 'FeedChanges1796476058653';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.feed_changes (
        system text NOT NULL CHECK (system IN ('AIS', 'LCS')),
        record_id text NOT NULL,
        version integer NOT NULL,
        job_id text NOT NULL DEFAULT ('link-' || gen_random_uuid()),
        seen_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        redrives integer NOT NULL DEFAULT 0,
        processed_at timestamptz,
        PRIMARY KEY (system, record_id, version)
      )`);
    await q.query(`CREATE INDEX feed_changes_unprocessed_idx ON central.feed_changes (seen_at) WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX feed_changes_processed_idx ON central.feed_changes (processed_at) WHERE processed_at IS NOT NULL`);
    // The routing reconciliation reads a referral's latest delivery message.
    await q.query(`CREATE INDEX outbox_aggregate_idx ON central.outbox (aggregate_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.outbox_aggregate_idx`);
    await q.query(`DROP TABLE central.feed_changes`);
  }
}
