import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListReviewsQuery {
  @ApiPropertyOptional({ enum: ['open', 'decided', 'superseded'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'decided', 'superseded'])
  status: 'open' | 'decided' | 'superseded' = 'open';
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000, { message: 'page must not be greater than 100000' })
  page = 1;
  @ApiPropertyOptional({ default: 25 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 25;
}
