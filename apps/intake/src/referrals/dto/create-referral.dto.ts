import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EXPLOITATION_LOCATIONS,
  EXPLOITATION_TYPES,
  GENDERS,
  HOME_OFFICE_EXPLOITATION_TYPES,
  ORGANISATION_TYPES,
  REFERRAL_KINDS,
  YES_NO_NOT_SURE,
  type ExploitationLocation,
  type ExploitationType,
  type Gender,
  type HomeOfficeExploitationType,
  type OrganisationType,
  type ReferralKind,
  type YesNoNotSure,
} from '@app/domain';
import { IsCalendarDate, IsNationality, IsNhsNumber, IsPartialDate, IsPhoneNumber } from './validators';

// Field names and shapes are a fixed contract that checks outside the repo rely on; they are the Home Office
// form's (docs/domain.md, "The referral"). Text limits follow the form (15,000 characters for free text).
const SHORT_TEXT = 200;

export class FirstResponderDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) organisation: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) organisationType: OrganisationType;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) role: string;
  @ApiProperty() @IsEmail() @MaxLength(SHORT_TEXT) email: string;
  @ApiPropertyOptional({ example: '01296 395000' }) @IsOptional() @IsPhoneNumber() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) reference?: string;
}

export class AgeDto {
  @ApiProperty({ enum: YES_NO_NOT_SURE }) @IsIn(YES_NO_NOT_SURE) under18: YesNoNotSure;
  @ApiPropertyOptional({ enum: YES_NO_NOT_SURE }) @IsOptional() @IsIn(YES_NO_NOT_SURE) under18DuringExploitation?: YesNoNotSure;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ageDisputed?: boolean;
}

export class ContactDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(SHORT_TEXT) email?: string;
  @ApiPropertyOptional({ example: '+355 4 222 2222' }) @IsOptional() @IsPhoneNumber() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10) postcode?: string;
}

export class PotentialVictimDto {
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: Gender;
  @ApiProperty({ example: 'ALB' }) @IsNationality() nationality: string;
  @ApiPropertyOptional() @IsOptional() @IsNationality() secondNationality?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) lastName?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  aliases?: string[];
  @ApiPropertyOptional({ example: '2009-04-17' }) @IsOptional() @IsCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dateOfBirthEstimated?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNhsNumber() nhsNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) homeOfficeReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) interpreterLanguage?: string;
  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
}

export class ExploitationDto {
  @ApiProperty({ enum: EXPLOITATION_TYPES, isArray: true, description: 'Required unless homeOfficeTypes is given; then it follows from them' })
  @ValidateIf((e: ExploitationDto) => e.types !== undefined || e.homeOfficeTypes === undefined)
  @IsArray() @ArrayMinSize(1, { message: 'types must name at least one type of exploitation' }) @IsIn(EXPLOITATION_TYPES, { each: true })
  types: ExploitationType[];
  @ApiPropertyOptional({ enum: HOME_OFFICE_EXPLOITATION_TYPES, isArray: true, description: "The Home Office form's detailed types, by its own names" })
  @IsOptional() @IsArray() @ArrayMinSize(1, { message: 'homeOfficeTypes must name at least one type of exploitation' })
  @ArrayMaxSize(HOME_OFFICE_EXPLOITATION_TYPES.length) @IsIn(HOME_OFFICE_EXPLOITATION_TYPES, { each: true })
  homeOfficeTypes?: HomeOfficeExploitationType[];
  @ApiPropertyOptional({ description: 'The criminal exploitation was county lines drug supply' }) @IsOptional() @IsBoolean() countyLines?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(15000) otherDetails?: string;
  @ApiProperty({ enum: EXPLOITATION_LOCATIONS }) @IsIn(EXPLOITATION_LOCATIONS) location: ExploitationLocation;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  ukTowns?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsNationality({ each: true, message: 'each of countries must be an ISO 3166-1 alpha-3 code' })
  countries?: string[];
  @ApiPropertyOptional({ description: 'YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known', example: '2025-03' })
  @IsOptional() @IsPartialDate() startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ongoing?: boolean;
}

export class LocalAuthorityContactDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) authority: string;
  @ApiProperty({ example: '01296 395000' }) @IsPhoneNumber() phone: string;
  @ApiProperty() @IsEmail() @MaxLength(SHORT_TEXT) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) name?: string;
}

export class PoliceDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) force: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) crimeReference?: string;
}

export class CreateReferralDto {
  @ApiProperty({ enum: REFERRAL_KINDS }) @IsIn(REFERRAL_KINDS) kind: ReferralKind;

  @ApiProperty({ type: FirstResponderDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FirstResponderDto)
  firstResponder: FirstResponderDto;

  @ApiProperty({ type: AgeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => AgeDto) age: AgeDto;

  @ApiPropertyOptional({ description: 'Adults only' }) @IsOptional() @IsBoolean() consentToNrm?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cooperatesWithAuthorities?: boolean;

  @ApiProperty({ type: PotentialVictimDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PotentialVictimDto)
  potentialVictim: PotentialVictimDto;

  @ApiProperty({ type: ExploitationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ExploitationDto)
  exploitation: ExploitationDto;

  @ApiPropertyOptional({ type: LocalAuthorityContactDto, description: 'Required for a child' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LocalAuthorityContactDto)
  localAuthorityContact?: LocalAuthorityContactDto;

  @ApiPropertyOptional({ type: PoliceDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => PoliceDto) police?: PoliceDto;

  @ApiPropertyOptional({ maxLength: 15000 }) @IsOptional() @IsString() @MaxLength(15000) narrative?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, not in the future; defaults to now' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  referredAt?: string;
}
