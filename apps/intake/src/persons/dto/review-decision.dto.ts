import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['match', 'not_a_match'] }) @IsIn(['match', 'not_a_match']) decision: 'match' | 'not_a_match';
  @ApiPropertyOptional({ description: 'Why, for the link history (no personal details)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
