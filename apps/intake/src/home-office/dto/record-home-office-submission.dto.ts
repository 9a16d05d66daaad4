import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsISO8601, Matches } from 'class-validator';
import type { CompetentAuthority } from '@app/database';

export const COMPETENT_AUTHORITIES = ['SCA', 'IECA'] as const;

/** A person's record that the referral was also submitted through the Home Office's own service. */
export class RecordHomeOfficeSubmissionDto {
  @ApiProperty({ example: '2026-12-03T10:15:00Z', description: 'When it was submitted to the Home Office (ISO date-time, or a date); not in the future' })
  @IsDefined({ message: 'submittedAt is required' })
  @IsISO8601({ strict: true }, { message: 'submittedAt must be an ISO 8601 date-time or date' })
  submittedAt: string;

  @ApiProperty({ example: 'NRM-2026-004512', description: 'The reference the Home Office gave the referral' })
  @IsDefined({ message: 'reference is required' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /-]{0,39}$/, { message: 'reference must be 1 to 40 letters, digits, spaces, hyphens or slashes' })
  reference: string;

  @ApiProperty({
    enum: COMPETENT_AUTHORITIES,
    description: 'The competent authority deciding it: the Single Competent Authority, or the Immigration Enforcement Competent Authority',
  })
  @IsDefined({ message: 'competentAuthority is required' })
  @IsIn(COMPETENT_AUTHORITIES, { message: 'competentAuthority must be SCA or IECA' })
  competentAuthority: CompetentAuthority;
}
