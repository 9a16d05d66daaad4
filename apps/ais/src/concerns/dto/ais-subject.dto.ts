import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsAisDate, IsNationality } from '../../http/ais-validators';

export const AIS_GENDERS = ['M', 'F', 'I', 'U'] as const;

/** The person a concern is about, in AIS's format. Everything but Gender may be unknown. */
export class AisSubjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) Forename?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) MiddleNames?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) Surname?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  KnownAs?: string[];
  @ApiPropertyOptional({ example: '05/04/1999', description: 'dd/MM/yyyy' }) @IsOptional() @IsAisDate() DateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() DateOfBirthIsEstimated?: boolean;
  @ApiProperty({ enum: AIS_GENDERS, description: 'M, F, I (indeterminate) or U (unknown)' }) @IsIn(AIS_GENDERS) Gender: string;
  @ApiPropertyOptional({ example: 'Albanian' }) @IsOptional() @IsNationality() Nationality?: string;
  @ApiPropertyOptional({ example: 'Greek' }) @IsOptional() @IsNationality() SecondNationality?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{10}$/, { message: 'NhsNumber must be 10 digits' }) NhsNumber?: string;
}
