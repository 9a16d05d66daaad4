import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ChangeFeedQueryDto {
  @ApiPropertyOptional({ description: 'NextCursor of the previous page; omit to read from the beginning' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'Since must be a cursor returned as NextCursor' })
  Since?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  Limit?: number;
}
