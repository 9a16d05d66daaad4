import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { AisSubjectDto } from './ais-subject.dto';

export class AmendSubjectDto extends PartialType(AisSubjectDto) {}

/** A practitioner's correction: the fields given replace those held. */
export class AmendSafeguardingConcernDto {
  @ApiPropertyOptional({ type: AmendSubjectDto }) @IsOptional() @ValidateNested() @Type(() => AmendSubjectDto) Subject?: AmendSubjectDto;
  @ApiPropertyOptional({ enum: ['Open', 'Closed'] }) @IsOptional() @IsIn(['Open', 'Closed']) Status?: 'Open' | 'Closed';
  @ApiPropertyOptional({ description: 'The Home Office NRM or Duty to Notify reference, once the Home Office has given it' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /-]{0,39}$/, { message: 'NrmReference must be 1 to 40 letters, digits, spaces, hyphens or slashes' })
  NrmReference?: string;
}
