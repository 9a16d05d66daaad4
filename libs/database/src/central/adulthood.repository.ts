import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem, NrmDecision, RecordedTransitionStep } from '@app/domain';
import { TransitionStepEntity } from './transition-step.entity';

/** A referral that may be a child approaching adulthood, with every fact the rules in @app/domain need. */
export interface AdulthoodCandidateRow {
  referralId: string;
  /** The person the referral is linked to, once the deduplicator has linked its case record. */
  personId: string | null;
  reference: string;
  organisation: string;
  kind: 'nrm' | 'dtn';
  referredOn: string;
  referralDateOfBirth: string | null;
  /** The date of birth children's services' record holds now, as the deduplicator last read it. */
  caseRecordDateOfBirth: string | null;
  caseSystem: CaseSystem | null;
  caseRecordId: string | null;
  /** Where intake routed it: the case system before delivery. */
  routeSystem: CaseSystem;
  assessments: Array<{ assessedOn: string; recordedAt: string; outcome: 'adult' | 'child'; assessedDateOfBirth: string | null }>;
  steps: RecordedTransitionStep[];
  decisions: NrmDecision[];
  adultSupportReferred: boolean;
  /** The day the daily reminder first flagged the birthday as passed with nothing recorded. */
  flaggedOn: string | null;
}

const UK_DATE = (column: string): string => `((${column} AT TIME ZONE 'Europe/London')::date)`;

const FACTS = `
  SELECT r.id AS "referralId", r.person_id AS "personId", r.reference, r.organisation, r.kind, ${UK_DATE('r.referred_at')}::text AS "referredOn",
         r.date_of_birth::text AS "referralDateOfBirth",
         CASE WHEN cr.system = 'LCS' THEN cr.record->>'dateOfBirth' END AS "caseRecordDateOfBirth",
         r.case_system AS "caseSystem", r.case_record_id AS "caseRecordId", r.route_system AS "routeSystem",
         COALESCE((SELECT json_agg(json_build_object('assessedOn', a.assessed_on::text, 'recordedAt', a.recorded_at,
                                                     'outcome', a.outcome, 'assessedDateOfBirth', a.assessed_date_of_birth::text)
                                   ORDER BY a.assessed_on, a.recorded_at)
                     FROM central.age_assessments a WHERE a.referral_id = r.id), '[]') AS assessments,
         COALESCE((SELECT json_agg(json_build_object('step', s.step, 'on', s.step_on::text) ORDER BY s.step_on, s.recorded_at)
                     FROM central.transition_steps s WHERE s.referral_id = r.id), '[]') AS steps,
         COALESCE((SELECT json_agg(json_build_object('type', d.type, 'outcome', d.outcome, 'decidedOn', d.decided_on::text,
                                                     'competentAuthority', d.competent_authority, 'finding', d.finding)
                                   ORDER BY d.decided_on, d.recorded_at)
                     FROM central.decisions d WHERE d.referral_id = r.id), '[]') AS decisions,
         EXISTS (SELECT 1 FROM central.support_referrals sr WHERE sr.referral_id = r.id AND sr.service = 'msvcc') AS "adultSupportReferred",
         ar.flagged_on::text AS "flaggedOn"
    FROM central.referrals r
    LEFT JOIN central.case_records cr ON cr.system = r.case_system AND cr.record_id = r.case_record_id
    LEFT JOIN central.adulthood_reminders ar ON ar.referral_id = r.id`;

/**
 * Reads and writes for turning 18 (docs/transitions.md). Which child is on the worklist, and what is outstanding,
 * is decided by @app/domain (`adulthoodStatus`); this only narrows the candidates.
 */
@Injectable()
export class AdulthoodRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Children with an open modern-slavery episode in children's services: the case is in LCS (or on its way there)
   * and LCS has not closed it, or the lead has begun recording transition steps; not anonymised, and not found
   * an adult by their latest age assessment.
   */
  candidates(): Promise<AdulthoodCandidateRow[]> {
    return this.dataSource.query(
      `${FACTS}
       WHERE r.anonymised_at IS NULL
         AND ((COALESCE(r.case_system, r.route_system) = 'LCS' AND r.status <> 'routing_failed'
               AND (cr.record IS NULL OR cr.system <> 'LCS' OR cr.record->>'status' = 'open'))
              OR EXISTS (SELECT 1 FROM central.transition_steps s WHERE s.referral_id = r.id))
         AND COALESCE((SELECT a.outcome FROM central.age_assessments a WHERE a.referral_id = r.id
                        ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1), 'child') = 'child'`,
    );
  }

  async factsOf(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<AdulthoodCandidateRow | undefined> {
    const rows: AdulthoodCandidateRow[] = await manager.query(`${FACTS} WHERE r.id = $1`, [referralId]);
    return rows[0];
  }

  stepsFor(referralId: string): Promise<TransitionStepEntity[]> {
    return this.dataSource.getRepository(TransitionStepEntity).find({ where: { referralId }, order: { stepOn: 'ASC', recordedAt: 'ASC' } });
  }

  async insertStep(manager: EntityManager, step: Omit<TransitionStepEntity, 'recordedAt'>): Promise<TransitionStepEntity> {
    await manager.insert(TransitionStepEntity, step);
    return manager.findOneByOrFail(TransitionStepEntity, { id: step.id });
  }

  /**
   * Referrals that were, or are, children's services' case (routed to LCS, held there, or moved into or out of it),
   * with every date of birth source: the rules in @app/domain decide who turned 18 in a period. Anonymised
   * referrals have lost their date of birth and are not counted.
   */
  transitionCohort(): Promise<AdulthoodCandidateRow[]> {
    return this.dataSource.query(
      `${FACTS}
       WHERE r.anonymised_at IS NULL
         AND (r.route_system = 'LCS' OR r.case_system = 'LCS'
              OR EXISTS (SELECT 1 FROM central.transitions t WHERE t.referral_id = r.id AND 'LCS' IN (t.from_system, t.to_system)))`,
    );
  }

  /** Moves of a case between the systems that took effect in the period, by reason. */
  movesByReason(from: string, to: string): Promise<Array<{ reason: string; moves: number }>> {
    return this.dataSource.query(
      `SELECT reason, count(*)::int AS moves FROM central.transitions
        WHERE status = 'completed' AND effective_on BETWEEN $1::date AND $2::date
        GROUP BY reason ORDER BY reason`,
      [from, to],
    );
  }

  /** Flags each birthday once; answers the referrals flagged for the first time. */
  async flagReminders(flags: ReadonlyArray<{ referralId: string; eighteenthBirthday: string }>, flaggedOn: string): Promise<string[]> {
    if (flags.length === 0) return [];
    const rows: Array<{ referral_id: string }> = await this.dataSource.query(
      `INSERT INTO central.adulthood_reminders (referral_id, eighteenth_birthday, flagged_on)
       SELECT f.referral_id, f.eighteenth, $3::date
         FROM unnest($1::uuid[], $2::date[]) AS f (referral_id, eighteenth)
       ON CONFLICT (referral_id) DO NOTHING
       RETURNING referral_id`,
      [flags.map((f) => f.referralId), flags.map((f) => f.eighteenthBirthday), flaggedOn],
    );
    return rows.map((r) => r.referral_id);
  }
}
