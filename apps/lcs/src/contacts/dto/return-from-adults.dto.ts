import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsIsoCalendarDate } from '../../http/lcs-validators';

/** A case that went to adults' services coming back (an age assessment found a child): its contact reopened. */
export class ReturnFromAdultsDto {
  @ApiProperty({ example: 'SC-000123', description: "The adults' system record the case comes back from (the one it was transferred to)" })
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'aisRecordId must be 1 to 40 letters, digits or hyphens' })
  aisRecordId: string;

  @ApiProperty({ example: '2026-04-05' }) @IsIsoCalendarDate() effectiveOn: string;

  @ApiPropertyOptional({ example: '2010-05-20', description: 'The date of birth the age assessment found, when it gave one' })
  @IsOptional()
  @IsIsoCalendarDate()
  dateOfBirth?: string;
}
