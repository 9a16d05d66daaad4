import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StatisticsPopulation } from '@app/domain';
import type { AgeBand, AgeBandFacts } from '@app/statistics';

/**
 * Which breakdown a group of referrals belongs to: one SQL pass groups the period's referrals by each breakdown's
 * columns at once (GROUPING SETS), and `total` is the whole period.
 */
export type StatisticsGroupingSet =
  | 'total'
  | 'kind'
  | 'age'
  | 'gender'
  | 'nationality'
  | 'exploitationType'
  | 'firstResponderType'
  | 'caseSystem'
  | 'source'
  | 'submission'
  | 'countyLines'
  | 'quarter'
  | 'quarterSubmission';

/**
 * Referrals of a period grouped by the columns of one breakdown (the others are null), with the people first seen
 * in each group. `age` groups carry the age facts and the location, for the age group × location table.
 */
export interface ReferralGroupRow {
  set: StatisticsGroupingSet;
  kind: string | null;
  under18: string | null;
  under18DuringExploitation: string | null;
  ageNowBand: AgeBand;
  ageAtStartBand: AgeBand;
  exploitationLocation: string | null;
  gender: string | null;
  nationality: string | null;
  secondNationality: string | null;
  exploitationTypes: string[] | null;
  organisationType: string | null;
  caseSystem: string | null;
  /** Where the referral was recorded: 'referral_hub', or directly in 'ais' or 'lcs'. */
  source: string | null;
  /** 'submitted' once its submission to the Home Office is known, else 'logged'. */
  submission: string | null;
  /** County lines drug supply: flagged on the hub's referral (a direct entry in a case system never is). */
  countyLines: boolean | null;
  /** First day of the calendar quarter the referral date falls in. */
  quarterStart: string | null;
  referrals: number;
  /** Individuals whose earliest referral in the period is in this group. */
  individuals: number;
  /** Individuals whose earliest referral in this group's quarter is in this group (`quarter` groups). */
  quarterIndividuals: number;
}

export interface DecisionGroupRow extends AgeBandFacts {
  type: string;
  outcome: string | null;
  decisions: number;
}

export interface StatisticsReading {
  /** The snapshot's time: every referral and decision committed before it, and nothing after. */
  dataCutOff: Date;
  /** One `total` group, and the groups of every breakdown, each set adding up to the total. */
  referralGroups: ReferralGroupRow[];
  decisionGroups: DecisionGroupRow[];
}

export interface StatisticsRange {
  /** First UK calendar day, inclusive. */
  from: string;
  /** Last UK calendar day, inclusive. */
  to: string;
  /** Only NRM referrals or only Duty to Notify notifications; both when absent. */
  kind?: 'nrm' | 'dtn';
}

// The UK calendar date of the referral: a referral at 00:30 BST on 1 April belongs to 1 April.
const REFERRED_ON = `(r.referred_at AT TIME ZONE 'Europe/London')::date`;

// The date of birth the figures use: the latest age assessment that gave one replaces the referral's (MSA 2015
// s.51: the presumption lasts until age is assessed; a later challenge is a new assessment).
const BEST_DATE_OF_BIRTH = `COALESCE((SELECT a.assessed_date_of_birth FROM central.age_assessments a
            WHERE a.referral_id = r.id AND a.assessed_date_of_birth IS NOT NULL
            ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1), r.date_of_birth)`;

// An anonymised referral (past retention) has lost its date of birth but kept the bands it gave.
const AGE_BANDS_OF = (dob: string): string => `
  CASE WHEN ${dob} IS NULL THEN r.retained_age_now_band
       WHEN central.age_on(${dob}, ${REFERRED_ON}) < 18 THEN 'child' ELSE 'adult' END AS "ageNowBand",
  CASE WHEN ${dob} IS NULL THEN r.retained_age_start_band
       WHEN r.exploitation_start IS NULL OR r.exploitation_start < ${dob} THEN NULL
       WHEN central.age_on(${dob}, r.exploitation_start) < 18 THEN 'child' ELSE 'adult' END AS "ageAtStartBand"`;
const AGE_BANDS = AGE_BANDS_OF('r.date_of_birth');

// The latest age assessment of each referral, when there is one, overrides the answers at referral.
const LATEST_ASSESSMENT = `
  LEFT JOIN (SELECT DISTINCT ON (referral_id) referral_id, outcome
               FROM central.age_assessments
              ORDER BY referral_id, assessed_on DESC, recorded_at DESC) la ON la.referral_id = r.id`;

const CHILD_AT_REFERRAL = `COALESCE(la.outcome = 'child',
  r.under18 IN ('yes', 'not_sure') OR r.age_disputed
  OR (r.date_of_birth IS NOT NULL AND central.age_on(r.date_of_birth, ${REFERRED_ON}) < 18)
  OR (r.date_of_birth IS NULL AND r.retained_age_now_band IS NOT DISTINCT FROM 'child'))`;

