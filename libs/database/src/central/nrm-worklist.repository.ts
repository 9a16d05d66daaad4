import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NrmDecision } from '@app/domain';

/** A referral awaiting its reasonable grounds decision, counted from its submission (else the referral). */
export interface AwaitingReasonableGroundsRow {
  referralId: string;
  reference: string;
  organisation: string;
  referredOn: string;
  submittedOn: string | null;
  countedFrom: string;
}

/** An NRM referral with its decisions, for the worklists the state machine decides. */
export interface OpenCaseRow {
  referralId: string;
  reference: string;
  organisation: string;
  referredOn: string;
  decisions: NrmDecision[];
  supportReferrals: number;
}

const UK_DATE = (column: string) => `((${column} AT TIME ZONE 'Europe/London')::date)`;

/** Reads for the NRM case worklists. Which list a case belongs on is decided by @app/domain, not here. */
@Injectable()
export class NrmWorklistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * NRM referrals still waiting for a reasonable grounds decision (no RG decision, not withdrawn, disqualified,
   * suspended or left at 18), started on or before `startedOnOrBefore`, longest waiting first.
   */
  async awaitingReasonableGrounds(startedOnOrBefore: string, limit: number, offset: number): Promise<{ rows: AwaitingReasonableGroundsRow[]; total: number }> {
    const from = `
      FROM central.referrals r
      LEFT JOIN central.home_office_submissions s ON s.referral_id = r.id
     WHERE r.kind = 'nrm'
       AND NOT EXISTS (SELECT 1 FROM central.decisions d
                        WHERE d.referral_id = r.id
                          AND (d.type IN ('reasonable_grounds', 'withdrawal', 'public_order_disqualification', 'suspension')
                               OR (d.type = 'consent_to_stay' AND d.outcome = 'declined')))
       AND COALESCE(${UK_DATE('s.submitted_at')}, ${UK_DATE('r.referred_at')}) <= $1::date`;
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, [startedOnOrBefore]);
    const rows: AwaitingReasonableGroundsRow[] = await this.dataSource.query(
      `SELECT r.id AS "referralId", r.reference, r.organisation, ${UK_DATE('r.referred_at')}::text AS "referredOn",
              ${UK_DATE('s.submitted_at')}::text AS "submittedOn",
              COALESCE(${UK_DATE('s.submitted_at')}, ${UK_DATE('r.referred_at')})::text AS "countedFrom"
       ${from}
       ORDER BY "countedFrom", r.id
       LIMIT $2 OFFSET $3`,
      [startedOnOrBefore, limit, offset],
    );
    return { rows, total };
  }

  /**
   * NRM referrals that have a decision of one of `types` and have not ended with a positive conclusive grounds
   * decision, a withdrawal or a disqualification, with every decision in the order made.
   */
  async openCasesWith(types: readonly string[]): Promise<OpenCaseRow[]> {
    return this.dataSource.query(
      `SELECT r.id AS "referralId", r.reference, r.organisation, ${UK_DATE('r.referred_at')}::text AS "referredOn",
              (SELECT json_agg(json_build_object('type', d.type, 'outcome', d.outcome, 'decidedOn', d.decided_on::text,
                                                 'competentAuthority', d.competent_authority, 'finding', d.finding)
                               ORDER BY d.decided_on, d.recorded_at)
                 FROM central.decisions d WHERE d.referral_id = r.id) AS decisions,
              (SELECT count(*)::int FROM central.support_referrals sr WHERE sr.referral_id = r.id) AS "supportReferrals"
         FROM central.referrals r
        WHERE r.kind = 'nrm'
          AND EXISTS (SELECT 1 FROM central.decisions d WHERE d.referral_id = r.id AND d.type = ANY($1::text[]))
          AND NOT EXISTS (SELECT 1 FROM central.decisions d WHERE d.referral_id = r.id
                           AND (d.type IN ('withdrawal', 'public_order_disqualification') OR (d.type = 'consent_to_stay' AND d.outcome = 'declined')))
        ORDER BY r.referred_at, r.id`,
      [types],
    );
  }
}
