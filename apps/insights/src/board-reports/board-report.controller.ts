import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import type { PublishedCount } from '@app/statistics';
import { fileStem, render } from '../formats/render';
import { resolvePublishedPeriod } from '../statistics/period-query';
import { readableBoard } from '../statistics/population';
import type { StatisticsReport } from '../statistics/statistics-report';
import { BoardReportService } from './board-report.service';
import { BoardReportSummaryView, BoardReportView, presentReport, presentSummary } from './board-report.presenter';
import { BoardReportFormatQuery } from './dto/board-report-format.query';
import { BoardReportDoc } from './dto/board-report.response';
import { GenerateBoardReportDto } from './dto/generate-board-report.dto';
import { ListBoardReportsQuery } from './dto/list-board-reports.query';

@ApiTags('board reports')
@ApiBearerAuth()
@Controller('v1/board-reports')
export class BoardReportController {
  constructor(private readonly reports: BoardReportService) {}

  @Post()
  @Roles('safeguarding_lead', 'admin')
  @ApiOperation({
    summary: 'Generate a board report now',
    description:
      'Stores an immutable, disclosure-controlled snapshot of the period for the board. When published figures changed ' +
      'since the revision that stands (late data, merges), this is the next revision and lists what changed (201); when ' +
      'nothing a board can see changed, the standing revision is answered (200). The three boards\' figures of a period ' +
      'are protected together (adults + children = all, so no "c" can be worked out from another board\'s report), so ' +
      'this also brings the other boards\' reports of the period up to the same joint result, with a new revision ' +
      'only where their figures changed.',
  })
  @ApiCreatedResponse({ description: 'A new revision', type: BoardReportDoc })
  @ApiOkResponse({ description: 'Nothing changed: the standing revision', type: BoardReportDoc })
  async generate(
    @Body() body: GenerateBoardReportDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardReportView & { created: boolean }> {
    // Board reports are published figures: whole published periods only.
    const period = resolvePublishedPeriod({ period: body.period });
    const { report, created } = await this.reports.generate(body.audience, period, 'on_demand', principal.sub);
    res.status(created ? 201 : 200);
    return { ...presentReport(report, principal.role), created };
  }

  @Get()
  @Roles('safeguarding_lead', 'board_viewer')
  @ApiOperation({
    summary: 'Board reports, newest first (without figures)',
    description: 'A board viewer whose token names their board (claim `board`) is listed that board\'s reports only.',
  })
  @ApiForbiddenResponse({ description: 'A board viewer of one board asking for another board\'s reports' })
  async list(
    @Query() query: ListBoardReportsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: BoardReportSummaryView[]; page: number; pageSize: number; total: number }> {
    const board = readableBoard(principal);
    if (board && query.audience && query.audience !== board) throw new ForbiddenException(`a board viewer of ${board} reads its reports only`);
    const { items, total } = await this.reports.list({ audience: board ?? query.audience, periodCode: query.period }, query.page, query.pageSize);
    return { items: items.map(presentSummary), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @Roles('safeguarding_lead', 'board_viewer')
  @ApiOperation({
    summary: 'A board report as JSON, CSV, or a printable HTML report with charts',
    description: 'A board viewer whose token names their board (claim `board`) reads that board\'s reports only; another board\'s is a 404.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: BoardReportDoc })
  @ApiNotFoundResponse({ description: 'No such report, or (to a board viewer of one board) another board\'s' })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: BoardReportFormatQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardReportView | string> {
    const view = presentReport(await this.reports.get(id, readableBoard(principal)), principal.role);
    const statistics: StatisticsReport<PublishedCount> = view.statistics;
    return render(res, query.format, view, statistics, fileStem('board-report', view.audience.code, view.period.code, `r${view.revision}`), {
      audience: view.audience.code,
      audienceName: view.audience.name,
      revision: view.revision,
      generatedAt: view.generatedAt,
      changes: view.changes,
    });
  }
}
