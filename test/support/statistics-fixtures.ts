import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { auditLinkedPopulations } from '@app/statistics/disclosure.testing';
import {
  type DisclosureAudit,
  type LinkedCellRef,
  type LinkedPopulations,
  type PopulationLink,
  type PublishedBreakdown,
  type PublishedCount,
  type PublishedCrossTab,
  type PublishedPopulation,
  publishedColumnBreakdown,
  publishedRowBreakdown,
} from '@app/statistics';

/**
 * Rows for statistics tests, written straight to the central schema with SQL: referrals as intake stores them,
 * and the person index as the deduplicator would leave it (persons, case records, links, merges). Only the
 * columns statistics read are meaningful; the rest hold plausible values.
 */
export interface ReferralRow {
  id?: string;
  kind?: 'nrm' | 'dtn';
  anonymous?: boolean;
  organisationType?: string;
  referredAt?: string;
  receivedAt?: string;
  under18?: 'yes' | 'no' | 'not_sure';
  under18DuringExploitation?: 'yes' | 'no' | 'not_sure' | null;
  ageDisputed?: boolean;
  dateOfBirth?: string | null;
  gender?: 'female' | 'male' | 'other';
  nationality?: string;
  secondNationality?: string | null;
  exploitationTypes?: string[];
  exploitationLocation?: 'uk' | 'overseas' | 'uk_and_overseas';
  exploitationStart?: string | null;
  /** The case system the referral was routed to; null: not routed yet. Defaults from the age answers. */
  caseSystem?: 'AIS' | 'LCS' | null;
  caseRecordId?: string | null;
  personId?: string | null;
}

export type DecisionKind = 'reasonable_grounds' | 'conclusive_grounds' | 'withdrawal' | 'consent_to_stay' | 'reconsideration_requested';

export class StatisticsFixtures {
  private sequence = 0;

  constructor(private readonly sql: Client) {}

  /** Inserts a referral (an adult NRM referral routed to AIS unless told otherwise) and answers its id. */
  async referral(row: ReferralRow = {}): Promise<string> {
    const n = ++this.sequence;
    const id = row.id ?? randomUUID();
    const under18 = row.under18 ?? 'no';
    const child = under18 !== 'no' || row.ageDisputed === true;
    const routeSystem = child ? 'LCS' : 'AIS';
    const caseSystem = row.caseSystem === undefined ? routeSystem : row.caseSystem;
    const caseRecordId = caseSystem === null ? null : (row.caseRecordId ?? `${caseSystem}-${id.slice(0, 8)}-${n}`);
    const kind = row.kind ?? 'nrm';
    await this.sql.query(
      `INSERT INTO central.referrals (
         id, reference, kind, status, anonymous, organisation, organisation_type, referred_at, received_at, under18,
         under18_during_exploitation, age_disputed, date_of_birth, gender, nationality, second_nationality,
         exploitation_types, exploitation_location, exploitation_start, route_system, route_reason, route_conflict,
         route_explanation, case_system, case_record_id, routed_at, person_id, details)
       VALUES ($1, $2, $3, $4, $5, 'Test organisation', $6, $7, COALESCE($8::timestamptz, now()), $9, $10, $11, $12, $13, $14, $15,
               $16, $17, $18, $19, $20, false, 'fixture', $21, $22, $23, $24, '{}'::jsonb)`,
      [
        id,
        `RH-T-${id.slice(0, 8)}-${n}`,
        kind,
        caseSystem === null ? 'accepted' : 'routed',
        row.anonymous ?? kind === 'dtn',
        row.organisationType ?? 'police',
        row.referredAt ?? '2026-05-04T10:00:00Z',
        row.receivedAt ?? null,
        under18,
        row.under18DuringExploitation === undefined ? (under18 === 'no' ? 'no' : null) : row.under18DuringExploitation,
        row.ageDisputed ?? false,
        row.dateOfBirth ?? null,
        row.gender ?? 'female',
        row.nationality ?? 'ALB',
        row.secondNationality ?? null,
        row.exploitationTypes ?? ['sexual'],
        row.exploitationLocation ?? 'uk',
        row.exploitationStart ?? null,
        routeSystem,
        child ? 'under_18' : 'adult',
        caseSystem,
        caseRecordId,
        caseSystem === null ? null : (row.referredAt ?? '2026-05-04T10:00:00Z'),
        row.personId ?? null,
      ],
    );
    return id;
  }

