import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { IsIsoCalendarDate } from '../../http/lcs-validators';

export const TRANSFER_REASONS = ['age_assessment_adult', 'eighteenth_birthday'] as const;

export class TransferToAdultsDto {
  @ApiProperty({ example: 'SC-000123', description: "The adults' system record that now holds the case" })
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'aisRecordId must be 1 to 40 letters, digits or hyphens' })
  aisRecordId: string;

  @ApiProperty({ enum: TRANSFER_REASONS }) @IsIn(TRANSFER_REASONS) reason: 'age_assessment_adult' | 'eighteenth_birthday';
  @ApiProperty({ example: '2026-04-05' }) @IsIsoCalendarDate() effectiveOn: string;
}
