import { Injectable } from '@nestjs/common';
import { NrmWorklistRepository, type OpenCaseRow } from '@app/database';
import {
  countByMonthsWaiting,
  latestOverdueStart,
  monthsBetween,
  nrmCase,
  REASONABLE_GROUNDS_AIM_WORKING_DAYS,
  reasonableGroundsDueOn,
  type NrmStatus,
  ukDateOn,
} from '@app/domain';

export interface WorklistCase {
  referralId: string;
  reference: string;
  organisation: string;
  referredOn: string;
}

export interface Page<T> {
  on: string;
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface OverdueReasonableGrounds extends WorklistCase {
  submittedOn: string | null;
  /** The submission to the Home Office where one is recorded, else the referral. */
  countedFrom: string;
  /** The last day of the 5-working-day aim. */
  dueOn: string;
}

export interface AwaitingConclusiveGrounds extends WorklistCase {
  positiveReasonableGroundsOn: string;
  monthsWaiting: number;
}

export interface ReconsiderationDeadline extends WorklistCase {
  stage: string;
  requestedOn: string;
  dueOn: string;
  overdue: boolean;
}

export interface PositiveWithoutSupport extends WorklistCase {
  positiveReasonableGroundsOn: string;
  nrmStatus: NrmStatus;
}

const RECONSIDERATION_HORIZON_DAYS = 14;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function paged<T>(on: string, all: T[], page: number, pageSize: number): Page<T> {
  return { on, total: all.length, page, pageSize, items: all.slice((page - 1) * pageSize, page * pageSize) };
}

function caseOf(row: OpenCaseRow): WorklistCase {
  return { referralId: row.referralId, reference: row.reference, organisation: row.organisation, referredOn: row.referredOn };
}

/** The date of the positive reasonable grounds decision in effect (the latest one), if any. */
function positiveReasonableGroundsOn(row: OpenCaseRow): string | undefined {
  const rgs = row.decisions.filter((d) => d.type === 'reasonable_grounds');
  const last = rgs.at(-1);
  return last?.outcome === 'positive' ? last.decidedOn : undefined;
}

/**
 * The lead's worklists of NRM cases, drawn up for a day: which list a case is on is the domain's state machine
 * and working-day rules; the repository only narrows the candidates.
 */
@Injectable()
export class NrmWorklistService {
  constructor(private readonly worklists: NrmWorklistRepository) {}

  async reasonableGroundsOverdue(on = ukDateOn(), page = 1, pageSize = 50): Promise<Page<OverdueReasonableGrounds> & { aimWorkingDays: number }> {
    const { rows, total } = await this.worklists.awaitingReasonableGrounds(latestOverdueStart(on), pageSize, (page - 1) * pageSize);
    return {
      on,
      aimWorkingDays: REASONABLE_GROUNDS_AIM_WORKING_DAYS,
      total,
      page,
      pageSize,
      items: rows.map((row) => ({ ...row, dueOn: reasonableGroundsDueOn(row.countedFrom) })),
    };
  }

  async awaitingConclusiveGrounds(
    on = ukDateOn(),
    page = 1,
    pageSize = 50,
  ): Promise<Page<AwaitingConclusiveGrounds> & { byMonthsWaiting: Array<{ label: string; count: number }> }> {
    const rows = await this.worklists.openCasesWith(['reasonable_grounds']);
    const waiting = rows
      .flatMap((row) => {
        // Awaiting conclusive grounds is where a positive reasonable grounds decision stands.
        const since = positiveReasonableGroundsOn(row);
        if (since === undefined || nrmCase('nrm', row.decisions).status !== 'awaiting_conclusive_grounds') return [];
        return [{ ...caseOf(row), positiveReasonableGroundsOn: since, monthsWaiting: monthsBetween(since, on) }];
      })
      .sort((a, b) => b.monthsWaiting - a.monthsWaiting || a.positiveReasonableGroundsOn.localeCompare(b.positiveReasonableGroundsOn));
    const byMonthsWaiting = countByMonthsWaiting(waiting.map((w) => w.monthsWaiting));
    return { ...paged(on, waiting, page, pageSize), byMonthsWaiting };
  }

  async reconsiderationDeadlines(on = ukDateOn(), page = 1, pageSize = 50): Promise<Page<ReconsiderationDeadline> & { until: string }> {
    const until = addDays(on, RECONSIDERATION_HORIZON_DAYS);
    const rows = await this.worklists.openCasesWith(['reconsideration_requested']);
    const due = rows
      .flatMap((row) => {
        const pending = nrmCase('nrm', row.decisions).reconsideration;
        return pending && pending.dueOn <= until ? [{ ...caseOf(row), ...pending, overdue: pending.dueOn < on }] : [];
      })
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    return { ...paged(on, due, page, pageSize), until };
  }

  async positiveWithoutSupport(on = ukDateOn(), page = 1, pageSize = 50): Promise<Page<PositiveWithoutSupport>> {
    const rows = await this.worklists.openCasesWith(['reasonable_grounds']);
    const unsupported = rows.flatMap((row) => {
      const status = nrmCase('nrm', row.decisions).status;
      const since = positiveReasonableGroundsOn(row);
      const inEffect = since !== undefined && since <= on && status !== 'withdrawn' && status !== 'public_order_disqualification';
      return inEffect && row.supportReferrals === 0 ? [{ ...caseOf(row), positiveReasonableGroundsOn: since, nrmStatus: status }] : [];
    });
    return paged(on, unsupported, page, pageSize);
  }
}
