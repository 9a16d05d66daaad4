import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { StatisticsPopulation } from '@app/domain';
import { FIGURE_KINDS, type FigureKind } from '../statistics/dto/statistics.query';
import { POPULATIONS } from '../statistics/population';

/** The dashboard's choices: a period code (as the API's `period`), the referrals shown, and (leads) which figures. */
export class DashboardQuery {
  @IsOptional() @IsString() @MaxLength(40) period?: string;
  /** Defaults to everyone, or to the board's own population for a board viewer whose token names a board. */
  @IsOptional() @IsIn(POPULATIONS) population?: StatisticsPopulation;
  @IsOptional() @IsIn(FIGURE_KINDS) figures?: FigureKind;
}
