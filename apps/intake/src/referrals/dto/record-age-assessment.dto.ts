import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from './validators';

export class RecordAgeAssessmentDto {
  @ApiProperty({ example: '2026-05-01' }) @IsCalendarDate() assessedOn: string;
  @ApiProperty({ enum: ['adult', 'child'] }) @IsIn(['adult', 'child']) outcome: 'adult' | 'child';
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() assessedDateOfBirth?: string;
  @ApiProperty({ example: 'Buckinghamshire Council' }) @IsString() @IsNotEmpty() @MaxLength(200) authority: string;
}
