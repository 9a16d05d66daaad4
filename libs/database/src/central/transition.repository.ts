import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgeAssessmentEntity } from './age-assessment.entity';
import { TransitionEntity } from './transition.entity';

@Injectable()
export class TransitionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertAssessment(manager: EntityManager, assessment: Partial<AgeAssessmentEntity>): Promise<void> {
    await manager.insert(AgeAssessmentEntity, assessment);
  }

  /** Inserts the transition unless this referral already has one out of the same system; answers the one that stands. */
  async insertOnce(manager: EntityManager, transition: Partial<TransitionEntity>): Promise<{ transition: TransitionEntity; created: boolean }> {
    const created: unknown[] = await manager
      .createQueryBuilder()
      .insert()
      .into(TransitionEntity)
      .values(transition)
      .orIgnore()
      .returning('id')
      .execute()
      .then((r) => r.raw as unknown[]);
    const existing = await manager.findOneByOrFail(TransitionEntity, {
      referralId: transition.referralId,
      fromSystem: transition.fromSystem,
      toSystem: transition.toSystem,
    });
    return { transition: existing, created: created.length > 0 };
  }

  findById(id: string): Promise<TransitionEntity | null> {
    return this.dataSource.getRepository(TransitionEntity).findOneBy({ id });
  }

  forReferral(referralId: string): Promise<TransitionEntity[]> {
    return this.dataSource.getRepository(TransitionEntity).find({ where: { referralId }, order: { recordedAt: 'ASC' } });
  }

  assessmentsForReferral(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<AgeAssessmentEntity[]> {
    return manager.getRepository(AgeAssessmentEntity).find({ where: { referralId }, order: { recordedAt: 'ASC' } });
  }

  /**
   * Serialises what may move one referral's case between the case systems (an age assessment, a transition step)
   * until the transaction ends, without locking the referral row: two findings recorded at once are judged one
   * after the other, each against the assessments already committed.
   */
  async lockCaseMoves(manager: EntityManager, referralId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-moves:' || $1::text))`, [referralId]);
  }

  async complete(manager: EntityManager, id: string, fromRecordId: string, toRecordId: string): Promise<void> {
    await manager.query(
      `UPDATE central.transitions SET status = 'completed', from_record_id = $2, to_record_id = $3, completed_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [id, fromRecordId, toRecordId],
    );
  }

  pending(limit: number): Promise<TransitionEntity[]> {
    return this.dataSource.getRepository(TransitionEntity).find({ where: { status: 'pending' }, take: limit, order: { recordedAt: 'ASC' } });
  }
}
