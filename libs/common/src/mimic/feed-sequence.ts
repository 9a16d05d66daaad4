import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case-system mimic's change feed whose sequence numbers are drawn at commit, not when the row is written.
 *
 * A reader polls "changes after N", so a change must never commit with a number below one already visible. The
 * feeds used to take a writers' lock in the statement that wrote the change and hold it to commit, which kept
 * that order but held the lock across a round trip to the app: the app's COMMIT waits its turn on a busy event
 * loop, and every other writer waits behind it (on two busy cores, deliveries to a mimic queued for seconds).
 *
 * Here a change is written with a provisional negative number, and a deferred constraint trigger, run inside
 * COMMIT, takes the writers' lock and gives it the next real number. PostgreSQL releases the lock only after the
 * transaction is visible, so numbers still follow commit order, and the lock is held only while the server
 * commits. Readers, who ask for numbers above one they have seen, never see a provisional number: it is never
 * committed.
 */
export interface CommitSequencedFeed {
  /** The feed table, schema-qualified: ais.change_feed. */
  readonly table: string;
  /** Its sequence column, the primary key. */
  readonly column: string;
  /** The sequence the column's default draws from today (bigserial's). */
  readonly sequence: string;
  /** The writers' advisory lock key. */
  readonly lockKey: string;
}

function names(feed: CommitSequencedFeed) {
  const [schema, table] = feed.table.split('.');
  return { provisional: `${schema}.${table}_provisional_seq`, fn: `${schema}.${table}_number_at_commit`, trigger: `${table}_number_at_commit` };
}

/** The statements that move a feed to numbers drawn at commit. */
export function commitSequencedFeedUp(feed: CommitSequencedFeed): string[] {
  const { provisional, fn, trigger } = names(feed);
  return [
    `CREATE SEQUENCE ${provisional}`,
    `ALTER TABLE ${feed.table} ALTER COLUMN ${feed.column} SET DEFAULT -nextval('${provisional}')`,
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('${feed.lockKey}'));
       UPDATE ${feed.table} SET ${feed.column} = nextval('${feed.sequence}') WHERE ${feed.column} = NEW.${feed.column};
       RETURN NULL;
     END $$`,
    `CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON ${feed.table}
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

/** The statements that undo `commitSequencedFeedUp`. */
export function commitSequencedFeedDown(feed: CommitSequencedFeed): string[] {
  const { provisional, fn, trigger } = names(feed);
  return [
    `DROP TRIGGER ${trigger} ON ${feed.table}`,
    `DROP FUNCTION ${fn}()`,
    `ALTER TABLE ${feed.table} ALTER COLUMN ${feed.column} SET DEFAULT nextval('${feed.sequence}')`,
    `DROP SEQUENCE ${provisional}`,
  ];
}

/** A migration made of statements generated from a spec: a subclass names itself and gives them. */
export abstract class GeneratedMigration implements MigrationInterface {
  abstract readonly name: string;
  protected abstract upStatements(): string[];
  protected abstract downStatements(): string[];

  async up(q: QueryRunner): Promise<void> {
    for (const statement of this.upStatements()) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of this.downStatements()) await q.query(statement);
  }
}

/** A mimic's migration moving its feed to numbers drawn at commit: a subclass names itself and its feed. */
export abstract class CommitSequencedFeedMigration extends GeneratedMigration {
  protected abstract readonly feed: CommitSequencedFeed;
  protected upStatements(): string[] {
    return commitSequencedFeedUp(this.feed);
  }

  protected downStatements(): string[] {
    return commitSequencedFeedDown(this.feed);
  }
}
