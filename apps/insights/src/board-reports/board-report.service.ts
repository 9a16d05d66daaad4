import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { NotFoundError } from '@app/common';
import { BoardAudience, BoardReportEntity, BoardReportFilter, BoardReportRepository, BoardReportTier, BoardReportTrigger } from '@app/database';
import type { CalendarDate, Period, PublishedCount } from '@app/statistics';
import type { DisclosureSummary } from '../statistics/disclosure';
import type { Count, Figures } from '../statistics/figures';
import { AUDIENCE_CODES, AUDIENCES } from '../statistics/population';
import type { StatisticsReport } from '../statistics/statistics-report';
import { StatisticsService } from '../statistics/statistics.service';
import { figureChanges, ReportChanges } from './report-changes';
import type { ReportCadence } from './report-jobs';
import { lastCompletedPeriod, sameTimeYearBefore } from './reporting-period';
import { NrmCaseStatisticsService } from '../statistics/nrm-case-statistics.service';
import { figuresOf, type RestrictedReport } from './board-pack';

export interface GeneratedReport {
  readonly report: BoardReportEntity;
  /** False when nothing a board can see changed since the revision that stands, which is answered instead. */
  readonly created: boolean;
}

export interface ScheduledRun {
  readonly period: string;
  readonly reports: ReadonlyArray<{ audience: BoardAudience; tier: BoardReportTier; id: string; revision: number; created: boolean }>;
}

/** The marking every page and file of a restricted pack carries (Government Security Classifications). */
export const RESTRICTED_MARKING = 'OFFICIAL-SENSITIVE';

/** Which tiers of a board's reports a reader may see. */
export interface ReportReader {
  /** The one board whose reports the reader may see; undefined for the safeguarding lead (every board). */
  readonly board?: BoardAudience;
  readonly tiers: readonly BoardReportTier[];
}

