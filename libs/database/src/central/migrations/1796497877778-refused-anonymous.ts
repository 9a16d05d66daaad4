import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refused anonymous requests (no token, a bad token, a wrong CSRF token, over the rate limit), counted per client
 * address, minute and reason instead of one audit row each: a flood adds to a count, not to the audit.
 */
export class RefusedAnonymous1796497877778 implements MigrationInterface {
  name = 'RefusedAnonymous1796497877778';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE central.refused_anonymous_requests (
        minute timestamptz NOT NULL CHECK (date_trunc('minute', minute) = minute),
        client_address text NOT NULL CHECK (length(client_address) <= 64),
        reason text NOT NULL CHECK (reason IN ('missing_token', 'invalid_token', 'csrf', 'throttled', 'other')),
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (minute, client_address, reason)
      )`);
    // The caller's own X-Request-Id, kept apart from request_id, which is now always the one the service generates.
    await q.query(`ALTER TABLE central.audit_events ADD COLUMN client_request_id text CHECK (client_request_id ~ '^[A-Za-z0-9._:-]{1,64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE central.audit_events DROP COLUMN client_request_id');
    await q.query('DROP TABLE central.refused_anonymous_requests');
  }
}
