import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AisChangeType, ChangeEntity } from './change.entity';

@Injectable()
export class ChangeFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends a change inside the writer's transaction, as its last write. The writers' lock (a transaction-level
   * advisory lock, held to commit) is taken by the same statement before it draws the sequence, so sequence order
   * is commit order: a reader that has seen sequence N can never later find an N-1 committed behind it. One
   * statement rather than LOCK TABLE then INSERT: the lock is held for one round trip fewer, which is what bounded
   * how many concerns a second the feed could take. Readers take no lock.
   */
  async append(manager: EntityManager, concernId: string, concernVersion: number, changeType: AisChangeType): Promise<void> {
    await manager.query(
      `WITH writers AS (SELECT pg_advisory_xact_lock(hashtext('ais.change_feed writers')))
       INSERT INTO ais.change_feed (concern_id, concern_version, change_type) SELECT $1, $2, $3 FROM writers`,
      [concernId, concernVersion, changeType],
    );
  }

  /** Up to `limit` changes after `since`, oldest first. */
  after(since: string, limit: number): Promise<ChangeEntity[]> {
    return this.dataSource
      .getRepository(ChangeEntity)
      .createQueryBuilder('c')
      .where('c.sequence > :since', { since })
      .orderBy('c.sequence', 'ASC')
      .limit(limit)
      .getMany();
  }
}
