import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NrmReferralFacts } from '@app/domain';
import { DecisionEntity } from './decision.entity';

/** What the decision rules need to know about the referral a decision is recorded on. */
export interface DecisionReferralFacts extends NrmReferralFacts {
  id: string;
}

@Injectable()
export class DecisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Serialises decisions on one referral until the transaction ends (two reasonable-grounds decisions posted at
   * once must not both pass the rules), without locking the referral row the router and deduplicator update.
   */
  async lockReferral(manager: EntityManager, referralId: string): Promise<DecisionReferralFacts | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('decisions:' || $1::text))`, [referralId]);
    return this.referralFacts(referralId, manager);
  }

  async referralFacts(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<DecisionReferralFacts | null> {
    const rows: DecisionReferralFacts[] = await manager.query(
      `SELECT id, kind, ((referred_at AT TIME ZONE 'Europe/London')::date)::text AS "referredOn", under18,
              age_disputed AS "ageDisputed", date_of_birth::text AS "dateOfBirth"
         FROM central.referrals WHERE id = $1`,
      [referralId],
    );
    return rows[0] ?? null;
  }

  forReferral(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<DecisionEntity[]> {
    return manager.getRepository(DecisionEntity).find({ where: { referralId }, order: { decidedOn: 'ASC', recordedAt: 'ASC' } });
  }

  async insert(manager: EntityManager, decision: Omit<DecisionEntity, 'recordedAt'>): Promise<DecisionEntity> {
    await manager.insert(DecisionEntity, decision);
    return manager.getRepository(DecisionEntity).findOneByOrFail({ id: decision.id });
  }
}
