import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AisChangeType, ChangeEntity } from './change.entity';

@Injectable()
export class ChangeFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends a change inside the writer's transaction. Writers take the feed lock first, so sequence order is
   * commit order: a reader that has seen sequence N can never later find an N-1 committed behind it.
   * Readers are not blocked (EXCLUSIVE mode still admits plain SELECTs).
   */
  async append(manager: EntityManager, concernId: string, concernVersion: number, changeType: AisChangeType): Promise<void> {
    await manager.query(`LOCK TABLE ais.change_feed IN EXCLUSIVE MODE`);
    await manager.insert(ChangeEntity, { concernId, concernVersion, changeType });
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
