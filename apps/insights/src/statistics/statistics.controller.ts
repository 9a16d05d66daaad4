import { Controller, ForbiddenException, Get, Query, Res } from '@nestjs/common';
import { InvalidRequestError } from '@app/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import type { PublishedCount } from '@app/statistics';
import { fileStem, render } from '../formats/render';
import { StatisticsQuery } from './dto/statistics.query';
import { StatisticsResponseDoc } from './dto/statistics.response';
import { resolvePeriod, resolvePublishedPeriod } from './period-query';
import type { StatisticsReport } from './statistics-report';
import { StatisticsService } from './statistics.service';
import { AUDIENCES, readableBoard } from './population';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('v1/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Roles('safeguarding_lead', 'board_viewer')
  @ApiOperation({
    summary: 'Referrals and individuals for a period, with every Home Office breakdown, by quarter, and decisions',
    description:
      'A safeguarding lead gives `period` (2026-04, 2026-Q2, 2026/27) or `from` and `to` (inclusive UK dates) and gets exact ' +
      'figures (or, with figures=disclosure_controlled, what a board would see); a board viewer always gets ' +
      'disclosure-controlled figures: counts of 1 to 5 as "c", with secondary suppression across the tables that share a ' +
      'total and across the populations (adults + children = all), zero as 0. Every breakdown adds up to its total; ' +
      'individuals never exceed referrals. A board viewer whose token names their board (claim `board`) gets that ' +
      'board\'s population only (and by default). Disclosure-controlled figures are for whole published periods only: ' +
      '`period` a calendar quarter (2026-Q4) or a financial year (2026/27), protected together with the other periods ' +
      'of the same financial year; anything else (a month, from/to) is a 400 naming them.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ type: StatisticsResponseDoc })
  @ApiForbiddenResponse({
    description: "Not a safeguarding lead or board viewer, a board viewer asking for exact figures, or for another board's population",
  })
  async get(
    @Query() query: StatisticsQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatisticsReport<number | PublishedCount> | string> {
    const board = readableBoard(principal);
    const population = query.population ?? (board ? AUDIENCES[board].population : 'all');
    if (board && population !== AUDIENCES[board].population) throw new ForbiddenException(`a board viewer of ${board} reads its population only`);
    const exact = (query.figures ?? (principal.role === 'safeguarding_lead' ? 'exact' : 'disclosure_controlled')) === 'exact';
    // Exact figures are for the internal view only; whatever reaches a board member is disclosure-controlled.
    if (exact && principal.role !== 'safeguarding_lead') throw new ForbiddenException('exact figures are for the safeguarding lead');
    // A board's figures are suppressed as a whole; figures of one kind, suppressed apart, could be subtracted from
    // them to work out a "c". So the kind filter is for exact figures only.
    if (query.kind && !exact) throw new InvalidRequestError([{ path: 'kind', message: 'kind is for exact figures only' }]);
    // Exact figures for any span of days stay with the lead; published ones are for whole published periods only.
    const period = exact ? resolvePeriod(query) : resolvePublishedPeriod(query);
    const report = exact
      ? await this.statistics.exact(period, population, query.kind ?? null)
      : (await this.statistics.published(period, population)).report;
    return render(res, query.format, report, report, fileStem('statistics', period.code, population, report.figuresAre));
  }
}
