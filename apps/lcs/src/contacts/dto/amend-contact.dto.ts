import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { LcsChildDto } from './lcs-child.dto';

export class AmendChildDto extends PartialType(LcsChildDto) {}

/** A practitioner's correction: the fields given replace those held. */
export class AmendContactDto {
  @ApiPropertyOptional({ type: AmendChildDto }) @IsOptional() @ValidateNested() @Type(() => AmendChildDto) child?: AmendChildDto;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ description: 'The Home Office NRM or Duty to Notify reference, once the Home Office has given it' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /-]{0,39}$/, { message: 'nrmReference must be 1 to 40 letters, digits, spaces, hyphens or slashes' })
  nrmReference?: string;
}
