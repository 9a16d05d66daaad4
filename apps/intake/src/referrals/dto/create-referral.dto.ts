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
  IsInt,
  IsISO8601,
  Max,
  Min,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_SYSTEM_LIMITS,
  EXPLOITATION_LOCATIONS,
  EXPLOITATION_TYPES,
  GENDERS,
  HOME_OFFICE_EXPLOITATION_TYPES,
  LAST_CONTACT_PERIODS,
  UK_NATIONS,
  type LastContactPeriod,
  type UkNation,
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
import { IsCalendarDate, IsNationality, IsNhsNumber, IsPartialDate, IsPhoneNumber, NoComma } from './validators';

// Field names and shapes are a fixed contract that checks outside the repo rely on; they are the Home Office
// form's (docs/domain.md, "The referral"). Text limits follow the form (15,000 characters for free text).
const SHORT_TEXT = 200;
const FREE_TEXT = 15000;

/** Free text of one answer, as long as the form allows (15,000 characters). */
const FreeText = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(FREE_TEXT)(target, key);
  ApiPropertyOptional({ maxLength: FREE_TEXT })(target, key);
};
const YesNoNotSureAnswer = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsIn(YES_NO_NOT_SURE)(target, key);
  ApiPropertyOptional({ enum: YES_NO_NOT_SURE })(target, key);
};
const YesNoAnswer = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsBoolean()(target, key);
  ApiPropertyOptional()(target, key);
};
const ShortText =
  (max = SHORT_TEXT): PropertyDecorator =>
  (target, key) => {
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(max)(target, key);
    ApiPropertyOptional({ maxLength: max })(target, key);
  };

export class FirstResponderDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(CASE_SYSTEM_LIMITS.organisation) organisation: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) organisationType: OrganisationType;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(CASE_SYSTEM_LIMITS.contactName) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(CASE_SYSTEM_LIMITS.role) role: string;
  @ApiProperty() @IsEmail() @MaxLength(SHORT_TEXT) email: string;
  @ApiPropertyOptional({ example: '01296 395000' }) @IsOptional() @IsPhoneNumber() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) reference?: string;
  @ApiPropertyOptional({ enum: UK_NATIONS, description: 'Where the report is made' }) @IsOptional() @IsIn(UK_NATIONS) reportMadeIn?: UkNation;
  @ApiPropertyOptional({ description: "Who to contact in the first responder's absence" })
  @IsOptional()
  @IsEmail()
  @MaxLength(SHORT_TEXT)
  alternativeEmail?: string;
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
  @ShortText() street?: string;
  @ShortText() town?: string;
  @ShortText() county?: string;
  @YesNoAnswer() safeToEmail?: boolean;
  @YesNoAnswer() safeToPost?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsPhoneNumber() alternativePhone?: string;
  @ShortText(250) alternativePhoneRelation?: string;
  @FreeText() noPhoneReason?: string;
}

export class CurrentLocationDto {
  @ShortText() town?: string;
  @ShortText() region?: string;
}

export class BackgroundDto {
  @ShortText(FREE_TEXT) birthplace?: string;
  @FreeText() family?: string;
  @FreeText() education?: string;
  @FreeText() employmentHistory?: string;
}

export class ExploitersDto {
  @FreeText() details?: string;
  @YesNoAnswer() locationKnown?: boolean;
  @YesNoAnswer() inUk?: boolean;
  @FreeText() locationDetails?: string;
}

export class FirstResponderAssessmentDto {
  @YesNoNotSureAnswer() reportedBefore?: YesNoNotSure;
  @FreeText() reportedBeforeDetails?: string;
  @FreeText() whyNotReportedSooner?: string;
  @YesNoAnswer() modernSlaveryIndicators?: boolean;
  @FreeText() modernSlaveryIndicatorsDetails?: string;
  @FreeText() interviews?: string;
  @FreeText() professionalInsight?: string;
  @YesNoAnswer() credibilityConcerns?: boolean;
  @FreeText() credibilityConcernsDetails?: string;
  @YesNoAnswer() othersInvolved?: boolean;
  @FreeText() othersInvolvedDetails?: string;
  @FreeText() evidence?: string;
}

export class DecisionRecipientDto {
  @ShortText() firstName?: string;
  @ShortText() lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(SHORT_TEXT) email?: string;
  @ShortText() street?: string;
  @ShortText() town?: string;
  @ShortText() county?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10) postcode?: string;
  @ApiProperty({ description: 'The potential victim has given permission to send the decision to this person' }) @IsBoolean() permissionGiven: boolean;
}

