import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import type { MatchStatus } from '@app/domain';
import type { LinkDecider } from './person-index.entities';

export interface StoredRecord {
  system: CaseSystem;
  recordId: string;
  version: number;
  referralId: string | null;
  anonymous: boolean;
  record: Record<string, unknown>;
  personId: string | null;
  locked: boolean;
}

export interface LinkWrite {
  system: CaseSystem;
  recordId: string;
  personId: string;
  matchStatus: MatchStatus;
  probability: number | null;
  decidedBy: LinkDecider;
  locked: boolean;
  explanation: unknown;
  recordVersion: number;
}

export interface HistoryWrite {
  action: string;
  actor: string;
  reason?: string | null;
}

/** One record linked in bulk (the backlog linker): its copy, and the person it joins (null: anonymous, never linked). */
export interface BulkLinkWrite {
  system: CaseSystem;
  recordId: string;
  version: number;
  referralId: string | null;
  anonymous: boolean;
  record: Record<string, unknown>;
  personId: string | null;
  matchStatus: MatchStatus;
  probability: number | null;
  explanation: unknown;
}

/** Rows per statement in bulk writes: large enough to save round trips, small enough to keep each statement quick. */
const BULK_ROWS = 1000;

function chunks<T>(items: readonly T[], size = BULK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ReviewWrite {
  system: CaseSystem;
  recordId: string;
  candidatePersonId: string;
  reason: string;
  probability: number;
  explanation: unknown;
}

interface RecordRow {
  system: CaseSystem;
  record_id: string;
  version: number;
  referral_id: string | null;
  anonymous: boolean;
  record: Record<string, unknown>;
  person_id: string | null;
  locked: boolean | null;
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

/** What a reviewer typed to find a person, read into its parts (see the intake pages' person search). */
export interface PersonSearch {
  nameParts: string[];
  dateOfBirth?: string;
  /** A referral reference (RH-2026-000123) or a case record id. */
  reference?: string;
}

export interface LinkHistoryRow {
  id: string;
  system: CaseSystem;
  record_id: string;
  action: string;
  person_before: string | null;
  person_after: string | null;
  actor: string;
  reason: string | null;
  probability: number | null;
  at: Date;
}

const toStored = (r: RecordRow): StoredRecord => ({
  system: r.system,
  recordId: r.record_id,
  version: r.version,
  referralId: r.referral_id,
  anonymous: r.anonymous,
  record: r.record,
  personId: r.person_id,
  locked: r.locked ?? false,
});

const RECORD_SELECT = `
  SELECT c.system, c.record_id, c.version, c.referral_id, c.anonymous, c.record, l.person_id, l.locked
    FROM central.case_records c LEFT JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id`;

/**
 * The person index in PostgreSQL, shared by the deduplicator (automatic links) and the review API (reviewers'
 * decisions). Every change to a link writes link history and keeps `referrals.person_id` in step, in the
 * caller's transaction.
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

  async allRecords(): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await this.dataSource.query(`${RECORD_SELECT} WHERE NOT c.anonymous`);
    return rows.map(toStored);
  }

  /**
   * Records the engine decided on its own (not a reviewer's decision, not a transfer), with the decision: joined
   * to a person (MATCH), or kept apart (POSSIBLE_MATCH, NO_MATCH). Oldest decision first.
   */
  async automaticDecisions(): Promise<Array<{ system: CaseSystem; recordId: string; personId: string; matchStatus: MatchStatus }>> {
    const rows: Array<{ system: CaseSystem; record_id: string; person_id: string; match_status: MatchStatus }> = await this.dataSource.query(
      `SELECT system, record_id, person_id, match_status FROM central.record_links
        WHERE decided_by = 'engine' AND NOT locked ORDER BY updated_at, system, record_id`,
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id, personId: r.person_id, matchStatus: r.match_status }));
  }

  async latestHistoryId(): Promise<number> {
    const [{ id }] = await this.dataSource.query<Array<{ id: string }>>(`SELECT coalesce(max(id), 0)::bigint AS id FROM central.link_history`);
    return Number(id);
  }

  /** Records whose link changed after `afterId` (history), for another replica's in-memory index to catch up. */
  async changedSince(manager: EntityManager, afterId: number): Promise<{ records: StoredRecord[]; lastId: number }> {
    const changed: Array<{ system: CaseSystem; record_id: string; last: string }> = await manager.query(
      `SELECT system, record_id, max(id)::bigint AS last FROM central.link_history WHERE id > $1 GROUP BY system, record_id`,
      [afterId],
    );
    if (changed.length === 0) return { records: [], lastId: afterId };
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE (c.system, c.record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
      changed.map((c) => c.system),
      changed.map((c) => c.record_id),
    ]);
    return { records: rows.map(toStored), lastId: Math.max(afterId, ...changed.map((c) => Number(c.last))) };
  }

  async findRecord(manager: EntityManager, system: CaseSystem, recordId: string): Promise<StoredRecord | null> {
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE c.system = $1 AND c.record_id = $2`, [system, recordId]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async upsertRecord(
    manager: EntityManager,
    r: { system: CaseSystem; recordId: string; version: number; referralId: string | null; anonymous: boolean; record: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (system, record_id) DO UPDATE
         SET version = EXCLUDED.version, referral_id = EXCLUDED.referral_id, anonymous = EXCLUDED.anonymous,
             record = EXCLUDED.record, fetched_at = now()
       WHERE central.case_records.version <= EXCLUDED.version`,
      [r.system, r.recordId, r.version, r.referralId, r.anonymous, JSON.stringify(r.record)],
    );
  }

  /** `findRecord` for many records at once, in the caller's transaction. */
  async findRecords(manager: EntityManager, keys: ReadonlyArray<{ system: CaseSystem; recordId: string }>): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (const part of chunks(keys, 5000)) {
      const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE (c.system, c.record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
        part.map((k) => k.system),
        part.map((k) => k.recordId),
      ]);
      out.push(...rows.map(toStored));
    }
    return out;
  }

  /** Of these referral ids, those some case record already carries (a transfer's other record may be linked). */
  async referralIdsHeld(manager: EntityManager, referralIds: readonly string[]): Promise<Set<string>> {
    if (!referralIds.length) return new Set();
    const rows: Array<{ referral_id: string }> = await manager.query(
      `SELECT DISTINCT referral_id::text AS referral_id FROM central.case_records WHERE referral_id = ANY($1::uuid[])`,
      [referralIds],
    );
    return new Set(rows.map((r) => r.referral_id));
  }

  /**
   * Writes many new decisions at once, as `upsertRecord`, `createPerson` and `setLink` would one by one: the
   * records' copies, the new persons, the links with their history (action `linked`), and the person on the
   * referrals whose case records these are. For records never linked before (the backlog linker's fast path).
   */
  async writeBulkLinks(
    manager: EntityManager,
    links: readonly BulkLinkWrite[],
    newPersons: readonly string[],
    history: { actor: string; reasonSuffix: string },
  ): Promise<void> {
    for (const part of chunks(links)) {
      await manager.query(
        `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
         SELECT x.system, x.record_id, x.version, x.referral_id, x.anonymous, x.record
           FROM jsonb_to_recordset($1::jsonb) AS x(system text, record_id text, version int, referral_id uuid, anonymous boolean, record jsonb)
         ON CONFLICT (system, record_id) DO UPDATE
           SET version = EXCLUDED.version, referral_id = EXCLUDED.referral_id, anonymous = EXCLUDED.anonymous,
               record = EXCLUDED.record, fetched_at = now()
         WHERE central.case_records.version <= EXCLUDED.version`,
        [
          JSON.stringify(
            part.map((l) => ({
              system: l.system,
              record_id: l.recordId,
              version: l.version,
              referral_id: l.referralId,
              anonymous: l.anonymous,
              record: l.record,
            })),
          ),
        ],
      );
    }
    for (const part of chunks(newPersons, 5000)) {
      await manager.query(`INSERT INTO central.persons (id) SELECT unnest($1::uuid[])`, [part]);
    }
    const linked = links.filter((l) => l.personId !== null);
    for (const part of chunks(linked)) {
      const rows = JSON.stringify(
        part.map((l) => ({
          system: l.system,
          record_id: l.recordId,
          person_id: l.personId,
          match_status: l.matchStatus,
          probability: l.probability,
          explanation: l.explanation ?? null,
          record_version: l.version,
          reason: `${l.matchStatus}${history.reasonSuffix}`,
          referral_id: l.referralId,
        })),
      );
      const recordset = `jsonb_to_recordset($1::jsonb) AS x(system text, record_id text, person_id uuid, match_status text, probability float8,
                           explanation jsonb, record_version int, reason text, referral_id uuid)`;
      await manager.query(
        `INSERT INTO central.record_links (system, record_id, person_id, match_status, probability, decided_by, locked, explanation, record_version)
         SELECT x.system, x.record_id, x.person_id, x.match_status, x.probability, 'engine', false, x.explanation, x.record_version FROM ${recordset}
         ON CONFLICT (system, record_id) DO UPDATE
           SET person_id = EXCLUDED.person_id, match_status = EXCLUDED.match_status, probability = EXCLUDED.probability,
               decided_by = EXCLUDED.decided_by, locked = EXCLUDED.locked, explanation = EXCLUDED.explanation,
               record_version = EXCLUDED.record_version, updated_at = now()`,
        [rows],
      );
      await manager.query(
        `INSERT INTO central.link_history (system, record_id, action, person_before, person_after, actor, reason, probability, explanation)
         SELECT x.system, x.record_id, 'linked', NULL, x.person_id, $2, x.reason, x.probability, x.explanation FROM ${recordset}`,
        [rows, history.actor],
      );
      await manager.query(
        `UPDATE central.referrals r SET person_id = x.person_id, updated_at = now() FROM ${recordset}
          WHERE r.case_system = x.system AND r.case_record_id = x.record_id`,
        [rows],
      );
      await manager.query(
        `UPDATE central.referrals r SET person_id = x.person_id, updated_at = now() FROM ${recordset}
          WHERE x.referral_id IS NOT NULL AND r.id = x.referral_id`,
        [rows],
      );
    }
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
              explanation: r.explanation ?? null,
            })),
          ),
        ],
      );
    }
  }

  /** The newest link history id this transaction sees. */
  async latestHistoryIdIn(manager: EntityManager): Promise<number> {
    const [{ id }] = await manager.query<Array<{ id: string }>>(`SELECT coalesce(max(id), 0)::bigint AS id FROM central.link_history`);
    return Number(id);
  }

  async createPerson(manager: EntityManager): Promise<string> {
    const id = randomUUID();
    await manager.query(`INSERT INTO central.persons (id) VALUES ($1)`, [id]);
    return id;
  }

  /** The record with this case-system id in the other system, or the same referral (a transfer), already linked. */
  async personOfLinkedRecords(manager: EntityManager, system: CaseSystem, linkedIds: string[], referralId: string | null): Promise<string | null> {
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT l.person_id FROM central.record_links l JOIN central.case_records c ON c.system = l.system AND c.record_id = l.record_id
        WHERE (l.system <> $1 AND l.record_id = ANY($2::text[])) OR ($3::uuid IS NOT NULL AND c.referral_id = $3 AND l.system <> $1)
        ORDER BY l.updated_at LIMIT 1`,
      [system, linkedIds, referralId],
    );
    return rows[0]?.person_id ?? null;
  }

  /**
   * Persons a record must not be linked into: those a reviewer said it is not, and — when it belongs to a person
   * now — those holding a record a reviewer said is not that person (a decision that two people are apart holds
   * from both sides, so the other records of the person a record was taken out of do not follow it).
   */
  async nonMatchedPersons(manager: EntityManager, system: CaseSystem, recordId: string, currentPersonId: string | null = null): Promise<Set<string>> {
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM central.non_matches WHERE system = $1 AND record_id = $2
       UNION
       SELECT l.person_id FROM central.non_matches n
         JOIN central.record_links l ON l.system = n.system AND l.record_id = n.record_id
        WHERE $3::uuid IS NOT NULL AND n.person_id = $3::uuid`,
      [system, recordId, currentPersonId],
    );
    return new Set(rows.map((r) => r.person_id));
  }

  /** Writes a link, its history, and the person on the referrals whose case record this is. */
  async setLink(manager: EntityManager, link: LinkWrite, history: HistoryWrite): Promise<void> {
    const before: Array<{ person_id: string }> = await manager.query(`SELECT person_id FROM central.record_links WHERE system = $1 AND record_id = $2`, [
      link.system,
      link.recordId,
    ]);
    await manager.query(
      `INSERT INTO central.record_links (system, record_id, person_id, match_status, probability, decided_by, locked, explanation, record_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (system, record_id) DO UPDATE
         SET person_id = EXCLUDED.person_id, match_status = EXCLUDED.match_status, probability = EXCLUDED.probability,
             decided_by = EXCLUDED.decided_by, locked = EXCLUDED.locked, explanation = EXCLUDED.explanation,
             record_version = EXCLUDED.record_version, updated_at = now()`,
      [
        link.system,
        link.recordId,
        link.personId,
        link.matchStatus,
        link.probability,
        link.decidedBy,
        link.locked,
        JSON.stringify(link.explanation ?? null),
        link.recordVersion,
      ],
    );
    await manager.query(
      `INSERT INTO central.link_history (system, record_id, action, person_before, person_after, actor, reason, probability, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        link.system,
        link.recordId,
        history.action,
        before[0]?.person_id ?? null,
        link.personId,
        history.actor,
        history.reason ?? null,
        link.probability,
        JSON.stringify(link.explanation ?? null),
      ],
    );
    await manager.query(
      `UPDATE central.referrals r SET person_id = $3, updated_at = now()
        WHERE (r.case_system = $1 AND r.case_record_id = $2)
           OR r.id = (SELECT referral_id FROM central.case_records WHERE system = $1 AND record_id = $2)`,
      [link.system, link.recordId, link.personId],
    );
  }

  /** Records an event in the history without changing the link (e.g. a record refreshed under a locked decision). */
  async addHistory(manager: EntityManager, system: CaseSystem, recordId: string, personId: string | null, history: HistoryWrite): Promise<void> {
    await manager.query(
      `INSERT INTO central.link_history (system, record_id, action, person_before, person_after, actor, reason) VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [system, recordId, history.action, personId, history.actor, history.reason ?? null],
    );
  }

  async openReview(manager: EntityManager, review: ReviewWrite): Promise<void> {
    await manager.query(
      `INSERT INTO central.review_items (id, system, record_id, candidate_person_id, reason, probability, explanation, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')
       ON CONFLICT (system, record_id, candidate_person_id) WHERE status = 'open'
       DO UPDATE SET reason = EXCLUDED.reason, probability = EXCLUDED.probability, explanation = EXCLUDED.explanation`,
      [randomUUID(), review.system, review.recordId, review.candidatePersonId, review.reason, review.probability, JSON.stringify(review.explanation)],
    );
  }

  /** Closes open review items of a record that a newer decision has made moot. */
  async supersedeReviews(manager: EntityManager, system: CaseSystem, recordId: string, keepPersons: string[] = []): Promise<void> {
    await manager.query(
      `UPDATE central.review_items SET status = 'superseded' WHERE system = $1 AND record_id = $2 AND status = 'open'
          AND NOT (candidate_person_id = ANY($3::uuid[]))`,
      [system, recordId, keepPersons],
    );
  }

  async addNonMatch(manager: EntityManager, system: CaseSystem, recordId: string, personId: string, decidedBy: string): Promise<void> {
    await manager.query(`INSERT INTO central.non_matches (system, record_id, person_id, decided_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      system,
      recordId,
      personId,
      decidedBy,
    ]);
  }

  async recordsOfPerson(manager: EntityManager, personId: string): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE l.person_id = $1 ORDER BY c.system, c.record_id`, [personId]);
    return rows.map(toStored);
  }

  async markMerged(manager: EntityManager, from: string, into: string): Promise<void> {
    await manager.query(`UPDATE central.persons SET merged_into = $2, updated_at = now() WHERE id = $1`, [from, into]);
  }

  async personExists(manager: EntityManager, id: string): Promise<{ id: string; mergedInto: string | null } | null> {
    const rows: Array<{ id: string; merged_into: string | null }> = await manager.query(`SELECT id, merged_into FROM central.persons WHERE id = $1`, [id]);
    return rows[0] ? { id: rows[0].id, mergedInto: rows[0].merged_into } : null;
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

  async recordsByKeys(keys: Array<{ system: CaseSystem; recordId: string }>): Promise<StoredRecord[]> {
    if (keys.length === 0) return [];
    const rows: RecordRow[] = await this.dataSource.query(`${RECORD_SELECT} WHERE (c.system, c.record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
      keys.map((k) => k.system),
      keys.map((k) => k.recordId),
    ]);
    return rows.map(toStored);
  }

  async historyOfPerson(personId: string): Promise<LinkHistoryRow[]> {
    return this.dataSource.query(
      `SELECT id, system, record_id, action, person_before, person_after, actor, reason, probability, at
         FROM central.link_history
        WHERE person_after = $1 OR person_before = $1
        ORDER BY id`,
      [personId],
    );
  }

  /**
   * Persons (not merged away) with a record that fits every part of the search: each name part somewhere in the
   * record's names or aliases, the date of birth, a referral reference or a case record id. At most `limit`.
   */
  async searchPersons(search: PersonSearch, excludePersonId: string, limit: number): Promise<string[]> {
    const tokens = search.nameParts.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      `SELECT l.person_id
         FROM central.case_records c
         JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id
         JOIN central.persons p ON p.id = l.person_id AND p.merged_into IS NULL
        WHERE l.person_id <> $1
          AND (cardinality($2::text[]) = 0 OR NOT EXISTS (
                SELECT 1 FROM unnest($2::text[]) t
                 WHERE concat_ws(' ', c.record->>'firstName', c.record->>'middleNames', c.record->>'lastName',
                                 (SELECT string_agg(a, ' ') FROM jsonb_array_elements_text(COALESCE(c.record->'aliases', '[]'::jsonb)) a)) NOT ILIKE t))
          AND ($3::text IS NULL OR c.record->>'dateOfBirth' = $3)
          AND ($4::text IS NULL OR c.record_id = $4 OR EXISTS (
                SELECT 1 FROM central.referrals r WHERE r.person_id = l.person_id AND upper(r.reference) = upper($4)))
        GROUP BY l.person_id
        ORDER BY min(c.record_id)
        LIMIT $5`,
      [excludePersonId, tokens, search.dateOfBirth ?? null, search.reference ?? null, limit],
    );
    return rows.map((r) => r.person_id);
  }

  async latestModel(): Promise<{ model: unknown; recordCount: number } | null> {
    const rows: Array<{ model: unknown; record_count: number }> = await this.dataSource.query(
      `SELECT model, record_count FROM central.linkage_models ORDER BY id DESC LIMIT 1`,
    );
    return rows[0] ? { model: rows[0].model, recordCount: rows[0].record_count } : null;
  }

  async saveModel(model: unknown, recordCount: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(`INSERT INTO central.linkage_models (record_count, model) VALUES ($1, $2)`, [recordCount, JSON.stringify(model)]);
  }
}
