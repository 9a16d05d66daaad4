import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Which referrals a figure covers. `children` are those the referral treated as a child (MSA 2015 s.51: under 18
 * "yes" or "not sure", an age dispute, or a date of birth under 18 on the referral date) unless a later age
 * assessment found an adult; `adults` are the rest. Decided from the age answers, never from the case system.
 */
export type StatisticsPopulation = 'all' | 'adults' | 'children';

/** A date of birth settles an age as under 18 ('child') or 18 and over ('adult'); null when it settles nothing. */
export type AgeBand = 'child' | 'adult' | null;

/** The facts the age group at exploitation is decided from, reduced to how they compare with 18. */
export interface AgeFacts {
  under18: string;
  under18DuringExploitation: string | null;
  /** Age on the referral date by the date of birth. */
  ageNowBand: AgeBand;
  /** Age when the exploitation began by the date of birth and start date (null if a start precedes the birth). */
  ageAtStartBand: AgeBand;
}

/** Referrals in a period grouped by everything a breakdown labels, with the people first seen in each group. */
export interface ReferralGroupRow extends AgeFacts {
  kind: string;
  gender: string;
  nationality: string;
  secondNationality: string | null;
  exploitationTypes: string[];
  exploitationLocation: string;
  organisationType: string;
  caseSystem: string | null;
  /** First day of the calendar quarter the referral date falls in. */
  quarterStart: string;
  referrals: number;
  /** Individuals whose earliest referral in the period is in this group. */
  individuals: number;
  /** Individuals whose earliest referral in this group's quarter is in this group. */
  quarterIndividuals: number;
}

export interface DecisionGroupRow extends AgeFacts {
  type: string;
  outcome: string | null;
  decisions: number;
}

export interface StatisticsReading {
  /** The snapshot's time: every referral and decision committed before it, and nothing after. */
  dataCutOff: Date;
  referralGroups: ReferralGroupRow[];
  /** Counted apart from the groups (count, count distinct), so that the tables can be checked against them. */
  totals: { referrals: number; individuals: number };
  decisionGroups: DecisionGroupRow[];
}

export interface StatisticsRange {
  /** First UK calendar day, inclusive. */
  from: string;
  /** Last UK calendar day, inclusive. */
  to: string;
}

// The UK calendar date of the referral: a referral at 00:30 BST on 1 April belongs to 1 April.
const REFERRED_ON = `(r.referred_at AT TIME ZONE 'Europe/London')::date`;

// An anonymised referral (past retention) has lost its date of birth but kept the bands it gave.
const AGE_BANDS = `
  CASE WHEN r.date_of_birth IS NULL THEN r.retained_age_now_band
       WHEN central.age_on(r.date_of_birth, ${REFERRED_ON}) < 18 THEN 'child' ELSE 'adult' END AS "ageNowBand",
  CASE WHEN r.date_of_birth IS NULL THEN r.retained_age_start_band
       WHEN r.exploitation_start IS NULL OR r.exploitation_start < r.date_of_birth THEN NULL
       WHEN central.age_on(r.date_of_birth, r.exploitation_start) < 18 THEN 'child' ELSE 'adult' END AS "ageAtStartBand"`;

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
           date_trunc('quarter', ${REFERRED_ON})::date AS quarter_start,
           CASE WHEN r.anonymous THEN NULL ELSE COALESCE(s.root, r.person_id, r.id) END AS individual,
           ${AGE_BANDS}
      FROM central.referrals r
      LEFT JOIN survivor s ON s.id = r.person_id
      ${join}
     WHERE r.referred_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
       AND r.referred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')
       ${where}
  )`;
};

/**
 * Reads everything the statistics of a period need in a few aggregate passes over one consistent snapshot:
 * referrals grouped by their labelled attributes (the app labels each group with @app/statistics), the totals
 * counted independently, and decisions grouped by type, outcome and age facts.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(range: StatisticsRange, population: StatisticsPopulation): Promise<StatisticsReading> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One snapshot for every query: the tables and totals agree, and the cut-off names what they include.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
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
    const params = [range.from, range.to];
    const [{ cutoff }] = await manager.query(`SELECT now() AS cutoff`);
    const referralGroups: ReferralGroupRow[] = await manager.query(
      `WITH RECURSIVE ${IN_PERIOD(population)},
       ranked AS (
         SELECT p.*,
                row_number() OVER (PARTITION BY p.individual ORDER BY p.referred_at, p.id) AS nth_in_period,
                row_number() OVER (PARTITION BY p.individual, p.quarter_start ORDER BY p.referred_at, p.id) AS nth_in_quarter
           FROM in_period p
       )
       SELECT kind, under18, under18_during_exploitation AS "under18DuringExploitation", "ageNowBand", "ageAtStartBand",
              gender, nationality, second_nationality AS "secondNationality", exploitation_types AS "exploitationTypes",
              exploitation_location AS "exploitationLocation", organisation_type AS "organisationType",
              case_system AS "caseSystem", quarter_start::text AS "quarterStart",
              count(*)::int AS referrals,
              (count(*) FILTER (WHERE individual IS NOT NULL AND nth_in_period = 1))::int AS individuals,
              (count(*) FILTER (WHERE individual IS NOT NULL AND nth_in_quarter = 1))::int AS "quarterIndividuals"
         FROM ranked
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`,
      params,
    );
    const [totals] = await manager.query(
      `WITH RECURSIVE ${IN_PERIOD(population)}
       SELECT count(*)::int AS referrals, count(DISTINCT individual)::int AS individuals FROM in_period`,
      params,
    );
    const { join, where } = populationSql(population);
    const decisionGroups: DecisionGroupRow[] = await manager.query(
      `SELECT d.type, d.outcome, r.under18, r.under18_during_exploitation AS "under18DuringExploitation", ${AGE_BANDS},
              count(*)::int AS decisions
         FROM central.decisions d
         JOIN central.referrals r ON r.id = d.referral_id
         ${join}
        WHERE d.decided_on BETWEEN $1::date AND $2::date ${where}
        GROUP BY 1, 2, 3, 4, 5, 6`,
      params,
    );
    return { dataCutOff: new Date(cutoff), referralGroups, totals, decisionGroups };
  }
}