  async referrals(count: number, row: ReferralRow | ((i: number) => ReferralRow) = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await this.referral(typeof row === 'function' ? row(i) : row));
    return ids;
  }

  async person(): Promise<string> {
    const id = randomUUID();
    await this.sql.query(`INSERT INTO central.persons (id) VALUES ($1)`, [id]);
    return id;
  }

  /**
   * Links a referral's case record to a person as the deduplicator does: the case record, its link, and the
   * referral's person_id. A referral not yet routed has no case record; only its person_id is set.
   */
  async link(referralId: string, personId: string, decidedBy: 'engine' | 'reviewer' | 'transfer' | 'anonymous' = 'engine'): Promise<void> {
    const {
      rows: [r],
    } = await this.sql.query(`SELECT case_system, case_record_id, anonymous FROM central.referrals WHERE id = $1`, [referralId]);
    if (r.case_system) await this.linkRecord(r.case_system, r.case_record_id, personId, decidedBy, referralId, r.anonymous);
    await this.sql.query(`UPDATE central.referrals SET person_id = $2 WHERE id = $1`, [referralId, personId]);
  }

  /** A case record (one practitioners entered directly, or a transferred one) linked to a person. */
  async linkRecord(
    system: 'AIS' | 'LCS',
    recordId: string,
    personId: string,
    decidedBy: 'engine' | 'reviewer' | 'transfer' | 'anonymous' = 'engine',
    referralId: string | null = null,
    anonymous = false,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
       VALUES ($1, $2, 1, $3, $4, '{}'::jsonb) ON CONFLICT (system, record_id) DO NOTHING`,
      [system, recordId, referralId, anonymous],
    );
    await this.sql.query(
      `INSERT INTO central.record_links (system, record_id, person_id, match_status, probability, decided_by, record_version)
       VALUES ($1, $2, $3, 'MATCH', 0.99, $4, 1)
       ON CONFLICT (system, record_id) DO UPDATE SET person_id = EXCLUDED.person_id, decided_by = EXCLUDED.decided_by`,
      [system, recordId, personId, decidedBy],
    );
  }

  /**
   * Merges one person into another. By default as the deduplicator does it (links and referrals follow the
   * surviving person); with `repoint: false` only `merged_into` is set, as between its two steps.
   */
  async merge(from: string, into: string, { repoint = true }: { repoint?: boolean } = {}): Promise<void> {
    await this.sql.query(`UPDATE central.persons SET merged_into = $2, updated_at = now() WHERE id = $1`, [from, into]);
    if (!repoint) return;
    await this.sql.query(`UPDATE central.record_links SET person_id = $2 WHERE person_id = $1`, [from, into]);
    await this.sql.query(`UPDATE central.referrals SET person_id = $2 WHERE person_id = $1`, [from, into]);
  }

  /**
   * Moves a referral's case from LCS to AIS as the router does on an 18th birthday or an adult age assessment:
   * a completed transition, the referral pointing at the new AIS record, and that record linked to the same person.
   */
  async transition(
    referralId: string,
    reason: 'eighteenth_birthday' | 'age_assessment_adult' = 'eighteenth_birthday',
    effectiveOn = '2026-06-01',
  ): Promise<string> {
    const {
      rows: [r],
    } = await this.sql.query(`SELECT case_record_id, person_id FROM central.referrals WHERE id = $1`, [referralId]);
    const aisRecord = `AIS-T-${referralId.slice(0, 8)}`;
    await this.sql.query(
      `INSERT INTO central.transitions (id, referral_id, from_system, from_record_id, to_system, to_record_id, reason, effective_on, status, completed_at)
       VALUES ($1, $2, 'LCS', $3, 'AIS', $4, $5, $6, 'completed', now())`,
      [randomUUID(), referralId, r.case_record_id, aisRecord, reason, effectiveOn],
    );
    await this.sql.query(`UPDATE central.referrals SET case_system = 'AIS', case_record_id = $2 WHERE id = $1`, [referralId, aisRecord]);
    if (r.person_id) await this.linkRecord('AIS', aisRecord, r.person_id, 'transfer', referralId);
    return aisRecord;
  }

  async ageAssessment(referralId: string, outcome: 'adult' | 'child', assessedOn = '2026-06-01'): Promise<void> {
    await this.sql.query(`INSERT INTO central.age_assessments (id, referral_id, assessed_on, outcome, authority) VALUES ($1, $2, $3, $4, 'Test Council')`, [
      randomUUID(),
      referralId,
      assessedOn,
      outcome,
    ]);
  }

  async decision(referralId: string, type: DecisionKind, outcome: string | null, decidedOn: string): Promise<void> {
    await this.sql.query(`INSERT INTO central.decisions (id, referral_id, type, outcome, decided_on, recorded_by) VALUES ($1, $2, $3, $4, $5, 'fixture')`, [
      randomUUID(),
      referralId,
      type,
      outcome,
      decidedOn,
    ]);
  }

  /**
   * Re-routes stored referrals between the case systems (AIS ↔ LCS), route and case record alike, as if the other
   * system had held them all along. No statistic except the case-system breakdown may notice.
   */
  async reroute(referralIds: readonly string[]): Promise<void> {
    await this.sql.query(
      `UPDATE central.referrals
          SET route_system = CASE route_system WHEN 'AIS' THEN 'LCS' ELSE 'AIS' END,
              case_system = CASE case_system WHEN 'AIS' THEN 'LCS' WHEN 'LCS' THEN 'AIS' END,
              case_record_id = CASE WHEN case_record_id IS NULL THEN NULL ELSE 'rerouted-' || case_record_id END
        WHERE id = ANY($1::uuid[])`,
      [referralIds],
    );
  }
}

/** A report's published figures as the JSON API answers them (the parts a reader audits). */
export interface PublishedReportFigures {
  referrals: PublishedPopulationFigures;
  individuals: PublishedPopulationFigures;
  quarters: Array<{ label: string; referrals: PublishedCount; individuals: PublishedCount }>;
  decisions: {
    reasonableGrounds: PublishedCrossTab;
    conclusiveGrounds: PublishedCrossTab;
    consentToStay: PublishedCrossTab;
    withdrawals: PublishedBreakdown;
  };
}

export interface PublishedPopulationFigures {
  total: PublishedCount;
  breakdowns: Record<string, PublishedBreakdown>;
  ageGroupByLocation: PublishedCrossTab;
}

export type BoardPopulation = 'adults' | 'children' | 'all';

/**
 * The three boards' reports of one period as a reader holding all of them would read them, built from the JSON
 * alone (not by the app's own code): each report's tables share its total (the age-group and location breakdowns
 * are the cross-tab's margins, so they must equal them and are not read twice), referrals by quarter add up to it,
 * adults + children = all cell by cell for referrals and every decision table, individuals of all are at most
 * adults' + children's (the people in both guarded: they may not be worked out as 1 to 5), and each quarter's
 * individuals at most the period's and together at least them. (Not "individuals ≤ referrals": the app does not
 * protect against it; see linkedPopulationsOf in apps/insights/src/statistics/disclosure.ts.)
 */
export function boardReportsAsLinkedPopulations(reports: Record<BoardPopulation, PublishedReportFigures>): LinkedPopulations<PublishedPopulation> {
  const populations: Record<string, PublishedPopulation> = {};
  const links: PopulationLink[] = [];
  for (const [population, report] of Object.entries(reports) as Array<[BoardPopulation, PublishedReportFigures]>) {
    for (const measure of ['referrals', 'individuals'] as const) {
      const figures = report[measure];
      const { ageGroup, location, ...separate } = figures.breakdowns;
      // Reports come back from jsonb, which orders keys its own way: compare labels and counts.
      const same = (a: PublishedBreakdown, b: PublishedBreakdown): boolean =>
        a.cells.length === b.cells.length && a.cells.every((c, i) => c.label === b.cells[i].label && c.count === b.cells[i].count);
      if (!same(ageGroup, publishedRowBreakdown(figures.ageGroupByLocation))) {
        throw new Error(`${population} ${measure}: the age-group breakdown is not the cross-tab's margin`);
      }
      if (!same(location, publishedColumnBreakdown(figures.ageGroupByLocation))) {
        throw new Error(`${population} ${measure}: the location breakdown is not the cross-tab's margin`);
      }
      const quarterCells = report.quarters.map((q) => ({ label: q.label, count: q[measure] }));
      populations[`${measure}:${population}`] = {
        breakdowns: [...Object.values(separate), ...(measure === 'referrals' ? [{ dimension: 'quarter', total: figures.total, cells: quarterCells }] : [])],
        crossTabs: [figures.ageGroupByLocation],
        ...(measure === 'individuals' ? { overlapping: { dimension: 'quarter', cells: quarterCells } } : {}),
      };
    }
    for (const [kind, table] of Object.entries(report.decisions)) {
      populations[`${kind}:${population}`] = 'cells' in table ? { breakdowns: [table] } : { crossTabs: [table] };
    }
  }
  const across = (family: string, relation: 'partition' | 'cover'): void => {
    links.push({ relation, parts: [`${family}:adults`, `${family}:children`], whole: `${family}:all` });
  };
  across('referrals', 'partition');
  across('individuals', 'cover');
  for (const kind of Object.keys(reports.all.decisions)) across(kind, 'partition');
  return { populations, links };
}

/** The joint audit of the three boards' reports of a period: what a reader holding all three can work out. */
export function auditBoardReports(reports: Record<BoardPopulation, PublishedReportFigures>): DisclosureAudit<LinkedCellRef> {
  return auditLinkedPopulations(boardReportsAsLinkedPopulations(reports));
}
