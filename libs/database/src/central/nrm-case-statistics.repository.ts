import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface MedianDays {
  /** Median days, or null when no decision of the kind was made in the period. */
  median: number | null;
  decisions: number;
}

const REFERRED_ON = `((r.referred_at AT TIME ZONE 'Europe/London')::date)`;

/** The NRM case figures the lead reports beside the referral statistics: how long decisions take, support made. */
@Injectable()
export class NrmCaseStatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Days from the referral to its first reasonable grounds decision, over first decisions made in the period. */
  async referralToReasonableGrounds(from: string, to: string): Promise<MedianDays> {
    const [row] = await this.dataSource.query<Array<{ median: number | null; decisions: number }>>(
      `WITH first_rg AS (
         SELECT DISTINCT ON (d.referral_id) d.referral_id, d.decided_on FROM central.decisions d
          WHERE d.type = 'reasonable_grounds' ORDER BY d.referral_id, d.decided_on, d.recorded_at)
       SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f.decided_on - ${REFERRED_ON}) AS median, count(*)::int AS decisions
         FROM first_rg f JOIN central.referrals r ON r.id = f.referral_id
        WHERE f.decided_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    return { median: row.median, decisions: row.decisions };
  }

  /** Days from the positive reasonable grounds decision in effect to the first conclusive grounds decision. */
  async reasonableToConclusiveGrounds(from: string, to: string): Promise<MedianDays> {
    const [row] = await this.dataSource.query<Array<{ median: number | null; decisions: number }>>(
      `WITH first_cg AS (
         SELECT DISTINCT ON (d.referral_id) d.referral_id, d.decided_on FROM central.decisions d
          WHERE d.type = 'conclusive_grounds' ORDER BY d.referral_id, d.decided_on, d.recorded_at)
       SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.decided_on - rg.decided_on) AS median, count(*)::int AS decisions
         FROM first_cg c
        CROSS JOIN LATERAL (SELECT d.decided_on FROM central.decisions d
                             WHERE d.referral_id = c.referral_id AND d.type = 'reasonable_grounds' AND d.outcome = 'positive' AND d.decided_on <= c.decided_on
                             ORDER BY d.decided_on DESC, d.recorded_at DESC LIMIT 1) rg
        WHERE c.decided_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    return { median: row.median, decisions: row.decisions };
  }

  /**
   * Whole months each NRM referral has waited for its reasonable grounds decision on `on` (referred by then, no RG
   * decision, withdrawal, suspension, disqualification or leaving at 18 made by then).
   */
  async monthsAwaitingReasonableGrounds(on: string): Promise<number[]> {
    const rows: Array<{ months: number; n: number }> = await this.dataSource.query(
      `SELECT (extract(year FROM age($1::date, ${REFERRED_ON})) * 12 + extract(month FROM age($1::date, ${REFERRED_ON})))::int AS months, count(*)::int AS n
         FROM central.referrals r
        WHERE r.kind = 'nrm' AND ${REFERRED_ON} <= $1::date
          AND NOT EXISTS (SELECT 1 FROM central.decisions d WHERE d.referral_id = r.id AND d.decided_on <= $1::date
                           AND (d.type IN ('reasonable_grounds', 'withdrawal', 'public_order_disqualification', 'suspension')
                                OR (d.type = 'consent_to_stay' AND d.outcome = 'declined')))
        GROUP BY 1`,
      [on],
    );
    return rows.flatMap((r) => Array<number>(r.n).fill(r.months));
  }

  /** Referrals to support services made in the period, by service. */
  async supportReferrals(from: string, to: string): Promise<Array<{ service: string; referrals: number }>> {
    return this.dataSource.query(
      `SELECT service, count(*)::int AS referrals FROM central.support_referrals WHERE referred_on BETWEEN $1::date AND $2::date GROUP BY service ORDER BY service`,
      [from, to],
    );
  }
}
