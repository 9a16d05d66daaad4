import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator } from 'class-validator';
import { isIsoDate, ukDateOn, worklistDays } from '@app/domain';
import { IsCalendarDate } from '../../referrals/dto/validators';

export class WorklistQuery {
  @ApiPropertyOptional({ example: '2027-01-06', description: 'The day the list is drawn up for (default: today in the UK)' })
  @IsOptional()
  @IsCalendarDate()
  @IsWorklistDay()
  on?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000, { message: 'page must not be greater than 100000' })
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

/** A day a worklist can be drawn up for (`worklistDays`); a date that is no date is IsCalendarDate's to report. */
function IsWorklistDay(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWorklistDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => {
          const { first, last } = worklistDays(ukDateOn());
          return `${args.property} must be a day from ${first} to ${last}`;
        },
      },
      validator: {
        validate: (value: unknown) => {
          if (!isIsoDate(value)) return true;
          const { first, last } = worklistDays(ukDateOn());
          return value >= first && value <= last;
        },
      },
    });
}
