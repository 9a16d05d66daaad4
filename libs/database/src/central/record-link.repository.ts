import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem, MatchStatus } from '@app/domain';
import type { LinkDecider } from './person-index.entities';
import { chunks, RECORD_SELECT, type RecordRow, type StoredRecord, toStored } from './person-index.rows';

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

/** Rows a bulk write sends in one statement (one jsonb parameter) and persons it creates in one. */
const BULK_LINKS_AT_ONCE = 1000;
const BULK_PERSONS_AT_ONCE = 5000;

/** The records' copies, from `recordRows` in the parameter `rows`. */
const upsertRecords = (rows: string) => `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
  SELECT r.system, r.record_id, r.version, r.referral_id, r.anonymous, r.record
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(system text, record_id text, version int, referral_id uuid, anonymous boolean, record jsonb)
  ON CONFLICT (system, record_id) DO UPDATE
    SET version = EXCLUDED.version, referral_id = EXCLUDED.referral_id, anonymous = EXCLUDED.anonymous,
        record = EXCLUDED.record, fetched_at = now()
  WHERE central.case_records.version <= EXCLUDED.version`;

const insertPersons = (ids: string) => `INSERT INTO central.persons (id) SELECT unnest(${ids}::uuid[])`;

/** The links, from `linkRows` in the parameter `rows`, as rows `x`. */
const linkRecordset = (rows: string) => `jsonb_to_recordset(${rows}::jsonb) AS x(system text, record_id text, person_id uuid, match_status text,
  probability float8, explanation jsonb, record_version int, reason text, referral_id uuid)`;

/** The links read from `links` (a recordset or a WITH query's name, rows `x`). */
const upsertLinks = (
  links: string,
) => `INSERT INTO central.record_links (system, record_id, person_id, match_status, probability, decided_by, locked, explanation, record_version)
  SELECT x.system, x.record_id, x.person_id, x.match_status, x.probability, 'engine', false, x.explanation, x.record_version FROM ${links}
  ON CONFLICT (system, record_id) DO UPDATE
    SET person_id = EXCLUDED.person_id, match_status = EXCLUDED.match_status, probability = EXCLUDED.probability,
        decided_by = EXCLUDED.decided_by, locked = EXCLUDED.locked, explanation = EXCLUDED.explanation,
        record_version = EXCLUDED.record_version, updated_at = now()`;

const insertHistory = (links: string, actor: string) => `INSERT INTO central.link_history
    (system, record_id, action, person_before, person_after, actor, reason, probability, explanation)
  SELECT x.system, x.record_id, 'linked', NULL, x.person_id, ${actor}, x.reason, x.probability, x.explanation FROM ${links}`;

/*
 * The person on the referrals, read from arrays rather than the links' jsonb: PostgreSQL knows how many rows an
 * array holds, but guesses 100 for any jsonb recordset, and with that guess it scanned every referral (a hash
 * join) instead of looking up the few by index, on a table of a few thousand referrals (a new installation).
 */
const personByCaseRecord = (systems: string, recordIds: string, persons: string) => `UPDATE central.referrals r
  SET person_id = x.person_id, updated_at = now()
  FROM unnest(${systems}::text[], ${recordIds}::text[], ${persons}::uuid[]) AS x(system, record_id, person_id)
  WHERE r.case_system = x.system AND r.case_record_id = x.record_id`;

const personByReferral = (referralIds: string, persons: string) => `UPDATE central.referrals r
  SET person_id = x.person_id, updated_at = now()
  FROM unnest(${referralIds}::uuid[], ${persons}::uuid[]) AS x(referral_id, person_id)
  WHERE r.id = x.referral_id`;

/** The parameters of `personByCaseRecord` and `personByReferral` for these links. */
function referralPersons(linked: readonly BulkLinkWrite[]): {
  byCase: [string[], string[], Array<string | null>];
  byReferral: [string[], Array<string | null>];
} {
  const withReferral = linked.filter((l) => l.referralId !== null);
  return {
    byCase: [linked.map((l) => l.system), linked.map((l) => l.recordId), linked.map((l) => l.personId)],
    byReferral: [withReferral.map((l) => l.referralId as string), withReferral.map((l) => l.personId)],
  };
}

function recordRows(links: readonly BulkLinkWrite[]): string {
  return JSON.stringify(
    links.map((l) => ({ system: l.system, record_id: l.recordId, version: l.version, referral_id: l.referralId, anonymous: l.anonymous, record: l.record })),
  );
}

function linkRows(linked: readonly BulkLinkWrite[], reasonSuffix: string): string {
  return JSON.stringify(
    linked.map((l) => ({
      system: l.system,
      record_id: l.recordId,
      person_id: l.personId,
      match_status: l.matchStatus,
      probability: l.probability,
      explanation: l.explanation ?? null,
      record_version: l.version,
      reason: `${l.matchStatus}${reasonSuffix}`,
      referral_id: l.referralId,
    })),
  );
}

