import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseSystem, type EpisodeEntry, type EpisodeRules, type EpisodeSource, episodeOf, nrmReferenceKey } from '@app/domain';

/** The facts of a referral a practitioner recorded directly in AIS or LCS, as the statistics count it. */
export interface DirectReferralWrite {
  system: CaseSystem;
  recordId: string;
  recordVersion: number;
  /** YYYY-MM-DD */
  referredOn: string;
  kind: 'nrm' | 'dtn' | null;
  nrmReference: string | null;
  anonymous: boolean;
  /** The s.51 presumption of the system that holds it: an LCS contact is about a child, an AIS concern an adult. */
  under18: 'yes' | 'no';
  ageDisputed: boolean;
  ageNowBand: 'child' | 'adult' | null;
  gender: string | null;
  nationality: string;
  secondNationality: string | null;
  exploitationTypes: string[];
  exploitationLocation: string | null;
  organisationType: string;
}

/** A direct entry and the episode it belongs to. */
export interface DirectReferralRow {
  system: CaseSystem;
  recordId: string;
  referredOn: string;
  kind: 'nrm' | 'dtn' | null;
  nrmReference: string | null;
  anonymous: boolean;
  caseSystem: CaseSystem;
  personId: string | null;
  joinedReferralId: string | null;
  /** The reference of the hub referral it is joined to, as a lead reads it on that referral's page. */
  joinedReference: string | null;
  joinedSystem: CaseSystem | null;
  joinedRecordId: string | null;
  joinRule: 'same_reference' | 'window' | 'lead' | null;
  joinReason: string | null;
  leadDecision: 'split' | 'join' | null;
  leadDecidedBy: string | null;
  leadDecidedAt: string | null;
}

/** An episode as a lead chooses it: a hub referral (with its reference), or a direct entry joined to no other. */
export interface EpisodeHeadRow {
  referralId: string | null;
  reference: string | null;
  system: CaseSystem | null;
  recordId: string | null;
  /** YYYY-MM-DD, UK time */
  referredOn: string;
}

/** Where a lead joins an entry: a hub referral, or another direct entry. */
export type EpisodeTarget = { referralId: string } | { system: CaseSystem; recordId: string };

const SELECT_DIRECT = `
  SELECT d.system, d.record_id AS "recordId", d.referred_on::text AS "referredOn", d.kind, d.nrm_reference AS "nrmReference",
         d.anonymous, d.case_system AS "caseSystem", l.person_id AS "personId",
         d.joined_referral_id AS "joinedReferralId", d.joined_system AS "joinedSystem", d.joined_record_id AS "joinedRecordId",
         d.join_rule AS "joinRule", d.join_reason AS "joinReason", d.lead_decision AS "leadDecision",
         d.lead_decided_by AS "leadDecidedBy", d.lead_decided_at AS "leadDecidedAt", jr.reference AS "joinedReference"
    FROM central.direct_referrals d
    LEFT JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
    LEFT JOIN central.referrals jr ON jr.id = d.joined_referral_id`;

// Every person id merged, directly or through others, into the same surviving person as $1.
const MERGE_TREE = `
  WITH RECURSIVE up (id, merged_into, depth) AS (
    SELECT id, merged_into, 0 FROM central.persons WHERE id = $1
    UNION ALL
    SELECT p.id, p.merged_into, u.depth + 1 FROM up u JOIN central.persons p ON p.id = u.merged_into WHERE u.depth < 64
  ),
  root AS (SELECT id FROM up WHERE merged_into IS NULL LIMIT 1),
  tree (id, depth) AS (
    SELECT id, 0 FROM root
    UNION ALL
    SELECT p.id, t.depth + 1 FROM tree t JOIN central.persons p ON p.merged_into = t.id WHERE t.depth < 64
  )`;

const SOURCE_OF: Readonly<Record<CaseSystem, EpisodeSource>> = { AIS: 'ais', LCS: 'lcs' };

export function directKey(system: CaseSystem, recordId: string): string {
  return `${system}:${recordId}`;
}

export function referralKey(referralId: string): string {
  return `referral:${referralId}`;
}

interface EntryRow {
  key: string;
  source: EpisodeSource;
  referredOn: string;
  nrmReference: string | null;
}

/**
 * Referral episodes across the hub and the case systems. Every decision of the rules is stored with its reason;
 * a safeguarding lead's split or join is never changed by the rules afterwards.
 */
