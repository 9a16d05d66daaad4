import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeedEntryEntity, LcsFeedEvent } from './feed-entry.entity';

@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the writer's transaction. Its seq is drawn when the transaction commits, under the
   * writers' lock, so seq order is commit order and a reader past seq N never misses an N-1 that commits later (the
   * migration LcsFeedNumberedAtCommit). No lock is held while the app works. Readers take no lock.
   */
  async append(manager: EntityManager, contactId: string, version: number, event: LcsFeedEvent): Promise<void> {
    await manager.query(`INSERT INTO lcs.feed (contact_id, version, event) VALUES ($1, $2, $3)`, [contactId, version, event]);
  }

  after(seq: string, limit: number): Promise<FeedEntryEntity[]> {
    return this.dataSource.getRepository(FeedEntryEntity).createQueryBuilder('f').where('f.seq > :seq', { seq }).orderBy('f.seq', 'ASC').limit(limit).getMany();
  }
}
