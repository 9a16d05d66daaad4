import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { ReferralEntity, ReferralStatus } from './referral.entity';
import { combineWrites, runWrite, type WritePart } from './write-part';

export interface ReferralFilter {
  /** Exactly this organisation (a first responder's own). */
  organisation?: string;
  /** Organisations whose name holds this, in any case ("thames valley" finds Thames Valley Police). */
  organisationContains?: string;
  kind?: 'nrm' | 'dtn';
  status?: ReferralStatus;
  caseSystem?: CaseSystem;
  personId?: string;
  from?: string;
  to?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A sequence is not transactional: a number drawn for a referral that is then refused is simply skipped. */
  async nextReferenceNumber(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ n }] = await manager.query(`SELECT nextval('central.referral_reference_seq')::int AS n`);
    return n;
  }

  async insert(manager: EntityManager, referral: Partial<ReferralEntity>): Promise<void> {
    await manager.insert(ReferralEntity, referral);
  }

  /**
   * Writes a new referral together with the rows that must land with it (its outbox message, the stored
   * idempotent answer, the audit of its creation) as one statement: one round trip, all or nothing.
   */
  async insertWith(referral: Partial<ReferralEntity>, alongside: readonly WritePart[]): Promise<void> {
    const [sql, params] = this.dataSource.createQueryBuilder().insert().into(ReferralEntity).values(referral).updateEntity(false).getQueryAndParameters();
    await runWrite(this.dataSource.manager, combineWrites([{ sql, params }, ...alongside]));
  }

  findById(id: string): Promise<ReferralEntity | null> {
    return this.dataSource.getRepository(ReferralEntity).findOneBy({ id });
  }

  async list(filter: ReferralFilter, limit: number, offset: number): Promise<Page<ReferralEntity>> {
    const qb = this.dataSource.getRepository(ReferralEntity).createQueryBuilder('r');
    if (filter.organisation) qb.andWhere('r.organisation = :organisation', { organisation: filter.organisation });
    if (filter.organisationContains) {
      qb.andWhere(`r.organisation ILIKE :part ESCAPE '\\'`, { part: `%${filter.organisationContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.caseSystem) qb.andWhere('r.case_system = :caseSystem', { caseSystem: filter.caseSystem });
    if (filter.personId) qb.andWhere('r.person_id = :personId', { personId: filter.personId });
    if (filter.from) qb.andWhere('r.referred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere(`r.referred_at < (:to::date + 1)`, { to: filter.to });
    const [items, total] = await qb.orderBy('r.referred_at', 'DESC').addOrderBy('r.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(ReferralEntity).count();
  }

  /** Idempotent: a second delivery of the same referral changes nothing. */
  async markRouted(id: string, system: CaseSystem, recordId: string, attempts: number): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE central.referrals
          SET status = 'routed', case_system = $2, case_record_id = $3, routed_at = now(),
              routing_attempts = $4, routing_error = NULL, updated_at = now(),
              -- the deduplicator may have linked the record before the router heard back
              person_id = coalesce((SELECT person_id FROM central.record_links WHERE system = $2 AND record_id = $3), person_id)
        WHERE id = $1 AND status <> 'routed'`,
      [id, system, recordId, attempts],
    );
    return result[1] > 0;
  }

  async recordRoutingAttempt(id: string, attempts: number, error: string, failed: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE central.referrals
          SET routing_attempts = $2, routing_error = $3, updated_at = now(),
              status = CASE WHEN $4 AND status = 'accepted' THEN 'routing_failed' ELSE status END
        WHERE id = $1`,
      [id, attempts, error.slice(0, 500), failed],
    );
  }

  /** Puts a failed referral back to accepted; answers the new generation (part of the next job's id). */
  async redrive(manager: EntityManager, id: string): Promise<number | undefined> {
    // For UPDATE … RETURNING the postgres driver answers [rows, affected count].
    const [rows]: [Array<{ redrive_generation: number }>, number] = await manager.query(
      `UPDATE central.referrals
          SET status = 'accepted', redrive_generation = redrive_generation + 1, routing_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'routing_failed'
        RETURNING redrive_generation`,
      [id],
    );
    return rows[0]?.redrive_generation;
  }

  /** The case now lives in another system (a transition); the referral keeps its id and reference. */
  async moveCase(manager: EntityManager, id: string, system: CaseSystem, recordId: string): Promise<void> {
    await manager.query(
      `UPDATE central.referrals SET case_system = $2, case_record_id = $3, updated_at = now(),
              person_id = coalesce((SELECT person_id FROM central.record_links WHERE system = $2 AND record_id = $3), person_id)
        WHERE id = $1`,
      [id, system, recordId],
    );
  }
}
