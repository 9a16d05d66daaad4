import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** The episode a direct entry joins: a hub referral's, or another direct entry's. */
export class JoinEpisodeDto {
  @ApiPropertyOptional({ description: 'The hub referral whose episode the entry joins' })
  @IsOptional()
  @IsUUID('all', { message: 'referralId must be a referral id' })
  referralId?: string;

  @ApiPropertyOptional({ enum: ['AIS', 'LCS'], description: 'With recordId: the direct entry whose episode the entry joins' })
  @IsOptional()
  @IsIn(['AIS', 'LCS'], { message: 'system must be AIS or LCS' })
  system?: 'AIS' | 'LCS';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'recordId must be a case-system record id' })
  recordId?: string;

  @ApiProperty({ description: "Why they are one referral, in the lead's words (kept with the decision)" })
  @IsString()
  @MinLength(1, { message: 'reason must be given' })
  @MaxLength(500)
  reason: string;
}

export class SplitEpisodeDto {
  @ApiProperty({ description: "Why the entry is a referral of its own, in the lead's words" })
  @IsString()
  @MinLength(1, { message: 'reason must be given' })
  @MaxLength(500)
  reason: string;
}
