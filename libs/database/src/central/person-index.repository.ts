import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The person index's unit of work: a transaction, and the advisory lock under which one linking decision is made
 * at a time across every deduplicator replica and the review API ([ADR 0002](../../../../docs/adr/0002-person-index-locking.md)).
 * The index's tables are read and written through the repositories of its aggregates, in the caller's
 * transaction: CaseRecordRepository (case records), RecordLinkRepository (links and their history),
 * PersonRepository (persons, non-matches), ReviewItemRepository (review items) and LinkageModelRepository (the
 * learned model).
 */
@Injectable()
export class PersonIndexRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One linking decision at a time across every deduplicator replica and the review API. */
  async lockLinking(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('referral-hub:linking'))`);
  }
}
