import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';

/** What a reviewer typed to find a person, read into its parts (see the intake pages' person search). */
export interface PersonSearch {
  nameParts: string[];
  dateOfBirth?: string;
  /** A referral reference (RH-2026-000123) or a case record id. */
  reference?: string;
}

/** Persons of the index (central.persons) with their merges, and reviewers' decisions that a record is not a person's (central.non_matches). */
@Injectable()
export class PersonRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createPerson(manager: EntityManager): Promise<string> {
    const id = randomUUID();
    await manager.query(`INSERT INTO central.persons (id) VALUES ($1)`, [id]);
    return id;
  }

  async personExists(manager: EntityManager, id: string): Promise<{ id: string; mergedInto: string | null } | null> {
    const rows: Array<{ id: string; merged_into: string | null }> = await manager.query(`SELECT id, merged_into FROM central.persons WHERE id = $1`, [id]);
    return rows[0] ? { id: rows[0].id, mergedInto: rows[0].merged_into } : null;
  }

  async markMerged(manager: EntityManager, from: string, into: string): Promise<void> {
    await manager.query(`UPDATE central.persons SET merged_into = $2, updated_at = now() WHERE id = $1`, [from, into]);
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

  async addNonMatch(manager: EntityManager, system: CaseSystem, recordId: string, personId: string, decidedBy: string): Promise<void> {
    await manager.query(`INSERT INTO central.non_matches (system, record_id, person_id, decided_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      system,
      recordId,
      personId,
      decidedBy,
    ]);
  }
}
