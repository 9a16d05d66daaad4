import type { Role } from '@app/auth';
import type { BoardAudience, BoardReportEntity, BoardReportTrigger } from '@app/database';
import type { PublishedCount } from '@app/statistics';
import type { DisclosureSummary } from '../statistics/disclosure';
import { AUDIENCES } from '../statistics/population';
import type { PeriodView, StatisticsReport } from '../statistics/statistics-report';
import type { ReportChanges } from './report-changes';

export interface BoardReportSummaryView {
  id: string;
  audience: { code: BoardAudience; name: string };
  period: PeriodView;
  revision: number;
  supersedes: string | null;
  dataCutOff: string;
  generatedAt: string;
  trigger: BoardReportTrigger;
  contentSha256: string;
}

export interface BoardReportView extends BoardReportSummaryView {
  statistics: StatisticsReport<PublishedCount>;
  changes: ReportChanges | null;
  /** Board viewers see the rule and that the audit passed; the safeguarding lead also sees the suppression tally. */
  disclosure: Pick<DisclosureSummary, 'rule' | 'audited'> & Partial<Pick<DisclosureSummary, 'primary' | 'secondary'>>;
  requestedBy?: string;
}

export function presentSummary(report: BoardReportEntity): BoardReportSummaryView {
  return {
    id: report.id,
    audience: { code: report.audience, name: AUDIENCES[report.audience].name },
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
    statistics: report.content as StatisticsReport<PublishedCount>,
    changes: (report.changes as ReportChanges | null) ?? null,
    disclosure: internal ? disclosure : { rule: disclosure.rule, audited: disclosure.audited },
    ...(internal ? { requestedBy: report.requestedBy } : {}),
  };
}
