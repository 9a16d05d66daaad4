import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { DecisionType } from '@app/database';
import { IsCalendarDate } from '../../referrals/dto/validators';
import { DECISION_TYPES } from '../decision-rules';

export class RecordDecisionDto {
  @ApiProperty({
    enum: DECISION_TYPES,
    description:
      'reasonable_grounds and conclusive_grounds: the Home Office decisions; withdrawal: the person left the NRM; ' +
      'consent_to_stay: the decision at 18 of a person referred as a child, before their conclusive grounds decision',
  })
  @IsIn(DECISION_TYPES)
  type: DecisionType;

  @ApiPropertyOptional({
    enum: ['positive', 'negative', 'consented', 'declined'],
    description: 'positive/negative for grounds decisions, consented/declined for consent_to_stay, none for a withdrawal',
  })
  @IsOptional()
  @IsString()
  outcome?: string;

  @ApiProperty({ example: '2026-06-12', description: 'The date of the decision (the letter), not of recording it' })
  @IsCalendarDate()
  decidedOn: string;
}
