import { Controller, ForbiddenException, Get, Query, Req, Res } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvalidRequestError } from '@app/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import type { PublishedCount } from '@app/statistics';
import { fileStem, render } from '../formats/render';
import { StatisticsQuery } from './dto/statistics.query';
import { StatisticsResponseDoc } from './dto/statistics.response';
import { resolvePeriod, resolvePublishedPeriod } from './period-query';
import type { StatisticsReport } from './statistics-report';
import { StatisticsService } from './statistics.service';
import { AUDIENCES, readableBoard, readsExactFigures } from './population';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('v1/statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('safeguarding_lead', 'board_viewer', 'board_member')
  @ApiOperation({
    summary: 'Referrals and individuals for a period, with every Home Office breakdown, by quarter, and decisions',
    description:
      'A safeguarding lead gives `period` (2026-04, 2026-Q2, 2026/27) or `from` and `to` (inclusive UK dates) and gets exact ' +
      'figures (or, with figures=disclosure_controlled, what a board would see). A board member (role board_member, claim ' +
      "`board`) gets exact figures of their board's population only (the restricted tier), every read audited. A board viewer always gets " +
      'disclosure-controlled figures: counts of 1 to 5 as "c", with secondary suppression across the tables that share a ' +
      'total and across the populations (adults + children = all), zero as 0. Every breakdown adds up to its total; ' +
      'individuals never exceed referrals. A board viewer whose token names their board (claim `board`) gets that ' +
      "board's population only (and by default). Disclosure-controlled figures are for whole published periods only: " +
      '`period` a calendar quarter (2026-Q4) or a financial year (2026/27), protected together with the other periods ' +
      'of the same financial year; anything else (a month, from/to) is a 400 naming them.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: StatisticsResponseDoc })
  @ApiForbiddenResponse({
    description:
      "Not a safeguarding lead, board member or board viewer, a board viewer asking for exact figures, or a board's reader asking for another board's population",
  })
  async get(
    @Query() query: StatisticsQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatisticsReport<number | PublishedCount> | string> {
    const board = readableBoard(principal);
    const population = query.population ?? (board ? AUDIENCES[board].population : 'all');
    if (board && population !== AUDIENCES[board].population) throw new ForbiddenException(`a reader of ${board} reads its population only`);
    const exact = (query.figures ?? (readsExactFigures(principal) ? 'exact' : 'disclosure_controlled')) === 'exact';
    // Exact figures are for the safeguarding lead and, for their own board's population, a board member; a board
    // viewer (the published tier) only ever gets disclosure-controlled figures.
    if (exact && !readsExactFigures(principal)) throw new ForbiddenException('exact figures are for the safeguarding lead and board members');
    // A board's figures are suppressed as a whole; figures of one kind, suppressed apart, could be subtracted from
    // them to work out a "c". So the kind filter is for exact figures only.
    if (query.kind && !exact) throw new InvalidRequestError([{ path: 'kind', message: 'kind is for exact figures only' }]);
    // Exact figures for any span of days stay with the lead; published ones are for whole published periods only.
    const period = exact ? resolvePeriod(query) : resolvePublishedPeriod(query);
    const report = exact ? await this.statistics.exact(period, population, query.kind ?? null) : (await this.statistics.published(period, population)).report;
    // A board member's reads of exact figures are restricted data shared under the board's agreement: each one is
    // audited (the lead's exact reads too).
    if (exact) {
      await this.audit.record(principal, 'statistics.read', null, {
        request: req,
        purpose: 'board figures',
        details: { period: period.code, population, figuresAre: 'exact', kind: query.kind ?? null },
      });
    }
    return render(res, query.format, report, report, fileStem('statistics', period.code, population, report.figuresAre));
  }
}
