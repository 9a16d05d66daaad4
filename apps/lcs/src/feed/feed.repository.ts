import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeedEntryEntity, LcsFeedEvent } from './feed-entry.entity';

@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the writer's transaction, as its last write. The writers' lock (a transaction-level
   * advisory lock, held to commit) is taken by the same statement before it draws seq, so seq order is commit
   * order and a reader past seq N never misses an N-1 that commits later. One statement rather than LOCK TABLE then
   * INSERT, so the lock is held for one round trip fewer. Readers take no lock.
   */
  async append(manager: EntityManager, contactId: string, version: number, event: LcsFeedEvent): Promise<void> {
    await manager.query(
      `WITH writers AS (SELECT pg_advisory_xact_lock(hashtext('lcs.feed writers')))
       INSERT INTO lcs.feed (contact_id, version, event) SELECT $1, $2, $3 FROM writers`,
      [contactId, version, event],
    );
  }

  after(seq: string, limit: number): Promise<FeedEntryEntity[]> {
    return this.dataSource.getRepository(FeedEntryEntity).createQueryBuilder('f').where('f.seq > :seq', { seq }).orderBy('f.seq', 'ASC').limit(limit).getMany();
  }
}
