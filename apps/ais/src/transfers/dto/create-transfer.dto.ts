import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { AisSubjectDto } from '../../concerns/dto/ais-subject.dto';
import { IsAisDate } from '../../http/ais-validators';

export const TRANSFER_REASONS = ['AgeAssessment', 'EighteenthBirthday'] as const;

/** A young person whose case moves from children's services (LCS) to adults'. */
export class CreateTransferDto {
  @ApiProperty({ description: "The children's system record the case was held under" })
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'LcsRecordId must be 1 to 40 letters, digits or hyphens' })
  LcsRecordId: string;

  @ApiPropertyOptional({ description: "The sending system's id for the case (the original referral)" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'ClientReference must be 1 to 64 letters, digits or hyphens' })
  ClientReference?: string;

  @ApiProperty({ enum: TRANSFER_REASONS }) @IsIn(TRANSFER_REASONS) Reason: 'AgeAssessment' | 'EighteenthBirthday';
  @ApiProperty({ example: '05/04/2026' }) @IsAisDate() EffectiveDate: string;
  @ApiProperty({ example: '02/11/2025', description: "When children's services first received the case" }) @IsAisDate() ConcernDate: string;
  @ApiProperty({ type: AisSubjectDto }) @ValidateNested() @Type(() => AisSubjectDto) Subject: AisSubjectDto;
}
