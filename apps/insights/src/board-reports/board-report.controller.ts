import { Body, Controller, ForbiddenException, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import { AuditService } from '@app/audit';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { resolvePublishedPeriod } from '../statistics/period-query';
import { BoardReportFiles } from './board-report-files';
import { BoardReportService, readerOf } from './board-report.service';
import { BoardReportSummaryView, BoardReportView, presentReport, presentSummary } from './board-report.presenter';
import { BoardReportFormatQuery } from './dto/board-report-format.query';
import { BoardReportDoc } from './dto/board-report.response';
import { GenerateBoardReportDto } from './dto/generate-board-report.dto';
import { ListBoardReportsQuery } from './dto/list-board-reports.query';

@ApiTags('board reports')
@ApiBearerAuth()
@Controller('v1/board-reports')
export class BoardReportController {
  constructor(
    private readonly reports: BoardReportService,
    private readonly files: BoardReportFiles,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('safeguarding_lead', 'admin')
  @ApiOperation({
    summary: 'Generate a board report now',
    description:
      'Stores immutable snapshots of the period for the board in both tiers: published (disclosure-controlled) and ' +
      "restricted (exact figures for the board's members, OFFICIAL-SENSITIVE); the answer is the published one. When published figures changed " +
      'since the revision that stands (late data, merges), this is the next revision and lists what changed (201); when ' +
      "nothing a board can see changed, the standing revision is answered (200). The three boards' figures of a period " +
      'are protected together (adults + children = all, so no "c" can be worked out from another board\'s report), so ' +
      "this also brings the other boards' reports of the period up to the same joint result, with a new revision " +
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
  @Roles('safeguarding_lead', 'board_viewer', 'board_member')
  @ApiOperation({
    summary: 'Board reports, newest first (without figures)',
    description:
      "A board viewer or board member (claim `board`) is listed that board's reports only; a board viewer only the " +
      'published tier, a board member both tiers.',
  })
  @ApiForbiddenResponse({ description: "A reader of one board asking for another board's reports" })
  async list(
    @Query() query: ListBoardReportsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: BoardReportSummaryView[]; page: number; pageSize: number; total: number }> {
    const reader = readerOf(principal);
    if (reader.board && query.audience && query.audience !== reader.board) throw new ForbiddenException(`a reader of ${reader.board} reads its reports only`);
    const tiers = query.tier ? reader.tiers.filter((t) => t === query.tier) : reader.tiers;
    const { items, total } = await this.reports.list({ audience: reader.board ?? query.audience, periodCode: query.period, tiers }, query.page, query.pageSize);
    return { items: items.map(presentSummary), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @Roles('safeguarding_lead', 'board_viewer', 'board_member')
  @ApiOperation({
    summary: 'A board report as JSON, CSV, printable HTML, an A4 PDF or an ODS workbook',
    description:
      "A board viewer or board member (claim `board`) reads that board's reports only; another board's is a 404. " +
      'A restricted report (exact figures, OFFICIAL-SENSITIVE) is a 404 to a board viewer. Every read is audited.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html', 'application/pdf', 'application/vnd.oasis.opendocument.spreadsheet')
  @ApiOkResponse({ type: BoardReportDoc })
  @ApiNotFoundResponse({ description: "No such report, or one the reader may not see (another board's, or a restricted one to a board viewer)" })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: BoardReportFormatQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardReportView | undefined> {
    const report = await this.reports.readAudited(id, principal, req, query.format);
    const view = presentReport(report, principal.role);
    if (query.format === 'json') {
      res.setHeader('Cache-Control', 'no-store');
      return view;
    }
    await this.files.send(res, query.format, view);
    return undefined;
  }
}
