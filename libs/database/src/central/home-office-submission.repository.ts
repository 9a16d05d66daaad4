import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { nrmReferenceKey } from '@app/domain';

export type CompetentAuthority = 'SCA' | 'IECA';

export interface HomeOfficeSubmission {
  referralId: string;
  submittedAt: Date;
  reference: string;
  competentAuthority: CompetentAuthority;
  recordedBy: string;
  recordedAt: Date;
}

export interface NotSubmittedRow {
  referralId: string;
  reference: string;
  kind: 'nrm' | 'dtn';
  organisation: string;
  referredAt: Date;
  receivedAt: Date;
  /** The UK day the referral was logged in the hub. */
  loggedOn: string;
}

const SELECT_SUBMISSION = `
  SELECT referral_id AS "referralId", submitted_at AS "submittedAt", reference, competent_authority AS "competentAuthority",
         recorded_by AS "recordedBy", recorded_at AS "recordedAt"
    FROM central.home_office_submissions`;

/** Submissions of hub referrals to the Home Office's own service, as a person records them. */
@Injectable()
export class HomeOfficeSubmissionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The referral's kind and organisation, locked until the transaction ends so two submissions do not race. */
  async lockReferral(manager: EntityManager, referralId: string): Promise<{ organisation: string; referredAt: Date } | null> {
    const rows: Array<{ organisation: string; referredAt: Date }> = await manager.query(
      `SELECT organisation, referred_at AS "referredAt" FROM central.referrals WHERE id = $1 FOR UPDATE`,
      [referralId],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, s: Omit<HomeOfficeSubmission, 'recordedAt'>): Promise<HomeOfficeSubmission> {
    const rows: HomeOfficeSubmission[] = await manager.query(
      `INSERT INTO central.home_office_submissions (referral_id, submitted_at, reference, reference_key, competent_authority, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING referral_id AS "referralId", submitted_at AS "submittedAt", reference, competent_authority AS "competentAuthority",
                 recorded_by AS "recordedBy", recorded_at AS "recordedAt"`,
      [s.referralId, s.submittedAt, s.reference, nrmReferenceKey(s.reference), s.competentAuthority, s.recordedBy],
    );
    return rows[0];
  }

  async forReferral(referralId: string, manager?: EntityManager): Promise<HomeOfficeSubmission | null> {
    const rows: HomeOfficeSubmission[] = await (manager ?? this.dataSource.manager).query(`${SELECT_SUBMISSION} WHERE referral_id = $1`, [referralId]);
    return rows[0] ?? null;
  }

  /**
   * Referrals logged on or before `loggedOnOrBefore` (a UK day) with no submission recorded, oldest first;
   * `organisation` narrows to one organisation's.
   */
  async notSubmitted(
    loggedOnOrBefore: string,
    organisation: string | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: NotSubmittedRow[]; total: number }> {
    const where = `
      FROM central.referrals r
     WHERE NOT EXISTS (SELECT 1 FROM central.home_office_submissions s WHERE s.referral_id = r.id)
       AND r.received_at < (($1::date + 1)::timestamp AT TIME ZONE 'Europe/London')
       AND ($2::text IS NULL OR r.organisation = $2)`;
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total ${where}`, [loggedOnOrBefore, organisation]);
    const rows: NotSubmittedRow[] = await this.dataSource.query(
      `SELECT r.id AS "referralId", r.reference, r.kind, r.organisation, r.referred_at AS "referredAt", r.received_at AS "receivedAt",
              (r.received_at AT TIME ZONE 'Europe/London')::date::text AS "loggedOn"
       ${where}
       ORDER BY r.received_at, r.id
       LIMIT $3 OFFSET $4`,
      [loggedOnOrBefore, organisation, limit, offset],
    );
    return { rows, total };
  }
}
