import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { StatisticsPopulation } from '@app/domain';
import { POPULATIONS } from '../population';

export const FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const FIGURE_KINDS = ['exact', 'disclosure_controlled'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'First day of the period, YYYY-MM-DD (UK date), with `to`', example: '2026-04-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the period, inclusive, YYYY-MM-DD, with `from`', example: '2026-06-30' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({
    description: 'Instead of from/to: a month "2026-04", a calendar quarter "2026-Q2" or a financial year "2026/27" (April to March)',
    example: '2026-Q2',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;

  @ApiPropertyOptional({
    enum: POPULATIONS,
    description:
      "Which referrals: all (the default), or those of people treated as adults or as children when referred; a board viewer whose token names their board, that board's population (the default for them)",
  })
  @IsOptional()
  @IsIn(POPULATIONS)
  population?: StatisticsPopulation;

  @ApiPropertyOptional({
    enum: FIGURE_KINDS,
    description:
      'exact (safeguarding lead only; their default) or disclosure_controlled (a board viewer always gets these): counts of 1–5 as "c", with secondary suppression',
  })
  @IsOptional()
  @IsIn(FIGURE_KINDS)
  figures?: FigureKind;

  @ApiPropertyOptional({
    enum: ['nrm', 'dtn'],
    description: "Only NRM referrals, or only Duty to Notify notifications (exact figures only: a board's figures are protected whole)",
  })
  @IsOptional()
  @IsIn(['nrm', 'dtn'])
  kind?: 'nrm' | 'dtn';

  @ApiPropertyOptional({ enum: FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FORMATS)
  format: ReportFormat = 'json';
}
