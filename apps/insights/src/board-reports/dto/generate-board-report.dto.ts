import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import type { BoardAudience } from '@app/database';
import { AUDIENCE_CODES } from '../../statistics/population';

export class GenerateBoardReportDto {
  @ApiProperty({
    enum: AUDIENCE_CODES,
    description: 'safeguarding_adults_board (adults), safeguarding_children_partnership (children) or community_safety_partnership (all)',
  })
  @IsIn(AUDIENCE_CODES)
  audience: BoardAudience;

  @ApiProperty({
    example: '2026-Q2',
    description: 'A published period: a calendar quarter "2026-Q2" or a financial year "2026/27" (anything else is a 400)',
  })
  @IsString()
  @MaxLength(40)
  period: string;
}
