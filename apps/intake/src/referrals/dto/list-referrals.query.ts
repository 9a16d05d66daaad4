import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from './validators';

/** The highest page number the list takes: past it, a request is refused (the pages send it to the first). */
export const MAX_LIST_PAGE = 100_000;

export class ListReferralsQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIST_PAGE, { message: `page must not be greater than ${String(MAX_LIST_PAGE)}` })
  page = 1;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string;
  @ApiPropertyOptional({ enum: ['nrm', 'dtn'] }) @IsOptional() @IsIn(['nrm', 'dtn']) kind?: 'nrm' | 'dtn';
  @ApiPropertyOptional({ enum: ['accepted', 'routed', 'routing_failed'] })
  @IsOptional()
  @IsIn(['accepted', 'routed', 'routing_failed'])
  status?: 'accepted' | 'routed' | 'routing_failed';
  @ApiPropertyOptional({ enum: ['AIS', 'LCS'] }) @IsOptional() @IsIn(['AIS', 'LCS']) caseSystem?: 'AIS' | 'LCS';
  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ description: 'Referred on or after (YYYY-MM-DD)' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Referred on or before (YYYY-MM-DD)' }) @IsOptional() @IsCalendarDate() to?: string;
}
