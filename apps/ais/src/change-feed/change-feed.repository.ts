import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AisChangeType, ChangeEntity } from './change.entity';

@Injectable()
export class ChangeFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends a change inside the writer's transaction. Its sequence number is drawn when the transaction commits,
   * under the writers' lock, so sequence order is commit order: a reader that has seen sequence N never later finds
   * an N-1 committed behind it (the migration AisFeedNumberedAtCommit). No lock is held while the app works.
   */
  async append(manager: EntityManager, concernId: string, concernVersion: number, changeType: AisChangeType): Promise<void> {
    await manager.query(`INSERT INTO ais.change_feed (concern_id, concern_version, change_type) VALUES ($1, $2, $3)`, [concernId, concernVersion, changeType]);
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
