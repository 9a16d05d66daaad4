import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_SYSTEM_LIMITS } from '@app/domain';
import { IsAisDate, IsNationality } from '../../http/ais-validators';

export const AIS_GENDERS = ['M', 'F', 'I', 'U'] as const;

/** The person a concern is about, in AIS's format. Everything but Gender may be unknown. */
export class AisSubjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.forename) Forename?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.middleNames) MiddleNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(CASE_SYSTEM_LIMITS.surname) Surname?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_SYSTEM_LIMITS.aliases)
  @IsString({ each: true })
  @MaxLength(CASE_SYSTEM_LIMITS.alias, { each: true })
  KnownAs?: string[];
  @ApiPropertyOptional({ example: '05/04/1999', description: 'dd/MM/yyyy' }) @IsOptional() @IsAisDate() DateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() DateOfBirthIsEstimated?: boolean;
  @ApiProperty({ enum: AIS_GENDERS, description: 'M, F, I (indeterminate) or U (unknown)' }) @IsIn(AIS_GENDERS) Gender: string;
  @ApiPropertyOptional({ example: 'Albanian' }) @IsOptional() @IsNationality() Nationality?: string;
  @ApiPropertyOptional({ example: 'Greek' }) @IsOptional() @IsNationality() SecondNationality?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{10}$/, { message: 'NhsNumber must be 10 digits' }) NhsNumber?: string;
}
