import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { AgeAssessmentEntity } from './age-assessment.entity';
import { TransitionEntity } from './transition.entity';

@Injectable()
export class TransitionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertAssessment(manager: EntityManager, assessment: Partial<AgeAssessmentEntity>): Promise<void> {
    await manager.insert(AgeAssessmentEntity, assessment);
  }

  /**
   * Inserts the move unless the same move of this referral is under way (pending); answers the one that stands. A
   * case may move the same way again once an earlier move completed (a child found an adult, then a child, then 18).
   * Callers hold `lockCaseMoves`, and decide the move from `heldIn`.
   */
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
    if (created.length > 0) return { transition: await manager.findOneByOrFail(TransitionEntity, { id: transition.id }), created: true };
    // The same move under way: the one pending (or, if the router completed it since, that one).
    const existing = await manager.findOneOrFail(TransitionEntity, {
      where: { referralId: transition.referralId, fromSystem: transition.fromSystem, toSystem: transition.toSystem },
      order: { recordedAt: 'DESC', id: 'DESC' },
    });
    return { transition: existing, created: false };
  }

  /**
   * Where the referral's case is held once the moves under way complete: the destination of its latest pending move,
   * else the case system it was delivered to (or is routed to). Read under `lockCaseMoves`, so a decision is judged
   * against the moves already started, not against the referral as it was read before the lock.
   */
  async heldIn(manager: EntityManager, referralId: string): Promise<CaseSystem | null> {
    const [row]: Array<{ system: CaseSystem | null }> = await manager.query(
      `SELECT COALESCE(
         (SELECT t.to_system FROM central.transitions t WHERE t.referral_id = $1 AND t.status = 'pending' ORDER BY t.recorded_at DESC, t.id DESC LIMIT 1),
         (SELECT COALESCE(r.case_system, r.route_system) FROM central.referrals r WHERE r.id = $1)) AS system`,
      [referralId],
    );
    return row.system;
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
