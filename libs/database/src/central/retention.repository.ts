import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface RetentionRules {
  adultYearsAfterContact: number;
  childUntilAge: number;
  childYearsWithoutBirthDate: number;
}

/** A person (or an unlinked referral standing for one) whose records are all past retention. */
export interface RetentionSubject {
  /** The person id, or the referral id of a referral linked to no one. */
  subject: string;
  personId: string | null;
  referralIds: string[];
}

// What a referral keeps once anonymised: what the statistics read, nothing that identifies anyone.
const STRIPPED_DETAILS = `jsonb_strip_nulls(jsonb_build_object(
  'kind', r.details->'kind',
  'firstResponder', jsonb_build_object('organisation', r.details#>'{firstResponder,organisation}', 'organisationType', r.details#>'{firstResponder,organisationType}'),
  'age', r.details->'age',
  'consentToNrm', r.details->'consentToNrm',
  'cooperatesWithAuthorities', r.details->'cooperatesWithAuthorities',
  'potentialVictim', jsonb_strip_nulls(jsonb_build_object('gender', r.details#>'{potentialVictim,gender}', 'nationality', r.details#>'{potentialVictim,nationality}', 'secondNationality', r.details#>'{potentialVictim,secondNationality}')),
  'exploitation', jsonb_strip_nulls(jsonb_build_object('types', r.details#>'{exploitation,types}', 'homeOfficeTypes', r.details#>'{exploitation,homeOfficeTypes}', 'countyLines', r.details#>'{exploitation,countyLines}', 'location', r.details#>'{exploitation,location}', 'startDate', r.details#>'{exploitation,startDate}', 'ongoing', r.details#>'{exploitation,ongoing}')),
  'police', CASE WHEN r.details ? 'police' THEN jsonb_build_object('force', r.details#>'{police,force}') END,
  'referredAt', r.details->'referredAt',
  'anonymised', true))`;

const STRIPPED_RECORD = `jsonb_strip_nulls(jsonb_build_object(
  'system', c.record->'system', 'recordId', c.record->'recordId', 'version', c.record->'version',
  'sex', c.record->'sex', 'nationality', c.record->'nationality', 'status', c.record->'status',
  'referralDate', c.record->'referralDate', 'source', c.record->'source', 'aliases', '[]'::jsonb,
  'linkedRecordIds', '[]'::jsonb, 'dateOfBirthEstimated', false, 'anonymous', true))`;

@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Subjects past retention on `today`. A person's retention follows the longest class among their records (a
   * child's record keeps the whole person to the child's date), counted from their last contact across every
   * referral, decision and transition.
   */
  async due(today: string, rules: RetentionRules, limit: number): Promise<RetentionSubject[]> {
    const rows: Array<{ subject: string; person_id: string | null; referral_ids: string[] }> = await this.dataSource.query(
      `WITH subject AS (
         SELECT coalesce(r.person_id, r.id) AS subject, r.person_id, r.id, r.date_of_birth,
                (r.route_system = 'LCS' OR r.case_system = 'LCS'
                  OR EXISTS (SELECT 1 FROM central.transitions t WHERE t.referral_id = r.id)) AS child_record,
                greatest(r.referred_at, r.updated_at,
                         (SELECT max(d.recorded_at) FROM central.decisions d WHERE d.referral_id = r.id),
                         (SELECT max(t.recorded_at) FROM central.transitions t WHERE t.referral_id = r.id))::date AS last_contact
           FROM central.referrals r
          WHERE r.anonymised_at IS NULL
       ), per_subject AS (
         SELECT subject, max(person_id::text)::uuid AS person_id, array_agg(id) AS referral_ids, max(last_contact) AS last_contact,
                bool_or(child_record) AS child, min(date_of_birth) AS date_of_birth
           FROM subject GROUP BY subject
       )
       SELECT subject, person_id, referral_ids FROM per_subject
        WHERE greatest(
                last_contact + make_interval(years => $2),
                CASE WHEN child AND date_of_birth IS NOT NULL THEN date_of_birth + make_interval(years => $3)
                     WHEN child THEN last_contact + make_interval(years => $4) END
              ) <= $1::date
        ORDER BY subject
        LIMIT $5`,
      [today, rules.adultYearsAfterContact, rules.childUntilAge, rules.childYearsWithoutBirthDate, limit],
    );
    return rows.map((r) => ({ subject: r.subject, personId: r.person_id, referralIds: r.referral_ids }));
  }

  /** Anonymises one subject in the caller's transaction; answers the case records touched. */
  async anonymise(manager: EntityManager, subject: RetentionSubject): Promise<Array<{ system: string; record_id: string }>> {
    await manager.query(
      `UPDATE central.referrals r
          SET retained_age_now_band = CASE WHEN r.date_of_birth IS NULL THEN r.retained_age_now_band
                WHEN central.age_on(r.date_of_birth, (r.referred_at AT TIME ZONE 'Europe/London')::date) < 18 THEN 'child' ELSE 'adult' END,
              retained_age_start_band = CASE WHEN r.date_of_birth IS NULL OR r.exploitation_start IS NULL OR r.exploitation_start < r.date_of_birth
                THEN r.retained_age_start_band
                WHEN central.age_on(r.date_of_birth, r.exploitation_start) < 18 THEN 'child' ELSE 'adult' END,
              date_of_birth = NULL,
              details = ${STRIPPED_DETAILS},
              anonymised_at = now(), updated_at = now()
        WHERE r.id = ANY($1::uuid[])`,
      [subject.referralIds],
    );
    await manager.query(`UPDATE central.age_assessments SET assessed_date_of_birth = NULL WHERE referral_id = ANY($1::uuid[])`, [subject.referralIds]);
    const records: Array<{ system: string; record_id: string }> = await manager
      .query(
        `UPDATE central.case_records c SET record = ${STRIPPED_RECORD}, anonymous = true
        WHERE c.referral_id = ANY($1::uuid[])
           OR ($2::uuid IS NOT NULL AND (c.system, c.record_id) IN (SELECT system, record_id FROM central.record_links WHERE person_id = $2))
        RETURNING c.system, c.record_id`,
        [subject.referralIds, subject.personId],
      )
      .then((r: [Array<{ system: string; record_id: string }>, number]) => r[0]);
    for (const r of records) {
      // The history row lets every deduplicator replica drop the record from its in-memory index.
      await manager.query(
        `INSERT INTO central.link_history (system, record_id, action, person_before, person_after, actor, reason)
         VALUES ($1, $2, 'anonymised', $3, $3, 'retention', 'past retention period')`,
        [r.system, r.record_id, subject.personId],
      );
    }
    return records;
  }
}