function populationSql(population: StatisticsPopulation): { join: string; where: string } {
  switch (population) {
    case 'all':
      return { join: '', where: '' };
    case 'children':
      return { join: LATEST_ASSESSMENT, where: `AND ${CHILD_AT_REFERRAL}` };
    case 'adults':
      return { join: LATEST_ASSESSMENT, where: `AND NOT ${CHILD_AT_REFERRAL}` };
  }
}

/**
 * Every referral episode once: the hub's referrals (a record their delivery created is theirs, never a row here),
 * and referrals practitioners recorded directly in AIS or LCS that joined no other episode. A direct entry has
 * no date of birth here, only the age bands it gave, and counts as its linked person. The case system is the one
 * a referral was recorded in at the time (docs/transitions.md), so a later move does not change a past period.
 * Submitted: the hub's once a submission to the Home Office is recorded, a direct entry once it carries the Home
 * Office's reference.
 */
const EPISODES = `(
    SELECT r.id, r.referred_at, r.kind, r.under18, r.under18_during_exploitation, r.age_disputed,
           ${BEST_DATE_OF_BIRTH} AS date_of_birth, r.exploitation_start, r.retained_age_now_band, r.retained_age_start_band, r.gender, r.nationality,
           r.second_nationality, r.exploitation_types, r.exploitation_location, r.organisation_type,
           -- The system the referral was recorded in when it was made: the one its first transition left, else the
           -- one it is in. A case moved later (a transition at 18, an age assessment) keeps its published quarter.
           COALESCE((SELECT t.from_system FROM central.transitions t WHERE t.referral_id = r.id
                      ORDER BY t.recorded_at, t.id LIMIT 1), r.case_system) AS case_system,
           r.anonymous, r.person_id, 'referral_hub'::text AS source, r.county_lines,
           CASE WHEN EXISTS (SELECT 1 FROM central.home_office_submissions h WHERE h.referral_id = r.id)
                THEN 'submitted' ELSE 'logged' END AS submission
      FROM central.referrals r
    UNION ALL
    SELECT md5(d.system || ':' || d.record_id)::uuid, (d.referred_on::timestamp AT TIME ZONE 'Europe/London'), d.kind, d.under18,
           NULL::text, d.age_disputed, NULL::date, NULL::date, d.age_now_band, NULL::text, d.gender, d.nationality,
           d.second_nationality, d.exploitation_types, d.exploitation_location, d.organisation_type, d.system,
           d.anonymous, l.person_id, lower(d.system), false, CASE WHEN d.reference_key IS NULL THEN 'logged' ELSE 'submitted' END
      FROM central.direct_referrals d
      LEFT JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
     WHERE d.joined_referral_id IS NULL AND d.joined_record_id IS NULL
  )`;

/**
 * The person each referral counts as. Anonymous notifications count as no one. A linked referral counts as its
 * person, followed through merges to the surviving person; a referral the deduplicator has not linked yet
 * counts as an individual of its own (its own id) until it is.
 */
const IN_PERIOD = (population: StatisticsPopulation): string => {
  const { join, where } = populationSql(population);
  return `
  merge_chain (id, root, depth) AS (
    SELECT id, merged_into, 1 FROM central.persons WHERE merged_into IS NOT NULL
    UNION ALL
    SELECT c.id, p.merged_into, c.depth + 1
      FROM merge_chain c JOIN central.persons p ON p.id = c.root
     WHERE p.merged_into IS NOT NULL AND c.depth < 64
  ),
  survivor AS (SELECT DISTINCT ON (id) id, root FROM merge_chain ORDER BY id, depth DESC),
  in_period AS (
    SELECT r.id, r.referred_at, r.kind, r.under18, r.under18_during_exploitation, r.gender, r.nationality,
           r.second_nationality, r.exploitation_types, r.exploitation_location, r.organisation_type, r.case_system,
           r.source, r.submission, r.county_lines,
           date_trunc('quarter', ${REFERRED_ON})::date AS quarter_start,
           CASE WHEN r.anonymous THEN NULL ELSE COALESCE(s.root, r.person_id, r.id) END AS individual,
           ${AGE_BANDS}
      FROM ${EPISODES} r
      LEFT JOIN survivor s ON s.id = r.person_id
      ${join}
     WHERE r.referred_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
       AND r.referred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')
       AND ($3::text IS NULL OR r.kind = $3)
       ${where}
  )`;
};

