import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { chunks } from './person-index.rows';

export interface ReviewWrite {
  system: CaseSystem;
  recordId: string;
  candidatePersonId: string;
  reason: string;
  probability: number;
  /** The engine's explanation of the candidate link: an object, never null, since reviews are read as one. */
  explanation: object;
}

export interface ReviewItemRow {
  id: string;
  system: CaseSystem;
  record_id: string;
  candidate_person_id: string;
  reason: string;
  probability: number;
  explanation: { candidateRecordId?: string; fields?: unknown[] } & Record<string, unknown>;
  status: 'open' | 'decided' | 'superseded';
  decision: 'match' | 'not_a_match' | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  /** The reviewer's reason, where the query joins it from the link history. */
  decision_reason?: string | null;
}

/** Possible matches waiting for a reviewer (central.review_items), and the reviewers' decisions on them. */
@Injectable()
export class ReviewItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openReview(manager: EntityManager, review: ReviewWrite): Promise<void> {
    await manager.query(
      `INSERT INTO central.review_items (id, system, record_id, candidate_person_id, reason, probability, explanation, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')
       ON CONFLICT (system, record_id, candidate_person_id) WHERE status = 'open'
       DO UPDATE SET reason = EXCLUDED.reason, probability = EXCLUDED.probability, explanation = EXCLUDED.explanation`,
      [randomUUID(), review.system, review.recordId, review.candidatePersonId, review.reason, review.probability, JSON.stringify(review.explanation)],
    );
  }

  /** `openReview` for many at once; of several for one record and candidate person, the strongest is kept. */
  async openReviews(manager: EntityManager, reviews: readonly ReviewWrite[]): Promise<void> {
    const strongest = new Map<string, ReviewWrite>();
    for (const r of reviews) {
      const key = `${r.system}\u0000${r.recordId}\u0000${r.candidatePersonId}`;
      const seen = strongest.get(key);
      if (!seen || r.probability > seen.probability) strongest.set(key, r);
    }
    for (const part of chunks([...strongest.values()])) {
      await manager.query(
        `INSERT INTO central.review_items (id, system, record_id, candidate_person_id, reason, probability, explanation, status)
         SELECT x.id, x.system, x.record_id, x.candidate_person_id, x.reason, x.probability, x.explanation, 'open'
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, system text, record_id text, candidate_person_id uuid, reason text, probability float8, explanation jsonb)
         ON CONFLICT (system, record_id, candidate_person_id) WHERE status = 'open'
         DO UPDATE SET reason = EXCLUDED.reason, probability = EXCLUDED.probability, explanation = EXCLUDED.explanation`,
        [
          JSON.stringify(
            part.map((r) => ({
              id: randomUUID(),
              system: r.system,
              record_id: r.recordId,
              candidate_person_id: r.candidatePersonId,
              reason: r.reason,
              probability: r.probability,
              explanation: r.explanation,
            })),
          ),
        ],
      );
    }
  }

  /** Every open review, by record: the person each asks about and whether it is a link to confirm. */
  async openReviewsByRecord(manager: EntityManager): Promise<Array<{ system: CaseSystem; recordId: string; candidatePersonId: string; confirm: boolean }>> {
    const rows: Array<{ system: CaseSystem; record_id: string; candidate_person_id: string; confirm: boolean }> = await manager.query(
      `SELECT system, record_id, candidate_person_id, reason = 'confirm_match' AS confirm FROM central.review_items WHERE status = 'open'`,
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id, candidatePersonId: r.candidate_person_id, confirm: r.confirm }));
  }

  /** Closes open review items of a record that a newer decision has made moot. */
  async supersedeReviews(manager: EntityManager, system: CaseSystem, recordId: string, keepPersons: string[] = []): Promise<void> {
    await manager.query(
      `UPDATE central.review_items SET status = 'superseded' WHERE system = $1 AND record_id = $2 AND status = 'open'
          AND NOT (candidate_person_id = ANY($3::uuid[]))`,
      [system, recordId, keepPersons],
    );
  }

  /**
   * Supersedes the open reviews that ask about one of `persons` and no longer ask anything: the person holds no
   * record now, or it is the record's own person (a confirmation of the link excepted).
   */
  async supersedeSettledReviews(manager: EntityManager, persons: readonly string[]): Promise<number> {
    // For UPDATE … RETURNING the postgres driver answers [rows, affected count].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE central.review_items r SET status = 'superseded'
        WHERE r.status = 'open' AND r.candidate_person_id = ANY($1::uuid[])
          AND (NOT EXISTS (SELECT 1 FROM central.record_links l WHERE l.person_id = r.candidate_person_id)
               OR (r.reason <> 'confirm_match' AND EXISTS (
                 SELECT 1 FROM central.record_links l
                  WHERE l.system = r.system AND l.record_id = r.record_id AND l.person_id = r.candidate_person_id)))
        RETURNING r.id`,
      [persons],
    );
    return affected;
  }

  /**
   * A record's open reviews after a new decision: exactly `reviews` (each opened, or kept open with the new
   * probability and explanation); every other open review of the record is superseded.
   */
  async replaceReviews(
    manager: EntityManager,
    system: CaseSystem,
    recordId: string,
    reviews: ReadonlyArray<Omit<ReviewWrite, 'system' | 'recordId'>>,
  ): Promise<void> {
    await this.supersedeReviews(
      manager,
      system,
      recordId,
      reviews.map((r) => r.candidatePersonId),
    );
    for (const review of reviews) await this.openReview(manager, { system, recordId, ...review });
  }

  async listReviews(status: string, limit: number, offset: number): Promise<{ items: ReviewItemRow[]; total: number }> {
    // A decided item's reason is the reviewer's, written to the link history in the transaction that decided it.
    const items: ReviewItemRow[] = await this.dataSource.query(
      `SELECT r.*, h.reason AS decision_reason
         FROM central.review_items r
         LEFT JOIN LATERAL (
           SELECT reason FROM central.link_history h
            WHERE h.system = r.system AND h.record_id = r.record_id AND h.action IN ('review_match', 'review_not_a_match')
              AND h.actor = r.decided_by AND h.at = r.decided_at
            ORDER BY h.id DESC LIMIT 1) h ON true
        WHERE r.status = $1 ORDER BY r.probability DESC, r.created_at ASC LIMIT $2 OFFSET $3`,
      [status, limit, offset],
    );
    const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM central.review_items WHERE status = $1`, [status]);
    return { items, total: n };
  }

  async findReview(manager: EntityManager, id: string): Promise<ReviewItemRow | null> {
    const rows: ReviewItemRow[] = await manager.query(`SELECT * FROM central.review_items WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async decideReview(manager: EntityManager, id: string, decision: 'match' | 'not_a_match', actor: string): Promise<void> {
    await manager.query(`UPDATE central.review_items SET status = 'decided', decision = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [
      id,
      decision,
      actor,
    ]);
  }
}