export class PotentialVictimDto {
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: Gender;
  @ApiProperty({ example: 'ALB' }) @IsNationality() nationality: string;
  @ApiPropertyOptional() @IsOptional() @IsNationality() secondNationality?: string;
  // Names and aliases go to AIS and LCS: no longer than they take, and no comma (LCS holds one string, "SURNAME,
  // Forename", so a comma in a part would be read as the split, and a second one is refused).
  @ApiPropertyOptional({ maxLength: CASE_SYSTEM_LIMITS.forename })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_SYSTEM_LIMITS.forename)
  @NoComma()
  firstName?: string;
  @ApiPropertyOptional({ maxLength: CASE_SYSTEM_LIMITS.surname })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_SYSTEM_LIMITS.surname)
  @NoComma()
  lastName?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_SYSTEM_LIMITS.aliases)
  @IsString({ each: true })
  @MaxLength(CASE_SYSTEM_LIMITS.alias, { each: true })
  aliases?: string[];
  @ApiPropertyOptional({ example: '2009-04-17' }) @IsOptional() @IsCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dateOfBirthEstimated?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNhsNumber() nhsNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SHORT_TEXT) homeOfficeReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) interpreterLanguage?: string;
  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
  @ApiPropertyOptional({ type: CurrentLocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CurrentLocationDto)
  currentLocation?: CurrentLocationDto;
  @ApiPropertyOptional({ type: BackgroundDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => BackgroundDto) background?: BackgroundDto;
  @YesNoAnswer() needsSupport?: boolean;
  @YesNoAnswer() hasChildren?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(30) numberOfChildren?: number;
  @YesNoAnswer() needsCommunicationHelp?: boolean;
  @ShortText(FREE_TEXT) communicationAid?: string;
}

export class ExploitationDto {
  @ApiProperty({ enum: EXPLOITATION_TYPES, isArray: true, description: 'Required unless homeOfficeTypes is given; then it follows from them' })
  @ValidateIf((e: Partial<ExploitationDto>) => e.types !== undefined || e.homeOfficeTypes === undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'types must name at least one type of exploitation' })
  @IsIn(EXPLOITATION_TYPES, { each: true })
  types: ExploitationType[];
  @ApiPropertyOptional({ enum: HOME_OFFICE_EXPLOITATION_TYPES, isArray: true, description: "The Home Office form's detailed types, by its own names" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'homeOfficeTypes must name at least one type of exploitation' })
  @ArrayMaxSize(HOME_OFFICE_EXPLOITATION_TYPES.length)
  @IsIn(HOME_OFFICE_EXPLOITATION_TYPES, { each: true })
  homeOfficeTypes?: HomeOfficeExploitationType[];
  @ApiPropertyOptional({ description: 'The criminal exploitation was county lines drug supply' }) @IsOptional() @IsBoolean() countyLines?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(15000) otherDetails?: string;
  @ApiProperty({ enum: EXPLOITATION_LOCATIONS }) @IsIn(EXPLOITATION_LOCATIONS) location: ExploitationLocation;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  ukTowns?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsNationality({ each: true, message: 'each of countries must be an ISO 3166-1 alpha-3 code' })
  countries?: string[];
  @ApiPropertyOptional({ description: 'YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known', example: '2025-03' })
  @IsOptional()
  @IsPartialDate()
  startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ongoing?: boolean;
  @YesNoNotSureAnswer() multipleSituations?: YesNoNotSure;
  @FreeText() whenDetails?: string;
  @FreeText() howItStarted?: string;
  @YesNoAnswer() takenSomewhere?: boolean;
  @FreeText() journeyDetails?: string;
  @FreeText() requiredToDo?: string;
  @FreeText() livingConditions?: string;
  @FreeText() treatment?: string;
  @FreeText() keepingThemThere?: string;
  @FreeText() howTheyLeft?: string;
  @ApiPropertyOptional({ enum: LAST_CONTACT_PERIODS }) @IsOptional() @IsIn(LAST_CONTACT_PERIODS) lastContact?: LastContactPeriod;
  @FreeText() lastContactDetails?: string;
  @FreeText() otherUkLocation?: string;
  @FreeText() otherOverseasLocation?: string;
  @ApiPropertyOptional({ type: ExploitersDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ExploitersDto) exploiters?: ExploitersDto;
  @YesNoNotSureAnswer() otherVictims?: YesNoNotSure;
  @FreeText() otherVictimsDetails?: string;
  @YesNoAnswer() futureRisk?: boolean;
  @FreeText() futureRiskReasons?: string;
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
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstResponderDto)
  firstResponder: FirstResponderDto;

  @ApiProperty({ type: AgeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => AgeDto) age: AgeDto;

  @ApiPropertyOptional({ description: 'Adults only' }) @IsOptional() @IsBoolean() consentToNrm?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cooperatesWithAuthorities?: boolean;

  @ApiProperty({ type: PotentialVictimDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PotentialVictimDto)
  potentialVictim: PotentialVictimDto;

  @ApiProperty({ type: ExploitationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ExploitationDto)
  exploitation: ExploitationDto;

  @ApiPropertyOptional({ type: LocalAuthorityContactDto, description: 'Required for a child' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalAuthorityContactDto)
  localAuthorityContact?: LocalAuthorityContactDto;

  @ApiPropertyOptional({ type: PoliceDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => PoliceDto) police?: PoliceDto;

  @FreeText() cooperationDetails?: string;
  @FreeText() declinedNrmReason?: string;

  @ApiPropertyOptional({ type: FirstResponderAssessmentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstResponderAssessmentDto)
  firstResponderAssessment?: FirstResponderAssessmentDto;

  @ApiPropertyOptional({ type: DecisionRecipientDto, description: 'Someone else the decision is sent to, with permission' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionRecipientDto)
  decisionRecipient?: DecisionRecipientDto;

  @ApiPropertyOptional({ maxLength: 15000 }) @IsOptional() @IsString() @MaxLength(15000) narrative?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, not in the future nor before 2009-04-01 (when the NRM began); defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  referredAt?: string;
}