@Injectable()
export class EpisodeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Records or refreshes a direct entry's facts; which episode it is in is left to `reconsider`. */
  async upsertDirect(manager: EntityManager, d: DirectReferralWrite): Promise<void> {
    await manager.query(
      `INSERT INTO central.direct_referrals (system, record_id, record_version, referred_on, kind, nrm_reference, reference_key, anonymous,
              under18, age_disputed, age_now_band, gender, nationality, second_nationality, exploitation_types, exploitation_location,
              organisation_type, case_system)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $1)
       ON CONFLICT (system, record_id) DO UPDATE
         SET record_version = EXCLUDED.record_version, referred_on = EXCLUDED.referred_on, kind = EXCLUDED.kind,
             nrm_reference = EXCLUDED.nrm_reference, reference_key = EXCLUDED.reference_key, anonymous = EXCLUDED.anonymous,
             under18 = EXCLUDED.under18, age_disputed = EXCLUDED.age_disputed, age_now_band = EXCLUDED.age_now_band,
             gender = EXCLUDED.gender, nationality = EXCLUDED.nationality, second_nationality = EXCLUDED.second_nationality,
             exploitation_types = EXCLUDED.exploitation_types, exploitation_location = EXCLUDED.exploitation_location,
             organisation_type = EXCLUDED.organisation_type, updated_at = now()
       WHERE central.direct_referrals.record_version <= EXCLUDED.record_version`,
      [
        d.system,
        d.recordId,
        d.recordVersion,
        d.referredOn,
        d.kind,
        d.nrmReference,
        nrmReferenceKey(d.nrmReference),
        d.anonymous,
        d.under18,
        d.ageDisputed,
        d.ageNowBand,
        d.gender,
        d.nationality,
        d.secondNationality,
        d.exploitationTypes,
        d.exploitationLocation,
        d.organisationType,
      ],
    );
  }

  /** `upsertDirect` for many entries at once, in the caller's transaction. */
  async upsertDirectMany(manager: EntityManager, entries: readonly DirectReferralWrite[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 1000) {
      const rows = entries.slice(i, i + 1000).map((d) => ({
        system: d.system,
        record_id: d.recordId,
        record_version: d.recordVersion,
        referred_on: d.referredOn,
        kind: d.kind,
        nrm_reference: d.nrmReference,
        reference_key: nrmReferenceKey(d.nrmReference),
        anonymous: d.anonymous,
        under18: d.under18,
        age_disputed: d.ageDisputed,
        age_now_band: d.ageNowBand,
        gender: d.gender,
        nationality: d.nationality,
        second_nationality: d.secondNationality,
        exploitation_types: d.exploitationTypes,
        exploitation_location: d.exploitationLocation,
        organisation_type: d.organisationType,
      }));
      await manager.query(
        `INSERT INTO central.direct_referrals (system, record_id, record_version, referred_on, kind, nrm_reference, reference_key, anonymous,
                under18, age_disputed, age_now_band, gender, nationality, second_nationality, exploitation_types, exploitation_location,
                organisation_type, case_system)
         SELECT x.system, x.record_id, x.record_version, x.referred_on, x.kind, x.nrm_reference, x.reference_key, x.anonymous,
                x.under18, x.age_disputed, x.age_now_band, x.gender, x.nationality, x.second_nationality, x.exploitation_types,
                x.exploitation_location, x.organisation_type, x.system
           FROM jsonb_to_recordset($1::jsonb) AS x(system text, record_id text, record_version int, referred_on date, kind text,
                nrm_reference text, reference_key text, anonymous boolean, under18 text, age_disputed boolean, age_now_band text,
                gender text, nationality text, second_nationality text, exploitation_types text[], exploitation_location text,
                organisation_type text)
         ON CONFLICT (system, record_id) DO UPDATE
           SET record_version = EXCLUDED.record_version, referred_on = EXCLUDED.referred_on, kind = EXCLUDED.kind,
               nrm_reference = EXCLUDED.nrm_reference, reference_key = EXCLUDED.reference_key, anonymous = EXCLUDED.anonymous,
               under18 = EXCLUDED.under18, age_disputed = EXCLUDED.age_disputed, age_now_band = EXCLUDED.age_now_band,
               gender = EXCLUDED.gender, nationality = EXCLUDED.nationality, second_nationality = EXCLUDED.second_nationality,
               exploitation_types = EXCLUDED.exploitation_types, exploitation_location = EXCLUDED.exploitation_location,
               organisation_type = EXCLUDED.organisation_type, updated_at = now()
         WHERE central.direct_referrals.record_version <= EXCLUDED.record_version`,
        [JSON.stringify(rows)],
      );
    }
  }

  /**
   * The entries among these already stored, or that another entry joined: their episodes are decided one at a
   * time (`reconsiderPerson`), not in memory as new entries.
   */
  async storedAmong(manager: EntityManager, entries: ReadonlyArray<{ system: CaseSystem; recordId: string }>): Promise<Set<string>> {
    if (!entries.length) return new Set();
    const rows: Array<{ key: string }> = await manager.query(
      `SELECT d.system || ':' || d.record_id AS key FROM central.direct_referrals d
         JOIN unnest($1::text[], $2::text[]) AS e(system, record_id) ON d.system = e.system AND d.record_id = e.record_id
       UNION
       SELECT d.joined_system || ':' || d.joined_record_id FROM central.direct_referrals d
         JOIN unnest($1::text[], $2::text[]) AS e(system, record_id) ON d.joined_system = e.system AND d.joined_record_id = e.record_id`,
      [entries.map((e) => e.system), entries.map((e) => e.recordId)],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Joins decided in memory for new entries (`episodesOfNewPerson`), written in one statement. */
  async setJoinsMany(
    manager: EntityManager,
    joins: ReadonlyArray<{ system: CaseSystem; recordId: string; target: { system: CaseSystem; recordId: string }; rule: string; reason: string }>,
  ): Promise<void> {
    for (let i = 0; i < joins.length; i += 5000) {
      const part = joins.slice(i, i + 5000);
      await manager.query(
        `UPDATE central.direct_referrals d
            SET joined_referral_id = NULL, joined_system = j.joined_system, joined_record_id = j.joined_record_id, join_rule = j.rule,
                join_reason = j.reason, updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                AS j(system, record_id, joined_system, joined_record_id, rule, reason)
          WHERE d.system = j.system AND d.record_id = j.record_id`,
        [
          part.map((j) => j.system),
          part.map((j) => j.recordId),
          part.map((j) => j.target.system),
          part.map((j) => j.target.recordId),
          part.map((j) => j.rule),
          part.map((j) => j.reason),
        ],
      );
    }
  }

  /** A child's case moved to adults' services: a direct LCS entry is now held in AIS (not a new referral). */
  async movedToAis(manager: EntityManager, lcsRecordIds: readonly string[]): Promise<void> {
    if (!lcsRecordIds.length) return;
    await manager.query(`UPDATE central.direct_referrals SET case_system = 'AIS', updated_at = now() WHERE system = 'LCS' AND record_id = ANY($1::text[])`, [
      lcsRecordIds,
    ]);
  }

  /**
   * Decides again which episode a direct entry belongs to by the rules, unless a lead decided it. An entry with a
   * Home Office reference is decided with every entry of that reference, oldest first (`reconsiderReference`): an
   * entry joins only an episode recorded before it (`episodeOf`), so one that arrives dated before the others becomes
   * the episode and the others must join it in the same transaction.
   */
  async reconsider(manager: EntityManager, system: CaseSystem, recordId: string, rules: EpisodeRules): Promise<void> {
    const row = (await this.directRows(manager, `WHERE d.system = $1 AND d.record_id = $2`, [system, recordId])).at(0);
    const key = row ? nrmReferenceKey(row.nrmReference) : null;
    if (key) await this.reconsiderReference(manager, key, rules);
    else await this.decide(manager, system, recordId, rules);
  }

  /**
   * Reconsiders every direct entry of a person (after a link), and every entry sharing a Home Office reference with
   * one of them, oldest first, then by system and record id compared byte by byte (`COLLATE "C"`), whatever the
   * database's collation: the order `episodesOfNewPerson` decides a new person's entries in memory, so the two paths
   * agree. Oldest first matters: an entry joins only an episode recorded before it, decided by then.
   */
  async reconsiderPerson(manager: EntityManager, personId: string, rules: EpisodeRules): Promise<void> {
    const rows: Array<{ system: CaseSystem; record_id: string }> = await manager.query(
      `${MERGE_TREE},
       mine AS (
         SELECT d.system, d.record_id, d.reference_key FROM central.direct_referrals d
           JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
          WHERE l.person_id IN (SELECT id FROM tree)
       )
       SELECT d.system, d.record_id FROM central.direct_referrals d
        WHERE d.lead_decision IS NULL
          AND ((d.system, d.record_id) IN (SELECT system, record_id FROM mine)
               OR d.reference_key IN (SELECT reference_key FROM mine WHERE reference_key IS NOT NULL))
        ORDER BY d.referred_on, d.system COLLATE "C", d.record_id COLLATE "C"`,
      [personId],
    );
    for (const r of rows) await this.decide(manager, r.system, r.record_id, rules);
  }

  /** Reconsiders the direct entries carrying a Home Office reference (after a submission is recorded with it). */
  async reconsiderReference(manager: EntityManager, reference: string, rules: EpisodeRules): Promise<void> {
    const key = nrmReferenceKey(reference);
    if (!key) return;
    const rows: Array<{ system: CaseSystem; record_id: string }> = await manager.query(
      `SELECT system, record_id FROM central.direct_referrals WHERE reference_key = $1 AND lead_decision IS NULL
        ORDER BY referred_on, system COLLATE "C", record_id COLLATE "C"`,
      [key],
    );
    for (const r of rows) await this.decide(manager, r.system, r.record_id, rules);
  }

  /** One entry decided by the rules against the episodes as they stand, unless a lead decided it. */
  private async decide(manager: EntityManager, system: CaseSystem, recordId: string, rules: EpisodeRules): Promise<void> {
    const row = (await this.directRows(manager, `WHERE d.system = $1 AND d.record_id = $2 FOR UPDATE OF d`, [system, recordId])).at(0);
    if (!row || row.leadDecision) return;
    const entry: EpisodeEntry = { key: directKey(system, recordId), source: SOURCE_OF[system], referredOn: row.referredOn, nrmReference: row.nrmReference };
    const referenceKey = nrmReferenceKey(row.nrmReference);
    const sameReference = referenceKey ? await this.headsWithReference(manager, referenceKey) : [];
    const samePerson = row.personId && !row.anonymous ? await this.headsOfPerson(manager, row.personId) : [];
    const join = episodeOf(entry, sameReference, samePerson, rules);
    await this.setJoin(manager, system, recordId, join ? { target: join.joins, rule: join.rule, reason: join.reason } : null);
  }

  /**
   * A lead's decision: the entry is an episode of its own, whatever the rules say. `join_reason` keeps the lead's
   * reason, as it does for a lead's join: for an entry the lead decided it is why they decided it.
   */
  async split(manager: EntityManager, system: CaseSystem, recordId: string, decidedBy: string, reason: string): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE central.direct_referrals
          SET joined_referral_id = NULL, joined_system = NULL, joined_record_id = NULL, join_rule = NULL, join_reason = $4,
              lead_decision = 'split', lead_decided_by = $3, lead_decided_at = now(), updated_at = now()
        WHERE system = $1 AND record_id = $2`,
      [system, recordId, decidedBy, reason],
    );
    return result[1] > 0;
  }

  /**
   * A lead's decision: the entry is the same referral as the target's episode. Joining an entry that joined
   * another episode joins that episode. Answers the episode joined, or null when the target is not found or is
   * the entry itself.
   */
  async join(manager: EntityManager, system: CaseSystem, recordId: string, target: EpisodeTarget, reason: string, decidedBy: string): Promise<string | null> {
    const head = await this.headOf(manager, target);
    if (!head || head === directKey(system, recordId)) return null;
    await this.setJoin(manager, system, recordId, { target: head, rule: 'lead', reason });
    await manager.query(
      `UPDATE central.direct_referrals SET lead_decision = 'join', lead_decided_by = $3, lead_decided_at = now() WHERE system = $1 AND record_id = $2`,
      [system, recordId, decidedBy],
    );
    return head;
  }

  /** Whether the system's records held before episodes were counted still have to be read again. */
  async backfillPending(system: CaseSystem): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM central.episode_backfills WHERE system = $1`, [system]);
    return rows.length === 0;
  }

  /** Records stored before the case systems reported their referral facts, after `afterRecordId`, in id order. */
  async recordsToBackfill(system: CaseSystem, afterRecordId: string, limit: number): Promise<string[]> {
    const rows: Array<{ record_id: string }> = await this.dataSource.query(
      `SELECT record_id FROM central.case_records
        WHERE system = $1 AND record_id > $2 AND NOT (record ? 'referralFacts')
        ORDER BY record_id LIMIT $3`,
      [system, afterRecordId, limit],
    );
    return rows.map((r) => r.record_id);
  }

  async completeBackfill(system: CaseSystem, records: number): Promise<void> {
    await this.dataSource.query(`INSERT INTO central.episode_backfills (system, records) VALUES ($1, $2) ON CONFLICT (system) DO NOTHING`, [system, records]);
  }

  find(system: CaseSystem, recordId: string, manager?: EntityManager): Promise<DirectReferralRow | null> {
    return this.directRows(manager ?? this.dataSource.manager, `WHERE d.system = $1 AND d.record_id = $2`, [system, recordId]).then((rows) => rows[0] ?? null);
  }

  /** Direct entries that joined a hub referral's episode. */
  joinedToReferral(referralId: string): Promise<DirectReferralRow[]> {
    return this.directRows(this.dataSource.manager, `WHERE d.joined_referral_id = $1 ORDER BY d.referred_on, d.system, d.record_id`, [referralId]);
  }

  /** Entries the rules joined by the window, or a lead split or joined: the lead looks at these. */
  decidedByWindowOrLead(limit: number): Promise<DirectReferralRow[]> {
    return this.directRows(
      this.dataSource.manager,
      `WHERE d.join_rule = 'window' OR d.lead_decision IS NOT NULL ORDER BY d.referred_on DESC, d.system, d.record_id LIMIT $1`,
      [limit],
    );
  }

  /**
   * The episodes a person's records count in (after merges), oldest first: their hub referrals and their direct
   * entries joined to no other episode. Anonymous ones are never a person's.
   */
  episodesOfPerson(personId: string): Promise<EpisodeHeadRow[]> {
    return this.dataSource.query(
      `${MERGE_TREE}
       SELECT r.id AS "referralId", r.reference, NULL::text AS system, NULL::text AS "recordId",
              (r.referred_at AT TIME ZONE 'Europe/London')::date::text AS "referredOn"
         FROM central.referrals r
        WHERE r.person_id IN (SELECT id FROM tree) AND NOT r.anonymous
       UNION ALL
       SELECT NULL::uuid, NULL::text, d.system, d.record_id, d.referred_on::text
         FROM central.direct_referrals d
         JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
        WHERE l.person_id IN (SELECT id FROM tree) AND NOT d.anonymous
          AND d.joined_referral_id IS NULL AND d.joined_record_id IS NULL
        ORDER BY "referredOn", system NULLS FIRST, "recordId", reference`,
      [personId],
    );
  }

  /**
   * The records of a person (and of those merged into them) that a practitioner entered directly and that count as
   * referrals, each with whether it is counted with another referral now: what the person's page offers to split or
   * join.
   */
  directEntriesOfPerson(personId: string): Promise<Array<{ system: CaseSystem; recordId: string; joined: boolean }>> {
    return this.dataSource.query(
      `${MERGE_TREE}
       SELECT d.system, d.record_id AS "recordId", (d.joined_referral_id IS NOT NULL OR d.joined_record_id IS NOT NULL) AS joined
         FROM central.direct_referrals d
         JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
        WHERE l.person_id IN (SELECT id FROM tree) AND NOT d.anonymous`,
      [personId],
    );
  }

  /** A hub referral as an episode, by its id or its reference (as written, or typed in lower case: references are upper case); null when none has it. */
  async referralEpisode(by: { id: string } | { reference: string }): Promise<EpisodeHeadRow | null> {
    const rows: EpisodeHeadRow[] = await this.dataSource.query(
      `SELECT r.id AS "referralId", r.reference, NULL::text AS system, NULL::text AS "recordId",
              (r.referred_at AT TIME ZONE 'Europe/London')::date::text AS "referredOn"
         FROM central.referrals r
        WHERE ${'id' in by ? 'r.id = $1::uuid' : 'r.reference IN ($1, upper($1))'}`,
      ['id' in by ? by.id : by.reference],
    );
    return rows.at(0) ?? null;
  }

  /** Direct entries whose record says neither NRM referral nor Duty to Notify. */
  withoutKind(limit: number): Promise<DirectReferralRow[]> {
    return this.directRows(this.dataSource.manager, `WHERE d.kind IS NULL ORDER BY d.referred_on DESC, d.system, d.record_id LIMIT $1`, [limit]);
  }

  private directRows(manager: EntityManager, where: string, params: unknown[]): Promise<DirectReferralRow[]> {
    return manager.query(`${SELECT_DIRECT} ${where}`, params);
  }

  private async headOf(manager: EntityManager, target: EpisodeTarget): Promise<string | null> {
    if ('referralId' in target) {
      const found: unknown[] = await manager.query(`SELECT 1 FROM central.referrals WHERE id = $1`, [target.referralId]);
      return found.length ? referralKey(target.referralId) : null;
    }
    const row = (await this.directRows(manager, `WHERE d.system = $1 AND d.record_id = $2`, [target.system, target.recordId])).at(0);
    if (!row) return null;
    if (row.joinedReferralId) return referralKey(row.joinedReferralId);
    if (row.joinedSystem && row.joinedRecordId) return directKey(row.joinedSystem, row.joinedRecordId);
    return directKey(row.system, row.recordId);
  }

  private async setJoin(
    manager: EntityManager,
    system: CaseSystem,
    recordId: string,
    join: { target: string; rule: string; reason: string } | null,
  ): Promise<void> {
    const target = join ? parseKey(join.target) : null;
    await manager.query(
      `UPDATE central.direct_referrals
          SET joined_referral_id = $3, joined_system = $4, joined_record_id = $5, join_rule = $6, join_reason = $7, updated_at = now()
        WHERE system = $1 AND record_id = $2
          AND (joined_referral_id, joined_system, joined_record_id, join_rule, join_reason)
              IS DISTINCT FROM ($3::uuid, $4::text, $5::text, $6::text, $7::text)`,
      [system, recordId, target?.referralId ?? null, target?.system ?? null, target?.recordId ?? null, join?.rule ?? null, join?.reason ?? null],
    );
    if (!target) return;
    // Those that had joined this entry's episode follow it into the one it joined.
    await manager.query(
      `UPDATE central.direct_referrals
          SET joined_referral_id = $3, joined_system = $4, joined_record_id = $5, updated_at = now()
        WHERE joined_system = $1 AND joined_record_id = $2`,
      [system, recordId, target.referralId ?? null, target.system ?? null, target.recordId ?? null],
    );
  }

  private async headsWithReference(manager: EntityManager, key: string): Promise<EntryRow[]> {
    return manager.query(
      `SELECT 'referral:' || s.referral_id AS key, 'referral_hub' AS source,
              (r.referred_at AT TIME ZONE 'Europe/London')::date::text AS "referredOn", s.reference AS "nrmReference"
         FROM central.home_office_submissions s JOIN central.referrals r ON r.id = s.referral_id
        WHERE s.reference_key = $1
       UNION ALL
       SELECT d.system || ':' || d.record_id, lower(d.system), d.referred_on::text, d.nrm_reference
         FROM central.direct_referrals d
        WHERE d.reference_key = $1 AND d.joined_referral_id IS NULL AND d.joined_record_id IS NULL`,
      [key],
    );
  }

  private async headsOfPerson(manager: EntityManager, personId: string): Promise<EntryRow[]> {
    return manager.query(
      `${MERGE_TREE}
       SELECT 'referral:' || r.id AS key, 'referral_hub' AS source,
              (r.referred_at AT TIME ZONE 'Europe/London')::date::text AS "referredOn", s.reference AS "nrmReference"
         FROM central.referrals r LEFT JOIN central.home_office_submissions s ON s.referral_id = r.id
        WHERE r.person_id IN (SELECT id FROM tree) AND NOT r.anonymous
       UNION ALL
       SELECT d.system || ':' || d.record_id, lower(d.system), d.referred_on::text, d.nrm_reference
         FROM central.direct_referrals d
         JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
        WHERE l.person_id IN (SELECT id FROM tree) AND NOT d.anonymous
          AND d.joined_referral_id IS NULL AND d.joined_record_id IS NULL`,
      [personId],
    );
  }
}

function parseKey(key: string): { referralId?: string; system?: CaseSystem; recordId?: string } {
  if (key.startsWith('referral:')) return { referralId: key.slice('referral:'.length) };
  const at = key.indexOf(':');
  return { system: key.slice(0, at) as CaseSystem, recordId: key.slice(at + 1) };
}
