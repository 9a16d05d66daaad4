import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorSub: string;
  actorRole?: string | null;
  actorOrg?: string | null;
  action: string;
  outcome: 'allowed' | 'refused';
  subjectType?: string | null;
  subjectId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  /** Ids and codes only: the audit must not become a second copy of the personal data it guards. */
  details?: Record<string, unknown> | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'allowed' | 'refused';
  from?: string;
  to?: string;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(AuditEventEntity, {
      ...record,
      details: record.details ?? null,
    } as Partial<AuditEventEntity> as never);
  }

  async list(filter: AuditFilter, limit: number, offset: number): Promise<{ items: AuditEventEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('a');
    if (filter.actor) qb.andWhere('a.actor_sub = :actor', { actor: filter.actor });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.subjectType) qb.andWhere('a.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.outcome) qb.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere(`a.at < (:to::date + 1)`, { to: filter.to });
    const [items, total] = await qb.orderBy('a.id', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }
}
