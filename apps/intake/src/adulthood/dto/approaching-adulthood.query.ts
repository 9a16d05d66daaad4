import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { WorklistQuery } from '../../worklists/dto/worklist.query';

export class ApproachingAdulthoodQuery extends WorklistQuery {
  @ApiPropertyOptional({ example: 6, description: 'How many months ahead to look for 18th birthdays (default: ADULTHOOD_HORIZON_MONTHS)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  horizonMonths?: number;
}