/**
 * Links of case records to persons (central.record_links) and their history (central.link_history). Every change
 * to a link writes its history and keeps `referrals.person_id` in step, in the caller's transaction.
 */
@Injectable()
export class RecordLinkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /**
   * Writes many new decisions at once, as `upsertRecord`, `createPerson` and `setLink` would one by one: the
   * records' copies, the new persons, the links with their history (action `linked`), and the person on the
   * referrals whose case records these are. For records never linked before (the backlog linker's fast path).
   *
   * A poll's batch (a few records, several times a second) is written in two statements, not six: the copies, the
   * persons, the links, their history and the referrals by case record together (data-modifying WITH queries;
   * foreign keys are checked at the end of the statement), then the referrals by id, which may be the very rows
   * just updated by case record and so must see that update. A backlog too big for one statement goes in chunks.
   */
  async writeBulkLinks(
    manager: EntityManager,
    links: readonly BulkLinkWrite[],
    newPersons: readonly string[],
    history: { actor: string; reasonSuffix: string },
  ): Promise<void> {
    const linked = links.filter((l) => l.personId !== null);
    if (links.length <= BULK_LINKS_AT_ONCE && newPersons.length <= BULK_PERSONS_AT_ONCE) {
      if (!links.length && !newPersons.length) return;
      const { byCase, byReferral } = referralPersons(linked);
      await manager.query(
        `WITH x AS MATERIALIZED (SELECT * FROM ${linkRecordset('$3')}),
              copies AS (${upsertRecords('$1')}),
              persons AS (${insertPersons('$2')}),
              links AS (${upsertLinks('x')}),
              history AS (${insertHistory('x', '$4')}),
              by_case AS (${personByCaseRecord('$5', '$6', '$7')})
         SELECT 1`,
        [recordRows(links), newPersons, linkRows(linked, history.reasonSuffix), history.actor, ...byCase],
      );
      if (byReferral[0].length) await manager.query(personByReferral('$1', '$2'), byReferral);
      return;
    }
    for (const part of chunks(links, BULK_LINKS_AT_ONCE)) await manager.query(upsertRecords('$1'), [recordRows(part)]);
    for (const part of chunks(newPersons, BULK_PERSONS_AT_ONCE)) await manager.query(insertPersons('$1'), [part]);
    for (const part of chunks(linked, BULK_LINKS_AT_ONCE)) {
      const rows = linkRows(part, history.reasonSuffix);
      const { byCase, byReferral } = referralPersons(part);
      await manager.query(upsertLinks(linkRecordset('$1')), [rows]);
      await manager.query(insertHistory(linkRecordset('$1'), '$2'), [rows, history.actor]);
      await manager.query(personByCaseRecord('$1', '$2', '$3'), byCase);
      if (byReferral[0].length) await manager.query(personByReferral('$1', '$2'), byReferral);
    }
  }

  /**
   * Records the engine decided on its own (not a reviewer's decision, not a transfer), with the decision: joined
   * to a person (MATCH), or kept apart (POSSIBLE_MATCH, NO_MATCH). Oldest decision first.
   */
  async automaticDecisions(manager: EntityManager): Promise<Array<{ system: CaseSystem; recordId: string; personId: string; matchStatus: MatchStatus }>> {
    const rows: Array<{ system: CaseSystem; record_id: string; person_id: string; match_status: MatchStatus }> = await manager.query(
      `SELECT system, record_id, person_id, match_status FROM central.record_links
        WHERE decided_by = 'engine' AND NOT locked ORDER BY updated_at, system, record_id`,
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id, personId: r.person_id, matchStatus: r.match_status }));
  }

  /** Every record whose link a reviewer decided (locked against the engine), as `system:recordId`. */
  async reviewerDecidedKeys(manager: EntityManager): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await manager.query(`SELECT system || ':' || record_id AS key FROM central.record_links WHERE locked`);
    return new Set(rows.map((r) => r.key));
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

  async latestHistoryId(): Promise<number> {
    const [{ id }] = await this.dataSource.query<Array<{ id: string }>>(`SELECT coalesce(max(id), 0)::bigint AS id FROM central.link_history`);
    return Number(id);
  }

  /** The newest link history id this transaction sees. */
  async latestHistoryIdIn(manager: EntityManager): Promise<number> {
    const [{ id }] = await manager.query<Array<{ id: string }>>(`SELECT coalesce(max(id), 0)::bigint AS id FROM central.link_history`);
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

  /** The records (as `system:recordId`) whose link changed after `afterId` (history). */
  async keysChangedSince(manager: EntityManager, afterId: number): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await manager.query(`SELECT DISTINCT system || ':' || record_id AS key FROM central.link_history WHERE id > $1`, [
      afterId,
    ]);
    return new Set(rows.map((r) => r.key));
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
}
