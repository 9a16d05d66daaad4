import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { type DirectReferralRow, EpisodeRepository } from './episode.repository';

export interface UnlinkedRecordRow {
  system: CaseSystem;
  recordId: string;
  fetchedAt: Date;
}

export interface AgeNotSureRow {
  referralId: string;
  reference: string;
  referredAt: Date;
  caseSystem: CaseSystem | null;
}

export interface DataQualityReading {
  withoutKind: { total: number; items: DirectReferralRow[] };
  windowOrLead: { total: number; items: DirectReferralRow[] };
  unlinked: { total: number; items: UnlinkedRecordRow[] };
  ageNotSure: { total: number; items: AgeNotSureRow[] };
}

/** What the safeguarding lead should look at before the figures are trusted: ids and dates only, no names. */
@Injectable()
export class DataQualityRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly episodes: EpisodeRepository,
  ) {}

  async read(limit: number): Promise<DataQualityReading> {
    const count = async (sql: string): Promise<number> => (await this.dataSource.query<Array<{ n: number }>>(sql))[0].n;
    const [withoutKind, windowOrLead, unlinked, ageNotSure, withoutKindTotal, windowOrLeadTotal, unlinkedTotal, ageNotSureTotal] = await Promise.all([
      this.episodes.withoutKind(limit),
      this.episodes.decidedByWindowOrLead(limit),
      this.dataSource.query<UnlinkedRecordRow[]>(
        `SELECT c.system, c.record_id AS "recordId", c.fetched_at AS "fetchedAt" ${UNLINKED} ORDER BY c.fetched_at, c.system, c.record_id LIMIT $1`,
        [limit],
      ),
      this.dataSource.query<AgeNotSureRow[]>(
        `SELECT r.id AS "referralId", r.reference, r.referred_at AS "referredAt", r.case_system AS "caseSystem" ${AGE_NOT_SURE} ORDER BY r.referred_at, r.id LIMIT $1`,
        [limit],
      ),
      count(`SELECT count(*)::int AS n FROM central.direct_referrals WHERE kind IS NULL`),
      count(`SELECT count(*)::int AS n FROM central.direct_referrals WHERE join_rule = 'window' OR lead_decision IS NOT NULL`),
      count(`SELECT count(*)::int AS n ${UNLINKED}`),
      count(`SELECT count(*)::int AS n ${AGE_NOT_SURE}`),
    ]);
    return {
      withoutKind: { total: withoutKindTotal, items: withoutKind },
      windowOrLead: { total: windowOrLeadTotal, items: windowOrLead },
      unlinked: { total: unlinkedTotal, items: unlinked },
      ageNotSure: { total: ageNotSureTotal, items: ageNotSure },
    };
  }
}

// Identifiable records the deduplicator has not linked to a person (anonymous notifications never are).
const UNLINKED = `
  FROM central.case_records c
 WHERE NOT c.anonymous
   AND NOT EXISTS (SELECT 1 FROM central.record_links l WHERE l.system = c.system AND l.record_id = c.record_id)`;

// "Not sure" whether under 18, and no age assessment recorded since (MSA 2015 s.51: a child until assessed).
const AGE_NOT_SURE = `
  FROM central.referrals r
 WHERE r.under18 = 'not_sure'
   AND NOT EXISTS (SELECT 1 FROM central.age_assessments a WHERE a.referral_id = r.id)`;