/**
 * Board reports: immutable snapshots of the statistics of a period for one board, in two tiers. The published
 * tier is disclosure-controlled; the restricted tier holds the exact figures of the same period for that board's
 * members (OFFICIAL-SENSITIVE) and is never served to a published-tier reader. A new revision of a tier is stored
 * only when a figure of that tier changed (late referrals or decisions, merges of duplicate persons), with what
 * changed against the revision before.
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
    private readonly audit: AuditService,
    private readonly nrmCases: NrmCaseStatisticsService,
  ) {}

  /** Generates the period's reports (both tiers) and answers the one for `audience` in `tier`. */
  async generate(
    audience: BoardAudience,
    period: Period,
    trigger: BoardReportTrigger,
    requestedBy: string,
    tier: BoardReportTier = 'published',
  ): Promise<GeneratedReport> {
    return (await this.generateEvery(period, trigger, requestedBy))[tier][audience];
  }

  /** A scheduled run: every audience's report of the period that ended most recently before `asOf`. */
  async generateDue(cadence: ReportCadence, asOf: CalendarDate): Promise<ScheduledRun> {
    const period = lastCompletedPeriod(cadence, asOf);
    const generated = await this.generateEvery(period, 'schedule', `scheduler:${cadence}`);
    return {
      period: period.code,
      reports: (['published', 'restricted'] as const).flatMap((tier) =>
        AUDIENCE_CODES.map((audience) => {
          const { report, created } = generated[tier][audience];
          return { audience, tier, id: report.id, revision: report.revision, created };
        }),
      ),
    };
  }

  /**
   * Reads a report. A reader of one board is told a report of another board does not exist, as a first responder
   * is told of another organisation's referral; a published-tier reader is told the same of a restricted report.
   */
  async get(id: string, reader: ReportReader): Promise<BoardReportEntity> {
    const report = await this.reports.findById(id);
    if (!report || !mayRead(reader, report)) throw new NotFoundError('board report', id);
    return report;
  }

  /**
   * Reads a report for a principal and audits the read (action `board_report.read`, with tier and format). A report
   * the principal may not see is audited as refused and answered as not found.
   */
  async readAudited(id: string, principal: Principal, request: Request, format: string): Promise<BoardReportEntity> {
    const report = await this.reports.findById(id);
    if (!report) throw new NotFoundError('board report', id);
    const subject = { type: 'board_report', id: report.id };
    if (!mayRead(readerOf(principal), report)) {
      await this.audit.refusedOn(principal, 'board_report.read', subject, request, `${report.tier} report of ${report.audience}`);
      throw new NotFoundError('board report', id);
    }
    await this.audit.record(principal, 'board_report.read', subject, {
      request,
      purpose: 'board papers',
      details: { audience: report.audience, tier: report.tier, period: report.periodCode, revision: report.revision, format },
    });
    return report;
  }

  /** The revision a report replaced, if the reader may read it (the same board and tier, so always). */
  async previous(report: BoardReportEntity, reader: ReportReader): Promise<BoardReportEntity | null> {
    if (!report.supersedes) return null;
    const previous = await this.reports.findById(report.supersedes);
    return previous && mayRead(reader, previous) ? previous : null;
  }

  list(filter: BoardReportFilter, page: number, pageSize: number): Promise<{ items: BoardReportEntity[]; total: number }> {
    return this.reports.list(filter, pageSize, (page - 1) * pageSize);
  }

  private async generateEvery(
    period: Period,
    trigger: BoardReportTrigger,
    requestedBy: string,
  ): Promise<Record<BoardReportTier, Record<BoardAudience, GeneratedReport>>> {
    const published = await this.statistics.publishedForEveryPopulation(period);
    const generated = { published: {}, restricted: {} } as Record<BoardReportTier, Record<BoardAudience, GeneratedReport>>;
    for (const audience of AUDIENCE_CODES) {
      const { report, disclosure } = published[AUDIENCES[audience].population];
      generated.published[audience] = await this.store(audience, 'published', period, report, disclosure, trigger, requestedBy);
    }
    // What a board asks for beside the figures, read once: the NRM case figures (decision times, cases waiting,
    // support referrals) of the council's cases, by NrmCaseStatisticsService, whose exact counts go to no
    // published pack.
    const previous = sameTimeYearBefore(period);
    const caseFigures = await this.nrmCases.read(period);
    for (const audience of AUDIENCE_CODES) {
      // The restricted pack: the same period's exact figures of the board's population, under no disclosure control,
      // with the same period a year before beside them.
      const population = AUDIENCES[audience].population;
      const [report, before] = await Promise.all([this.statistics.exact(period, population), this.statistics.exact(previous, population)]);
      const content: RestrictedReport = { ...report, yearBefore: { label: previous.label, figures: figuresOf(before) }, caseFigures };
      generated.restricted[audience] = await this.store(
        audience,
        'restricted',
        period,
        content,
        { marking: RESTRICTED_MARKING, audited: false },
        trigger,
        requestedBy,
      );
    }
    return generated;
  }

  private async store(
    audience: BoardAudience,
    tier: BoardReportTier,
    period: Period,
    report: StatisticsReport<Count>,
    disclosure: DisclosureSummary | { marking: string; audited: false },
    trigger: BoardReportTrigger,
    requestedBy: string,
  ): Promise<GeneratedReport> {
    const sha256 = figuresDigest(report);
    const cutOff = new Date(report.dataCutOff);
    const outcome = await this.reports.addRevision(audience, period.code, tier, (previous) => {
      if (previous && (previous.contentSha256 === sha256 || previous.dataCutOff >= cutOff)) return null;
      return {
        id: randomUUID(),
        audience,
        tier,
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
    this.logger.log({ audience, tier, period: period.code, revision: outcome.report.revision, created: outcome.created }, 'board report generated');
    return outcome;
  }
}

/**
 * What a principal may read: the safeguarding lead every board's reports in both tiers; a board member their
 * board's, both tiers; a board viewer their board's published ones only.
 */
export function readerOf(principal: Principal): ReportReader {
  switch (principal.role) {
    case 'safeguarding_lead':
      return { tiers: ['published', 'restricted'] };
    // Without a board (tokens must carry it) a board's reader reads nothing: never every board's reports.
    case 'board_member':
      return principal.board ? { board: principal.board, tiers: ['published', 'restricted'] } : { tiers: [] };
    case 'board_viewer':
      return principal.board ? { board: principal.board, tiers: ['published'] } : { tiers: [] };
    default:
      return { tiers: [] };
  }
}

/** A reader may see a report of their board (any board, for the lead) in a tier they are admitted to. */
export function mayRead(reader: ReportReader, report: Pick<BoardReportEntity, 'audience' | 'tier'>): boolean {
  return (reader.board === undefined || reader.board === report.audience) && reader.tiers.includes(report.tier);
}

/**
 * The digest of the figures alone: two generations with the same figures are the same report. Transitions count
 * when a report carries them (a change there alone is a new revision); a report without them digests as before.
 */
export function figuresDigest(report: Figures<Count> & { readonly transitions?: unknown }): string {
  const { referrals, individuals, quarters, decisions, transitions } = report;
  return createHash('sha256')
    .update(JSON.stringify({ referrals, individuals, quarters, decisions, ...(transitions ? { transitions } : {}) }))
    .digest('hex');
}

function changesSince(previous: BoardReportEntity, report: StatisticsReport<Count>): ReportChanges {
  return {
    previousRevision: previous.revision,
    previousId: previous.id,
    previousDataCutOff: previous.dataCutOff.toISOString(),
    changed: figureChanges(previous.content as StatisticsReport<PublishedCount>, report),
  };
}
