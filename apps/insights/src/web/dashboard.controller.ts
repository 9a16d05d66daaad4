import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { periodContaining } from '@app/statistics';
import { PageController, PageRenderer, PageRoles, PageForbiddenError, validateQuery } from '@app/web';
import { reportCsv } from '../formats/csv';
import { fileStem } from '../formats/render';
import { resolvePeriod, resolvePublishedPeriod } from '../statistics/period-query';
import { AUDIENCES, readableBoard } from '../statistics/population';
import type { StatisticsReport } from '../statistics/statistics-report';
import type { Count } from '../statistics/figures';
import { StatisticsService } from '../statistics/statistics.service';
import { DashboardQuery } from './dashboard.query';
import { dashboardView } from './dashboard.presenter';
import { ukDateOn } from '@app/domain';

type PageRequest = Request & { principal: Principal };

/**
 * The board dashboard. The same rules as GET /v1/statistics: a board member only ever sees disclosure-controlled
 * figures, and only their board's population when their token names a board; a safeguarding lead sees exact
 * figures unless they ask for what a board would see.
 */
@PageController('dashboard')
@PageRoles('safeguarding_lead', 'board_viewer')
export class DashboardController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly statistics: StatisticsService,
  ) {}

  @Get()
  async show(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const { report, query } = await this.read(raw, req.principal);
    const board = readableBoard(req.principal);
    this.pages.render(
      req,
      res,
      'insights/dashboard.njk',
      dashboardView(report, {
        canChooseFigures: req.principal.role === 'safeguarding_lead',
        populations: board ? [AUDIENCES[board].population] : undefined,
        today: ukDateOn(),
        query,
      }),
    );
  }

  @Get('download.csv')
  async download(@Query() raw: Record<string, unknown>, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const { report } = await this.read(raw, req.principal);
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileStem('statistics', report.period.code, report.population.code, report.figuresAre)}.csv"`);
    res.send(reportCsv(report));
  }

  private async read(raw: Record<string, unknown>, principal: Principal): Promise<{ report: StatisticsReport<Count>; query: string }> {
    const query = await validateQuery(DashboardQuery, raw);
    // As GET /v1/statistics: a board viewer whose token names a board sees that board's population only.
    const board = readableBoard(principal);
    const population = query.population ?? (board ? AUDIENCES[board].population : 'all');
    if (board && population !== AUDIENCES[board].population) throw new PageForbiddenError(principal.role);
    const exact = (query.figures ?? (principal.role === 'safeguarding_lead' ? 'exact' : 'disclosure_controlled')) === 'exact';
    // Exact figures are for the internal view only; whatever reaches a board member is disclosure-controlled.
    if (exact && principal.role !== 'safeguarding_lead') throw new PageForbiddenError(principal.role);
    // Published figures only for whole published periods (a quarter or a financial year), as the API.
    const periodQuery = { period: query.period ?? periodContaining(ukDateOn(), 'financial_year').code };
    const period = exact ? resolvePeriod(periodQuery) : resolvePublishedPeriod(periodQuery);
    const report = exact ? await this.statistics.exact(period, population) : (await this.statistics.published(period, population)).report;
    const params = new URLSearchParams({ period: period.code, population, ...(query.figures ? { figures: query.figures } : {}) });
    return { report, query: params.toString() };
  }
}
