import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const BOARD_REPORT_FORMATS = ['json', 'csv', 'html', 'pdf', 'ods'] as const;
export type BoardReportFormat = (typeof BOARD_REPORT_FORMATS)[number];

export class BoardReportFormatQuery {
  @ApiPropertyOptional({
    enum: BOARD_REPORT_FORMATS,
    default: 'json',
    description: 'html: a printable page of every table; pdf: A4 for the board papers (page numbers, marking on every page); ods: an OpenDocument workbook',
  })
  @IsOptional()
  @IsIn(BOARD_REPORT_FORMATS)
  format: BoardReportFormat = 'json';
}
