import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FORMATS, type ReportFormat } from '../../statistics/dto/statistics.query';

export class BoardReportFormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'html is a printable report with charts' })
  @IsOptional()
  @IsIn(FORMATS)
  format: ReportFormat = 'json';
}
