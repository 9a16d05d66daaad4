import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_SYSTEM_LIMITS } from '@app/domain';
import { IsAlpha2, IsIsoCalendarDate, IsLcsName } from '../../http/lcs-validators';

export const LCS_GENDERS = ['female', 'male', 'other', 'not_known'] as const;

/** The child a contact is about, in LCS's format. Everything but gender may be unknown. */
export class LcsChildDto {
  @ApiPropertyOptional({ example: 'HOXHA, Ana Maria', description: '"SURNAME, Forename Middle"' }) @IsOptional() @IsLcsName() name?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_SYSTEM_LIMITS.aliases)
  @IsString({ each: true })
  @MaxLength(CASE_SYSTEM_LIMITS.alias, { each: true })
  aliases?: string[];
  @ApiPropertyOptional({ example: '2010-06-07' }) @IsOptional() @IsIsoCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dateOfBirthEstimated?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ageDisputed?: boolean;
  @ApiProperty({ enum: LCS_GENDERS }) @IsIn(LCS_GENDERS) gender: string;
  @ApiPropertyOptional({ example: 'AL' }) @IsOptional() @IsAlpha2() nationality?: string;
  @ApiPropertyOptional({ example: 'GR' }) @IsOptional() @IsAlpha2() secondNationality?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{10}$/, { message: 'nhsNumber must be 10 digits' }) nhsNumber?: string;
}
