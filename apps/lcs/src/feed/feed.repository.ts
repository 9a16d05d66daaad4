import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeedEntryEntity, LcsFeedEvent } from './feed-entry.entity';

@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the writer's transaction. Writers take the feed lock first, so seq order is commit
   * order and a reader past seq N never misses an N-1 that commits later. Plain reads are not blocked.
   */
  async append(manager: EntityManager, contactId: string, version: number, event: LcsFeedEvent): Promise<void> {
    await manager.query(`LOCK TABLE lcs.feed IN EXCLUSIVE MODE`);
    await manager.insert(FeedEntryEntity, { contactId, version, event });
  }

  after(seq: string, limit: number): Promise<FeedEntryEntity[]> {
    return this.dataSource
      .getRepository(FeedEntryEntity)
      .createQueryBuilder('f')
      .where('f.seq > :seq', { seq })
      .orderBy('f.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