/**
 * Reads everything the statistics of a period need in two aggregate queries over one consistent snapshot:
 * referrals grouped by each breakdown's columns (the app labels each group with @app/statistics), and decisions
 * grouped by type, outcome and age facts.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(range: StatisticsRange, population: StatisticsPopulation): Promise<StatisticsReading> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One snapshot for every query: the tables agree, and the cut-off names what they include.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // The window sort of a quarter fits in memory with room to spare; JIT compiling this query costs more than
      // it saves on a few hundred thousand rows.
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      await runner.query('SET LOCAL jit = off');
      const reading = await this.readIn(runner.manager, range, population);
      await runner.commitTransaction();
      return reading;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async readIn(manager: EntityManager, range: StatisticsRange, population: StatisticsPopulation): Promise<StatisticsReading> {
    const params = [range.from, range.to, range.kind ?? null];
    const [{ cutoff }] = await manager.query<Array<{ cutoff: Date }>>(`SELECT now() AS cutoff`);
    // One pass over the period: each referral is ranked within its individual (their first in the period, their
    // first in each quarter), then counted into every breakdown at once. Quarters follow referral time, so the
    // first of an individual's referrals in a quarter is the one whose previous referral was in another quarter.
    const referralGroups: ReferralGroupRow[] = await manager.query(
      `WITH RECURSIVE ${IN_PERIOD(population)},
       ranked AS (
         SELECT p.*,
                row_number() OVER w AS nth_in_period,
                lag(p.quarter_start) OVER w IS DISTINCT FROM p.quarter_start AS first_in_quarter
           FROM in_period p
         WINDOW w AS (PARTITION BY p.individual ORDER BY p.referred_at, p.id)
       )
       SELECT CASE WHEN GROUPING(quarter_start) = 0 AND GROUPING(submission) = 0 THEN 'quarterSubmission'
                   WHEN GROUPING(kind) = 0 THEN 'kind'
                   WHEN GROUPING(under18) = 0 THEN 'age'
                   WHEN GROUPING(gender) = 0 THEN 'gender'
                   WHEN GROUPING(nationality) = 0 THEN 'nationality'
                   WHEN GROUPING(exploitation_types) = 0 THEN 'exploitationType'
                   WHEN GROUPING(organisation_type) = 0 THEN 'firstResponderType'
                   WHEN GROUPING(case_system) = 0 THEN 'caseSystem'
                   WHEN GROUPING(source) = 0 THEN 'source'
                   WHEN GROUPING(submission) = 0 THEN 'submission'
                   WHEN GROUPING(county_lines) = 0 THEN 'countyLines'
                   WHEN GROUPING(quarter_start) = 0 THEN 'quarter'
                   ELSE 'total' END AS "set",
              kind, under18, under18_during_exploitation AS "under18DuringExploitation", "ageNowBand", "ageAtStartBand",
              exploitation_location AS "exploitationLocation", gender, nationality, second_nationality AS "secondNationality",
              exploitation_types AS "exploitationTypes", organisation_type AS "organisationType", case_system AS "caseSystem",
              source, submission, county_lines AS "countyLines",
              quarter_start::text AS "quarterStart",
              count(*)::int AS referrals,
              (count(*) FILTER (WHERE individual IS NOT NULL AND nth_in_period = 1))::int AS individuals,
              (count(*) FILTER (WHERE individual IS NOT NULL AND first_in_quarter))::int AS "quarterIndividuals"
         FROM ranked
        GROUP BY GROUPING SETS (
          (kind),
          (under18, under18_during_exploitation, "ageNowBand", "ageAtStartBand", exploitation_location),
          (gender),
          (nationality, second_nationality),
          (exploitation_types),
          (organisation_type),
          (case_system),
          (source),
          (submission),
          (county_lines),
          (quarter_start),
          (quarter_start, submission),
          ()
        )`,
      params,
    );
    const { join, where } = populationSql(population);
    const decisionGroups: DecisionGroupRow[] = await manager.query(
      `SELECT d.type, d.outcome, r.under18, r.under18_during_exploitation AS "under18DuringExploitation", ${AGE_BANDS_OF(BEST_DATE_OF_BIRTH)},
              count(*)::int AS decisions
         FROM central.decisions d
         JOIN central.referrals r ON r.id = d.referral_id
         ${join}
        WHERE d.decided_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR r.kind = $3) ${where}
          AND d.type IN ('reasonable_grounds', 'conclusive_grounds', 'withdrawal', 'consent_to_stay')
          -- A stage's final outcome counts once: a decision that a reconsideration replaced by a later one of the
          -- same stage is not counted, the later one is (in the period it was made).
          AND NOT EXISTS (SELECT 1 FROM central.decisions later
                           WHERE later.referral_id = d.referral_id AND later.type = d.type
                             AND (later.decided_on, later.recorded_at) > (d.decided_on, d.recorded_at))
        GROUP BY 1, 2, 3, 4, 5, 6`,
      params,
    );
    return { dataCutOff: new Date(cutoff), referralGroups, decisionGroups };
  }
}
