import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { COMPETENT_AUTHORITIES, CONCLUSIVE_FINDINGS, NRM_DECISION_TYPES, type NrmDecisionType } from '@app/domain';
import { IsCalendarDate } from '../../referrals/dto/validators';

export class RecordDecisionDto {
  @ApiProperty({
    enum: NRM_DECISION_TYPES,
    description:
      "reasonable_grounds and conclusive_grounds: the competent authority's decisions; reconsideration_requested: a request to " +
      'reconsider the negative decision just made, answered by a new decision of the same type (positive overturns it, negative ' +
      'upholds it); withdrawal: the person left the NRM; suspension: the case is paused until its next decision; ' +
      'public_order_disqualification: the case ends on public order grounds; consent_to_stay: the decision at 18 of a person ' +
      'referred as a child, before their conclusive grounds decision',
  })
  @IsIn(NRM_DECISION_TYPES)
  type: NrmDecisionType;

  @ApiPropertyOptional({
    enum: ['positive', 'negative', 'consented', 'declined'],
    description: 'positive/negative for grounds decisions, consented/declined for consent_to_stay, none for the other types',
  })
  @IsOptional()
  @IsString()
  outcome?: string;

  @ApiProperty({
    example: '2026-06-12',
    description: 'The date on the decision letter (for a reconsideration request, the day it was made), not of recording it',
  })
  @IsCalendarDate()
  decidedOn: string;

  @ApiPropertyOptional({
    enum: COMPETENT_AUTHORITIES,
    description: 'Who decided: the Single Competent Authority, the Immigration Enforcement Competent Authority, or a devolved decision-making panel',
  })
  @IsOptional()
  @IsString()
  competentAuthority?: string;

  @ApiPropertyOptional({
    enum: CONCLUSIVE_FINDINGS,
    description: 'With a positive conclusive grounds decision: what the person was found to be a victim of, where the letter says',
  })
  @IsOptional()
  @IsString()
  finding?: string;
}
