import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_SYSTEM_LIMITS } from '@app/domain';
import { IsAisDate } from '../../http/ais-validators';
import { AisSubjectDto } from './ais-subject.dto';

export const ORGANISATION_TYPES = ['Local Authority', 'Police', 'Voluntary Organisation', 'Government Agency', 'Health', 'Other'] as const;
export const RISK_TYPES = ['Labour Exploitation', 'Sexual Exploitation', 'Criminal Exploitation', 'Domestic Servitude', 'Organ Harvesting', 'Other'] as const;
export const LOCATIONS_OF_RISK = ['UK', 'Overseas', 'UK and Overseas'] as const;
// The mimic models only the slice of AIS that Referral Hub deals with: the SAC type of risk "Modern Slavery".
export const CATEGORIES = ['Modern Slavery'] as const;

export class ReportedByDto {
  @ApiProperty() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.organisation) Organisation: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) OrganisationType: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.contactName) ContactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.role) Role?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() Email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.phone) Phone?: string;
}

export class CreateSafeguardingConcernDto {
  @ApiPropertyOptional({ description: "The sending system's id for this concern; a repeat answers the same concern" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'ClientReference must be 1 to 64 letters, digits or hyphens' })
  ClientReference?: string;

  @ApiProperty({ enum: ['ReferralHub', 'Practitioner'] }) @IsIn(['ReferralHub', 'Practitioner']) Source: 'ReferralHub' | 'Practitioner';
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) Category: string;
  @ApiPropertyOptional({ enum: ['NRM', 'DutyToNotify'] }) @IsOptional() @IsIn(['NRM', 'DutyToNotify']) ReferralType?: 'NRM' | 'DutyToNotify';
  @ApiProperty({ example: '10/03/2026', description: 'dd/MM/yyyy' }) @IsAisDate() ConcernDate: string;
  @ApiProperty({ type: AisSubjectDto }) @ValidateNested() @Type(() => AisSubjectDto) Subject: AisSubjectDto;
  @ApiProperty({ type: ReportedByDto }) @ValidateNested() @Type(() => ReportedByDto) ReportedBy: ReportedByDto;
  @ApiPropertyOptional({ enum: RISK_TYPES, isArray: true }) @IsOptional() @IsArray() @IsIn(RISK_TYPES, { each: true }) RiskTypes?: string[];
  @ApiPropertyOptional({ enum: LOCATIONS_OF_RISK }) @IsOptional() @IsIn(LOCATIONS_OF_RISK) LocationOfRisk?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ConsentToNrm?: boolean;
  @ApiPropertyOptional({ description: 'The Home Office NRM or Duty to Notify reference of this referral, as the Home Office gave it' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /-]{0,39}$/, { message: 'NrmReference must be 1 to 40 letters, digits, spaces, hyphens or slashes' })
  NrmReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.summary) Summary?: string;
}
