import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class MergePersonsDto {
  @ApiProperty({ description: 'The person whose records move into this one' }) @IsUUID() personId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class UnmergeRecordDto {
  @ApiProperty({ enum: ['AIS', 'LCS'] }) @IsIn(['AIS', 'LCS']) system: 'AIS' | 'LCS';
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) recordId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
