import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { SUPPORT_SERVICES, type SupportService } from '@app/domain';
import { IsCalendarDate } from '../../referrals/dto/validators';

const YES_NO_NOT_KNOWN = ['yes', 'no', 'not_known'] as const;

/** The whole set of answers: what is left out is not known (recording replaces the answers before). */
export class RecordCircumstancesDto {
  @ApiPropertyOptional({ enum: YES_NO_NOT_KNOWN, description: 'Does the person want support (safe housing, medical, legal, financial)?' })
  @IsOptional()
  @IsIn(YES_NO_NOT_KNOWN)
  wantsSupport?: (typeof YES_NO_NOT_KNOWN)[number];

  @ApiPropertyOptional({
    enum: YES_NO_NOT_KNOWN,
    description: "Does the person have children? A yes on an adult's referral raises a children's services prompt",
  })
  @IsOptional()
  @IsIn(YES_NO_NOT_KNOWN)
  hasChildren?: (typeof YES_NO_NOT_KNOWN)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 30, description: 'How many children (with hasChildren yes)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  childrenCount?: number;

  @ApiPropertyOptional({ description: 'Where the children are (with hasChildren yes)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  childrenWhere?: string;

  @ApiPropertyOptional({ example: 'High Wycombe', description: 'Where the person is now: town' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  currentTown?: string;

  @ApiPropertyOptional({
    example: 'Buckinghamshire Council',
    description: 'Where the person is now: the local authority, which decides the responsible council',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  currentLocalAuthority?: string;

  @ApiPropertyOptional({ description: 'For an adult who declined the NRM (a Duty to Notify notification): the reason the form records' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  declinedNrmReason?: string;
}

export class RecordSupportReferralDto {
  @ApiProperty({
    enum: SUPPORT_SERVICES,
    description:
      'msvcc: Modern Slavery Victim Care Contract (adults); local_service: the council’s own (the Willow Project); ictg: Independent Child Trafficking Guardian (children)',
  })
  @IsIn(SUPPORT_SERVICES)
  service: SupportService;

  @ApiProperty({ example: 'Willow Project', description: 'To whom the person was referred' })
  @IsString()
  @Length(1, 200)
  provider: string;

  @ApiProperty({ example: '2026-06-12' })
  @IsCalendarDate()
  referredOn: string;
}

export class CloseChildrenPromptDto {
  @ApiProperty({ description: "What was done: who in children's services was contacted, and when" })
  @IsString()
  @Length(1, 2000)
  note: string;
}

export class ListChildrenPromptsQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status: 'open' | 'closed' = 'open';
}
