import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { BoardAudience } from '@app/database';
import { AUDIENCE_CODES } from '../../statistics/population';

export class ListBoardReportsQuery {
  @ApiPropertyOptional({ enum: AUDIENCE_CODES }) @IsOptional() @IsIn(AUDIENCE_CODES) audience?: BoardAudience;
  @ApiPropertyOptional({ example: '2026-Q2', description: 'Period code, as the reports carry it' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;
  @ApiPropertyOptional({ enum: ['published', 'restricted'], description: 'Only one tier (a board viewer only ever sees published ones)' })
  @IsOptional()
  @IsIn(['published', 'restricted'])
  tier?: 'published' | 'restricted';
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000, { message: 'page must not be greater than 100000' })
  page = 1;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}
