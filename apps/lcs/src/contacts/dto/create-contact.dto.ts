import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_SYSTEM_LIMITS } from '@app/domain';
import { IsIsoCalendarDate } from '../../http/lcs-validators';
import { ASSESSMENT_FACTORS } from '../assessment-factors';
import { LcsChildDto } from './lcs-child.dto';

export const AGENCY_TYPES = ['LA', 'POLICE', 'VOLUNTARY', 'GOVERNMENT', 'HEALTH', 'OTHER'] as const;
export const SOURCES = ['INTEGRATION', 'PRACTITIONER'] as const;

export class ReferrerDto {
  @ApiProperty() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.organisation) agency: string;
  @ApiProperty({ enum: AGENCY_TYPES }) @IsIn(AGENCY_TYPES) agencyType: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.contactName) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.role) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.phone) phone?: string;
}

export class CreateContactDto {
  @ApiPropertyOptional({ description: "The sending system's id for this contact; a repeat answers the same contact" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'externalReference must be 1 to 64 letters, digits or hyphens' })
  externalReference?: string;

  @ApiProperty({ enum: SOURCES }) @IsIn(SOURCES) source: 'INTEGRATION' | 'PRACTITIONER';
  @ApiProperty({ example: '2026-06-02' }) @IsIsoCalendarDate() contactDate: string;
  @ApiProperty({ type: LcsChildDto }) @ValidateNested() @Type(() => LcsChildDto) child: LcsChildDto;
  @ApiProperty({ type: ReferrerDto }) @ValidateNested() @Type(() => ReferrerDto) referrer: ReferrerDto;
  @ApiProperty({ example: ['12A'], description: 'CIN census assessment factor codes (12A Trafficking)' })
  @IsArray()
  @ArrayMaxSize(40)
  @IsIn(ASSESSMENT_FACTORS, { each: true, message: 'factors must be CIN census assessment factor codes' })
  factors: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.summary) summary?: string;
  @ApiPropertyOptional({ description: 'The Home Office NRM or Duty to Notify reference of this referral, as the Home Office gave it' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /-]{0,39}$/, { message: 'nrmReference must be 1 to 40 letters, digits, spaces, hyphens or slashes' })
  nrmReference?: string;
}
