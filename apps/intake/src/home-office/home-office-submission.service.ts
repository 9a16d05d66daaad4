import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { ConflictError, InvalidRequestError, NotFoundError } from '@app/common';
import type { Environment } from '@app/config';
import { EpisodeRepository, HomeOfficeSubmissionRepository } from '@app/database';
import { addWorkingDays, nrmReferenceKey, ukDateOn } from '@app/domain';
import type { RecordHomeOfficeSubmissionDto } from './dto/record-home-office-submission.dto';
import { HomeOfficeSubmissionView, NotSubmittedView, presentNotSubmitted, presentSubmission } from './home-office-submission.presenter';

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The latest day a referral may have been logged and be overdue today: its due day (`workingDays` working days
 * after it was logged) is today or earlier.
 */
export function latestOverdueLoggedOn(today: string, workingDays: number): string {
  let day = today;
  while (addWorkingDays(day, workingDays) > today) day = previousDay(day);
  return day;
}

/**
 * Whether a submission's date is after now. A date alone is a UK calendar day, compared with today's in the UK: read
 * as UTC midnight it would refuse today between midnight and 1am in British Summer Time, and take tomorrow in the
 * last minute of a winter day. A date-time is an instant, a minute allowed for the clocks of two machines.
 */
export function submittedInFuture(submittedAt: string, now: Date): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(submittedAt)) return submittedAt > ukDateOn(now);
  return new Date(submittedAt).getTime() > now.getTime() + 60_000;
}

export interface NotSubmittedPage {
  items: NotSubmittedView[];
  total: number;
  page: number;
  pageSize: number;
  /** Working days after logging before a referral is listed. */
  afterWorkingDays: number;
}

/**
 * The Home Office step. Referral Hub logs a referral for the council; the first responder must still submit it
 * through the Home Office's own service (which offers no interface to send it). Whoever did records the
 * submission here, with the Home Office's reference.
 */
@Injectable()
export class HomeOfficeSubmissionService {
  constructor(
    private readonly submissions: HomeOfficeSubmissionRepository,
    private readonly episodes: EpisodeRepository,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Records the submission, its audit row and any episode it now joins in one transaction. The same submission
   * again answers the first; a different one is 409 (a submission is recorded once).
   */
  async record(
    referralId: string,
    dto: RecordHomeOfficeSubmissionDto,
    principal: Principal,
    now = new Date(),
  ): Promise<{ view: HomeOfficeSubmissionView; created: boolean }> {
    const submittedAt = new Date(dto.submittedAt);
    if (Number.isNaN(submittedAt.getTime()))
      throw new InvalidRequestError([{ path: 'submittedAt', message: 'submittedAt must be an ISO 8601 date-time or date' }]);
    if (submittedInFuture(dto.submittedAt, now)) throw new InvalidRequestError([{ path: 'submittedAt', message: 'submittedAt must not be in the future' }]);
    const reference = dto.reference.trim();
    if (!nrmReferenceKey(reference)) throw new InvalidRequestError([{ path: 'reference', message: 'reference must hold letters or digits' }]);
    const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
    return this.submissions.transaction(async (manager) => {
      const referral = await this.submissions.lockReferral(manager, referralId);
      if (!referral || (principal.role === 'first_responder' && referral.organisation !== principal.org)) throw new NotFoundError('referral', referralId);
      const existing = await this.submissions.forReferral(referralId, manager);
      if (existing) {
        const same =
          new Date(existing.submittedAt).getTime() === submittedAt.getTime() &&
          existing.reference === reference &&
          existing.competentAuthority === dto.competentAuthority;
        if (!same) throw new ConflictError(`a submission to the Home Office is already recorded for referral ${referralId}`, 'already_submitted');
        return { view: presentSubmission(existing), created: false };
      }
      const saved = await this.submissions.insert(manager, {
        referralId,
        submittedAt,
        reference,
        competentAuthority: dto.competentAuthority,
        recordedBy: principal.sub,
      });
      await this.audit.record(
        principal,
        'referral.home_office_submission',
        { type: 'referral', id: referralId },
        {
          manager,
          details: { competentAuthority: dto.competentAuthority },
        },
      );
      // A practitioner may have typed the same referral into a case system with this reference already.
      await this.episodes.reconsiderReference(manager, reference, rules);
      return { view: presentSubmission(saved), created: true };
    });
  }

  async forReferral(referralId: string): Promise<HomeOfficeSubmissionView | null> {
    return presentSubmission(await this.submissions.forReferral(referralId));
  }

  /** Referrals logged and not submitted after the configured working days, oldest first. */
  async notSubmitted(principal: Principal, page: number, pageSize: number, today = ukDateOn()): Promise<NotSubmittedPage> {
    const workingDays = this.config.get('HOME_OFFICE_SUBMISSION_WORKING_DAYS', { infer: true });
    const organisation = principal.role === 'first_responder' ? (principal.org ?? '') : null;
    const { rows, total } = await this.submissions.notSubmitted(latestOverdueLoggedOn(today, workingDays), organisation, pageSize, (page - 1) * pageSize);
    return {
      items: rows.map((row) => presentNotSubmitted(row, addWorkingDays(row.loggedOn, workingDays))),
      total,
      page,
      pageSize,
      afterWorkingDays: workingDays,
    };
  }
}
