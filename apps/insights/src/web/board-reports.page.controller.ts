import { Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { PageController, PageRenderer, PageRoles } from '@app/web';
import { shown } from '../formats/charts';
import { BoardReportFiles } from '../board-reports/board-report-files';
import { BoardReportService, readerOf } from '../board-reports/board-report.service';
import { presentReport, presentSummary } from '../board-reports/board-report.presenter';
import { figureChanges } from '../board-reports/report-changes';
import type { Count } from '../statistics/figures';

type PageRequest = Request & { principal: Principal };

const FILES: ReadonlyMap<string, 'pdf' | 'ods' | 'csv'> = new Map([
  ['download.pdf', 'pdf'],
  ['download.ods', 'ods'],
  ['download.csv', 'csv'],
]);

/**
 * Board reports as pages: the list of the reader's reports, each report with every table and its definition, a
 * comparison with the previous revision, and its PDF, ODS and CSV. The same reading rules as the API: a board
 * viewer sees their board's published reports only; a board member their board's restricted and published ones;
 * the safeguarding lead every board's. Every read of a report is audited.
 */
@PageController('board-reports')
@PageRoles('safeguarding_lead', 'board_viewer', 'board_member')
export class BoardReportsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reports: BoardReportService,
    private readonly files: BoardReportFiles,
  ) {}

  @Get()
  async list(@Query('page') rawPage: string | undefined, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const page = Math.min(Math.max(Number.parseInt(rawPage ?? '1', 10) || 1, 1), 1000);
    const reader = readerOf(req.principal);
    const { items, total } = await this.reports.list({ audience: reader.board, tiers: reader.tiers }, page, 50);
    this.pages.render(req, res, 'insights/board-reports.njk', {
      title: 'Board reports',
      reports: items.map(presentSummary),
      total,
      next: page * 50 < total ? page + 1 : undefined,
      previous: page > 1 ? page - 1 : undefined,
    });
  }

  @Get(':id')
  async show(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const view = presentReport(await this.reports.readAudited(id, req.principal, req, 'page'), req.principal.role);
    const pack = this.files.pack(view);
    this.pages.render(req, res, 'insights/board-report.njk', {
      title: pack.title,
      view,
      pack: { ...pack, tables: pack.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, values: r.values.map(shown) })) })) },
      downloads: [...FILES].map(([path, format]) => ({ href: `/board-reports/${view.id}/${path}`, format })),
      compareHref: view.supersedes ? `/board-reports/${view.id}/compare` : undefined,
      backLink: '/board-reports',
    });
  }

  @Get(':id/compare')
  async compare(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const report = await this.reports.readAudited(id, req.principal, req, 'compare');
    const view = presentReport(report, req.principal.role);
    const previous = await this.reports.previous(report, readerOf(req.principal));
    const before = previous ? presentReport(previous, req.principal.role) : undefined;
    const changes = before ? figureChanges(before.statistics, view.statistics) : [];
    const show = (count: Count | null): string => (count === null ? '–' : shown(count));
    this.pages.render(req, res, 'insights/board-report-compare.njk', {
      title: `${view.audience.name}, ${view.period.label}: revision ${view.revision} against revision ${before?.revision ?? '–'}`,
      view,
      before,
      rows: changes.map((c) => ({
        measure: c.measure,
        table: c.table,
        category: [c.category, c.subcategory].filter(Boolean).join(' × '),
        before: show(c.before),
        after: show(c.after),
      })),
      backLink: `/board-reports/${view.id}`,
    });
  }

  @Get(':id/:file')
  async download(@Param('id', UuidParamPipe) id: string, @Param('file') file: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const format = FILES.get(file);
    if (!format) throw new NotFoundException();
    const view = presentReport(await this.reports.readAudited(id, req.principal, req, format), req.principal.role);
    await this.files.send(res, format, view);
  }
}
