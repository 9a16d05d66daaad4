import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Circumstances } from '@app/domain';

/** The answers as PostgreSQL returns them: one not given is null. */
export type CircumstancesRow = { readonly [K in keyof Circumstances]-?: Circumstances[K] | null } & {
  updatedBy: string;
  updatedAt: Date;
};

export interface SupportReferralRow {
  id: string;
  referralId: string;
  service: string;
  provider: string;
  referredOn: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface ChildrenPromptRow {
  id: string;
  referralId: string;
  reference: string;
  raisedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  note: string | null;
}

const CIRCUMSTANCES = `wants_support AS "wantsSupport", has_children AS "hasChildren", children_count AS "childrenCount",
  children_where AS "childrenWhere", current_town AS "currentTown", current_local_authority AS "currentLocalAuthority",
  declined_nrm_reason AS "declinedNrmReason", updated_by AS "updatedBy", updated_at AS "updatedAt"`;
const PROMPT = `p.id, p.referral_id AS "referralId", r.reference, p.raised_at AS "raisedAt", p.closed_at AS "closedAt", p.closed_by AS "closedBy", p.note`;

/** Circumstances, support referrals and children's services prompts of referrals. */
@Injectable()
export class SupportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveCircumstances(manager: EntityManager, referralId: string, c: Circumstances, by: string): Promise<CircumstancesRow> {
    const rows: CircumstancesRow[] = await manager.query(
      `INSERT INTO central.referral_circumstances AS c (referral_id, wants_support, has_children, children_count, children_where, current_town,
              current_local_authority, declined_nrm_reason, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (referral_id) DO UPDATE SET wants_support = EXCLUDED.wants_support, has_children = EXCLUDED.has_children,
              children_count = EXCLUDED.children_count, children_where = EXCLUDED.children_where, current_town = EXCLUDED.current_town,
              current_local_authority = EXCLUDED.current_local_authority, declined_nrm_reason = EXCLUDED.declined_nrm_reason,
              updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${CIRCUMSTANCES}`,
      [
        referralId,
        c.wantsSupport ?? null,
        c.hasChildren ?? null,
        c.childrenCount ?? null,
        c.childrenWhere ?? null,
        c.currentTown ?? null,
        c.currentLocalAuthority ?? null,
        c.declinedNrmReason ?? null,
        by,
      ],
    );
    return rows[0];
  }

  async circumstances(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<CircumstancesRow | null> {
    const rows: CircumstancesRow[] = await manager.query(`SELECT ${CIRCUMSTANCES} FROM central.referral_circumstances WHERE referral_id = $1`, [referralId]);
    return rows[0] ?? null;
  }

  async insertSupportReferral(manager: EntityManager, row: Omit<SupportReferralRow, 'recordedAt'>): Promise<SupportReferralRow> {
    const rows: SupportReferralRow[] = await manager.query(
      `INSERT INTO central.support_referrals (id, referral_id, service, provider, referred_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, referral_id AS "referralId", service, provider, referred_on::text AS "referredOn", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`,
      [row.id, row.referralId, row.service, row.provider, row.referredOn, row.recordedBy],
    );
    return rows[0];
  }

  supportReferrals(referralId: string): Promise<SupportReferralRow[]> {
    return this.dataSource.query(
      `SELECT id, referral_id AS "referralId", service, provider, referred_on::text AS "referredOn", recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM central.support_referrals WHERE referral_id = $1 ORDER BY referred_on, recorded_at`,
      [referralId],
    );
  }

  /** Raises a prompt unless one is open already; the id of the open prompt either way. */
  async raiseChildrenPrompt(manager: EntityManager, id: string, referralId: string): Promise<string> {
    await manager.query(`INSERT INTO central.children_prompts (id, referral_id) VALUES ($1, $2) ON CONFLICT (referral_id) WHERE closed_at IS NULL DO NOTHING`, [
      id,
      referralId,
    ]);
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM central.children_prompts WHERE referral_id = $1 AND closed_at IS NULL`, [
      referralId,
    ]);
    return rows[0].id;
  }

  childrenPrompts(filter: { referralId?: string; open?: boolean }): Promise<ChildrenPromptRow[]> {
    return this.dataSource.query(
      `SELECT ${PROMPT} FROM central.children_prompts p JOIN central.referrals r ON r.id = p.referral_id
        WHERE ($1::uuid IS NULL OR p.referral_id = $1) AND ($2::boolean IS NULL OR (p.closed_at IS NULL) = $2)
        ORDER BY p.raised_at, p.id`,
      [filter.referralId ?? null, filter.open ?? null],
    );
  }

  /** Closes an open prompt; null when there is no such open prompt. */
  async closeChildrenPrompt(manager: EntityManager, id: string, by: string, note: string): Promise<ChildrenPromptRow | null> {
    const rows: Array<{ id: string }> = await manager.query(
      // Through a CTE: the driver answers a bare UPDATE with [rows, count], a SELECT with the rows.
      `WITH closed AS (UPDATE central.children_prompts SET closed_at = now(), closed_by = $2, note = $3 WHERE id = $1 AND closed_at IS NULL RETURNING id)
       SELECT id FROM closed`,
      [id, by, note],
    );
    if (rows.length === 0) return null;
    const [row]: ChildrenPromptRow[] = await manager.query(
      `SELECT ${PROMPT} FROM central.children_prompts p JOIN central.referrals r ON r.id = p.referral_id WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  async childrenPrompt(id: string): Promise<ChildrenPromptRow | null> {
    const rows: ChildrenPromptRow[] = await this.dataSource.query(
      `SELECT ${PROMPT} FROM central.children_prompts p JOIN central.referrals r ON r.id = p.referral_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
