import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { LcsChildDto } from './lcs-child.dto';

export class AmendChildDto extends PartialType(LcsChildDto) {}

/** A practitioner's correction: the fields given replace those held. */
export class AmendContactDto {
  @ApiPropertyOptional({ type: AmendChildDto }) @IsOptional() @ValidateNested() @Type(() => AmendChildDto) child?: AmendChildDto;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
}
