import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { runWrite, type WritePart } from './write-part';

export interface AuditRecord {
  actorSub: string;
  actorRole?: string | null;
  actorOrg?: string | null;
  action: string;
  outcome: 'allowed' | 'refused';
  subjectType?: string | null;
  subjectId?: string | null;
  purpose?: string | null;
  /** The id the service gave the request (every log line of it carries the same). */
  requestId?: string | null;
  /** The caller's own X-Request-Id, as given (form checked), kept apart from the service's. */
  clientRequestId?: string | null;
  /** Ids and codes only: the audit must not become a second copy of the personal data it guards. */
  details?: Record<string, unknown> | null;
}

export type RefusedAnonymousReason = 'missing_token' | 'invalid_token' | 'csrf' | 'throttled' | 'other';

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'allowed' | 'refused';
  from?: string;
  to?: string;
}

/** The columns an audit row is written with, in the order of `auditValues`. */
export const AUDIT_COLUMNS = 'actor_sub, actor_role, actor_org, action, outcome, subject_type, subject_id, purpose, request_id, client_request_id, details';

/** An audit record as the values of AUDIT_COLUMNS, in order (text, details as JSON text). */
export function auditValues(record: AuditRecord): unknown[] {
  return [
    record.actorSub,
    record.actorRole ?? null,
    record.actorOrg ?? null,
    record.action,
    record.outcome,
    record.subjectType ?? null,
    record.subjectId ?? null,
    record.purpose ?? null,
    record.requestId ?? null,
    record.clientRequestId ?? null,
    record.details === undefined || record.details === null ? null : JSON.stringify(record.details),
  ];
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await runWrite(manager ?? this.dataSource.manager, this.appendPart(record));
  }

  /** `append` for many records at once (the deduplicator's bulk link decisions), in the caller's transaction. */
  async appendMany(records: readonly AuditRecord[], manager?: EntityManager): Promise<void> {
    for (let i = 0; i < records.length; i += 1000) {
      const rows = records.slice(i, i + 1000).map((r) => {
        const v = auditValues(r);
        return {
          actor_sub: v[0],
          actor_role: v[1],
          actor_org: v[2],
          action: v[3],
          outcome: v[4],
          subject_type: v[5],
          subject_id: v[6],
          purpose: v[7],
          request_id: v[8],
          client_request_id: v[9],
          details: r.details ?? null,
        };
      });
      await (manager ?? this.dataSource.manager).query(
        `INSERT INTO central.audit_events (${AUDIT_COLUMNS})
         SELECT ${AUDIT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(actor_sub text, actor_role text, actor_org text, action text,
                outcome text, subject_type text, subject_id text, purpose text, request_id text, client_request_id text, details jsonb)`,
        [JSON.stringify(rows)],
      );
    }
  }

  /** The insert of `append`, to write together with the change it records (see `combineWrites`). */
  appendPart(record: AuditRecord): WritePart {
    return {
      sql: `INSERT INTO central.audit_events (${AUDIT_COLUMNS}) VALUES (${auditValues(record)
        .map((_, i) => `$${i + 1}`)
        .join(', ')})`,
      params: auditValues(record),
    };
  }

  /** Adds counts of refused anonymous requests (one row per minute, client address and reason; see the migration). */
  async addRefusedAnonymous(counts: ReadonlyArray<{ minute: Date; clientAddress: string; reason: RefusedAnonymousReason; count: number }>): Promise<void> {
    if (counts.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO central.refused_anonymous_requests (minute, client_address, reason, count)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (minute, client_address, reason) DO UPDATE SET count = refused_anonymous_requests.count + excluded.count`,
      [counts.map((c) => c.minute.toISOString()), counts.map((c) => c.clientAddress), counts.map((c) => c.reason), counts.map((c) => c.count)],
    );
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
