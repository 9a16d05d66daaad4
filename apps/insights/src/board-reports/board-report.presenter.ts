import type { Role } from '@app/auth';
import type { BoardAudience, BoardReportEntity, BoardReportTier, BoardReportTrigger } from '@app/database';
import type { DisclosureSummary } from '../statistics/disclosure';
import type { Count } from '../statistics/figures';
import { RESTRICTED_MARKING } from './board-report.service';
import { AUDIENCES } from '../statistics/population';
import type { PeriodView, StatisticsReport } from '../statistics/statistics-report';
import type { ReportChanges } from './report-changes';

export interface BoardReportSummaryView {
  id: string;
  audience: { code: BoardAudience; name: string };
  /** published: disclosure-controlled; restricted: exact figures for the board's members. */
  tier: BoardReportTier;
  /** The protective marking of a restricted report, on every page and in every file; null for a published one. */
  marking: string | null;
  period: PeriodView;
  revision: number;
  supersedes: string | null;
  dataCutOff: string;
  generatedAt: string;
  trigger: BoardReportTrigger;
  contentSha256: string;
}

export interface BoardReportView extends BoardReportSummaryView {
  statistics: StatisticsReport<Count>;
  changes: ReportChanges | null;
  /**
   * Published: board readers see the rule and that the audit passed; the safeguarding lead also sees the
   * suppression tally. Restricted: null (exact figures, no disclosure control).
   */
  disclosure: (Pick<DisclosureSummary, 'rule' | 'audited'> & Partial<Pick<DisclosureSummary, 'primary' | 'secondary'>>) | null;
  requestedBy?: string;
}

export function presentSummary(report: BoardReportEntity): BoardReportSummaryView {
  return {
    id: report.id,
    audience: { code: report.audience, name: AUDIENCES[report.audience].name },
    tier: report.tier,
    marking: report.tier === 'restricted' ? RESTRICTED_MARKING : null,
    period: { code: report.periodCode, kind: report.periodKind, label: report.periodLabel, from: report.periodFrom, to: report.periodTo },
    revision: report.revision,
    supersedes: report.supersedes,
    dataCutOff: report.dataCutOff.toISOString(),
    generatedAt: report.generatedAt.toISOString(),
    trigger: report.trigger,
    contentSha256: report.contentSha256,
  };
}

export function presentReport(report: BoardReportEntity, role: Role): BoardReportView {
  const disclosure = report.disclosure as DisclosureSummary;
  const internal = role === 'safeguarding_lead';
  return {
    ...presentSummary(report),
    statistics: report.content as StatisticsReport<Count>,
    changes: (report.changes as ReportChanges | null) ?? null,
    disclosure: report.tier === 'restricted' ? null : internal ? disclosure : { rule: disclosure.rule, audited: disclosure.audited },
    ...(internal ? { requestedBy: report.requestedBy } : {}),
  };
}
