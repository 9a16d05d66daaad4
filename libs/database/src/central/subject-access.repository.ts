import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Everything held centrally about one person, for a subject access request (UK GDPR Art. 15): the person, their
 * case records as linked, their referrals as received and those the case systems recorded themselves, age
 * assessments, transitions and their steps, decisions, the Home Office submission, their circumstances, support
 * referrals and children's services prompts, the link history and reviews, and who has read or changed any of it.
 * `test/subject-access.int-spec.ts` checks that every central table about a referral or a person is here.
 */
@Injectable()
export class SubjectAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async collect(personId: string): Promise<Record<string, unknown[]>> {
    const q = <T = Record<string, unknown>>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const referrals = await q<{ id: string }>(`SELECT * FROM central.referrals WHERE person_id = $1 ORDER BY referred_at`, [personId]);
    const referralIds = referrals.map((r) => r.id);
    const [caseRecords, links, history, reviews, nonMatches, assessments, transitions, decisions, audit] = await Promise.all([
      q(
        `SELECT c.* FROM central.case_records c JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id
          WHERE l.person_id = $1 ORDER BY c.system, c.record_id`,
        [personId],
      ),
      q(`SELECT * FROM central.record_links WHERE person_id = $1 ORDER BY system, record_id`, [personId]),
      q(`SELECT * FROM central.link_history WHERE person_after = $1 OR person_before = $1 ORDER BY id`, [personId]),
      q(
        `SELECT r.* FROM central.review_items r
          WHERE r.candidate_person_id = $1
             OR (r.system, r.record_id) IN (SELECT system, record_id FROM central.record_links WHERE person_id = $1)
          ORDER BY r.created_at`,
        [personId],
      ),
      q(`SELECT * FROM central.non_matches WHERE person_id = $1`, [personId]),
      q(`SELECT * FROM central.age_assessments WHERE referral_id = ANY($1::uuid[]) ORDER BY recorded_at`, [referralIds]),
      q(`SELECT * FROM central.transitions WHERE referral_id = ANY($1::uuid[]) ORDER BY recorded_at`, [referralIds]),
      q(`SELECT * FROM central.decisions WHERE referral_id = ANY($1::uuid[]) ORDER BY 1`, [referralIds]),
      q(
        `SELECT * FROM central.audit_events
          WHERE (subject_type = 'person' AND subject_id = $1::text)
             OR (subject_type = 'referral' AND subject_id = ANY($2::text[]))
             OR (subject_type = 'case_record' AND subject_id IN (SELECT system || ':' || record_id FROM central.record_links WHERE person_id = $1::uuid))
          ORDER BY id`,
        [personId, referralIds],
      ),
    ]);
    const byReferral = (table: string, order: string) =>
      q(`SELECT * FROM central.${table} WHERE referral_id = ANY($1::uuid[]) ORDER BY ${order}`, [referralIds]);
    const [circumstances, supportReferrals, childrenPrompts, homeOfficeSubmissions, transitionSteps, adulthoodReminders, directReferrals] = await Promise.all([
      byReferral('referral_circumstances', 'updated_at'),
      byReferral('support_referrals', 'recorded_at'),
      byReferral('children_prompts', 'raised_at'),
      byReferral('home_office_submissions', 'recorded_at'),
      byReferral('transition_steps', 'recorded_at'),
      byReferral('adulthood_reminders', 'flagged_at'),
      // Referrals a case system recorded itself (not sent through intake), as the statistics read them.
      q(
        `SELECT d.* FROM central.direct_referrals d JOIN central.record_links l ON l.system = d.system AND l.record_id = d.record_id
          WHERE l.person_id = $1 ORDER BY d.referred_on, d.system, d.record_id`,
        [personId],
      ),
    ]);
    return {
      referrals,
      directReferrals,
      caseRecords,
      links,
      history,
      reviews,
      nonMatches,
      assessments,
      transitions,
      transitionSteps,
      adulthoodReminders,
      decisions,
      homeOfficeSubmissions,
      circumstances,
      supportReferrals,
      childrenPrompts,
      audit,
    };
  }
}
