import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { AisSubjectDto } from './ais-subject.dto';

export class AmendSubjectDto extends PartialType(AisSubjectDto) {}

/** A practitioner's correction: the fields given replace those held. */
export class AmendSafeguardingConcernDto {
  @ApiPropertyOptional({ type: AmendSubjectDto }) @IsOptional() @ValidateNested() @Type(() => AmendSubjectDto) Subject?: AmendSubjectDto;
  @ApiPropertyOptional({ enum: ['Open', 'Closed'] }) @IsOptional() @IsIn(['Open', 'Closed']) Status?: 'Open' | 'Closed';
}
