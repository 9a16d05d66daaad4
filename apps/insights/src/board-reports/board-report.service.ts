import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { NotFoundError } from '@app/common';
import {
  BoardAudience,
  BoardReportEntity,
  BoardReportFilter,
  BoardReportRepository,
  BoardReportTrigger,
} from '@app/database';
import type { CalendarDate, Period, PublishedCount } from '@app/statistics';
import type { DisclosureSummary } from '../statistics/disclosure';
import type { Figures } from '../statistics/figures';
import { AUDIENCE_CODES, AUDIENCES } from '../statistics/population';
import type { StatisticsReport } from '../statistics/statistics-report';
import { StatisticsService } from '../statistics/statistics.service';
import { figureChanges, ReportChanges } from './report-changes';
import type { ReportCadence } from './report-jobs';
import { lastCompletedPeriod } from './reporting-period';

export interface GeneratedReport {
  readonly report: BoardReportEntity;
  /** False when nothing a board can see changed since the revision that stands, which is answered instead. */
  readonly created: boolean;
}

export interface ScheduledRun {
  readonly period: string;
  readonly reports: ReadonlyArray<{ audience: BoardAudience; id: string; revision: number; created: boolean }>;
}

/**
 * Board reports: immutable, disclosure-controlled snapshots of the statistics of a period for one board. A new
 * revision is stored only when a published figure changed (late referrals or decisions, merges of duplicate
 * persons), with what changed against the revision before.
 *
 * The three boards' reports of a period are protected together (their figures are related: adults + children =
 * all), so a generation always computes the joint suppression afresh and brings every board's report of the
 * period up to it, a new revision only where that board's figures changed. The standing revisions of a period
 * therefore always come from one joint result, and no "c" in them can be worked out from the others.
 */
@Injectable()
export class BoardReportService {
  private readonly logger = new Logger(BoardReportService.name);

  constructor(
    private readonly statistics: StatisticsService,
    private readonly reports: BoardReportRepository,
  ) {}

  /** Generates the period's reports and answers the one for `audience`. */
  async generate(audience: BoardAudience, period: Period, trigger: BoardReportTrigger, requestedBy: string): Promise<GeneratedReport> {
    return (await this.generateEvery(period, trigger, requestedBy))[audience];
  }

  /** A scheduled run: every audience's report of the period that ended most recently before `asOf`. */
  async generateDue(cadence: ReportCadence, asOf: CalendarDate): Promise<ScheduledRun> {
    const period = lastCompletedPeriod(cadence, asOf);
    const generated = await this.generateEvery(period, 'schedule', `scheduler:${cadence}`);
    return {
      period: period.code,
      reports: AUDIENCE_CODES.map((audience) => {
        const { report, created } = generated[audience];
        return { audience, id: report.id, revision: report.revision, created };
      }),
    };
  }

  /**
   * Reads a report. A board viewer whose token names their board (`readable`) is told a report of another board
   * does not exist, as a first responder is told of another organisation's referral.
   */
  async get(id: string, readable?: BoardAudience): Promise<BoardReportEntity> {
    const report = await this.reports.findById(id);
    if (!report || (readable !== undefined && report.audience !== readable)) throw new NotFoundError('board report', id);
    return report;
  }

  list(filter: BoardReportFilter, page: number, pageSize: number): Promise<{ items: BoardReportEntity[]; total: number }> {
    return this.reports.list(filter, pageSize, (page - 1) * pageSize);
  }

  private async generateEvery(period: Period, trigger: BoardReportTrigger, requestedBy: string): Promise<Record<BoardAudience, GeneratedReport>> {
    const published = await this.statistics.publishedForEveryPopulation(period);
    const generated = {} as Record<BoardAudience, GeneratedReport>;
    for (const audience of AUDIENCE_CODES) {
      const { report, disclosure } = published[AUDIENCES[audience].population];
      generated[audience] = await this.store(audience, period, report, disclosure, trigger, requestedBy);
    }
    return generated;
  }

  private async store(
    audience: BoardAudience,
    period: Period,
    report: StatisticsReport<PublishedCount>,
    disclosure: DisclosureSummary,
    trigger: BoardReportTrigger,
    requestedBy: string,
  ): Promise<GeneratedReport> {
    const sha256 = figuresDigest(report);
    const cutOff = new Date(report.dataCutOff);
    const outcome = await this.reports.addRevision(audience, period.code, (previous) => {
      if (previous && (previous.contentSha256 === sha256 || previous.dataCutOff >= cutOff)) return null;
      return {
        id: randomUUID(),
        audience,
        periodCode: period.code,
        periodKind: period.kind,
        periodLabel: period.label,
        periodFrom: period.from,
        periodTo: period.to,
        dataCutOff: cutOff,
        generatedAt: new Date(),
        trigger,
        requestedBy,
        content: report,
        contentSha256: sha256,
        changes: previous ? changesSince(previous, report) : null,
        disclosure,
      };
    });
    this.logger.log({ audience, period: period.code, revision: outcome.report.revision, created: outcome.created }, 'board report generated');
    return outcome;
  }
}

/** The digest of the published figures alone: two generations with the same figures are the same report. */
export function figuresDigest(report: Figures<PublishedCount>): string {
  const { referrals, individuals, quarters, decisions } = report;
  return createHash('sha256').update(JSON.stringify({ referrals, individuals, quarters, decisions })).digest('hex');
}

function changesSince(previous: BoardReportEntity, report: StatisticsReport<PublishedCount>): ReportChanges {
  return {
    previousRevision: previous.revision,
    previousId: previous.id,
    previousDataCutOff: previous.dataCutOff.toISOString(),
    changed: figureChanges(previous.content as StatisticsReport<PublishedCount>, report),
  };
}

