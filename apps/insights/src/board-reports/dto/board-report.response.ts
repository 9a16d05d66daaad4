import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodDoc, StatisticsResponseDoc } from '../../statistics/dto/statistics.response';

/** OpenAPI description of a board report (documentation only: the controller returns the plain view). */
export class AudienceDoc {
  @ApiProperty({ enum: ['safeguarding_adults_board', 'safeguarding_children_partnership', 'community_safety_partnership'] }) code: string;
  @ApiProperty({ example: 'Safeguarding Adults Board' }) name: string;
}

export class FigureChangeDoc {
  @ApiProperty({ enum: ['referrals', 'individuals', 'decisions'] }) measure: string;
  @ApiProperty({ example: 'Gender' }) table: string;
  @ApiProperty({ example: 'Male' }) category: string;
  @ApiProperty({ example: '', description: 'The column of a cross-tab; empty for a breakdown' }) subcategory: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'integer' }, { type: 'string', enum: ['c'] }], description: 'null: not shown before' })
  before: number | 'c' | null;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'integer' }, { type: 'string', enum: ['c'] }], description: 'null: no longer shown' })
  after: number | 'c' | null;
}

export class ReportChangesDoc {
  @ApiProperty() previousRevision: number;
  @ApiProperty() previousId: string;
  @ApiProperty() previousDataCutOff: string;
  @ApiProperty({ type: [FigureChangeDoc], description: 'Published figures that differ from the previous revision' }) changed: FigureChangeDoc[];
}

export class DisclosureDoc {
  @ApiProperty() rule: string;
  @ApiProperty({ description: 'No suppressed count can be worked out from the published figures (exact audit)' }) audited: boolean;
  @ApiPropertyOptional({ description: 'Safeguarding lead only: primary suppressions (counts of 1 to 5)' }) primary?: number;
  @ApiPropertyOptional({ description: 'Safeguarding lead only: secondary suppressions' }) secondary?: number;
}

export class BoardReportDoc {
  @ApiProperty() id: string;
  @ApiProperty({ type: AudienceDoc }) audience: AudienceDoc;
  @ApiProperty({ type: PeriodDoc }) period: PeriodDoc;
  @ApiProperty({ minimum: 1 }) revision: number;
  @ApiProperty({ nullable: true, type: String, description: 'The revision this one replaces' }) supersedes: string | null;
  @ApiProperty({ description: 'Everything recorded before this instant is included' }) dataCutOff: string;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ enum: ['schedule', 'on_demand'] }) trigger: string;
  @ApiProperty({ description: 'SHA-256 of the published figures' }) contentSha256: string;
  @ApiProperty({ type: StatisticsResponseDoc, description: 'Always disclosure-controlled' }) statistics: StatisticsResponseDoc;
  @ApiProperty({ type: ReportChangesDoc, nullable: true }) changes: ReportChangesDoc | null;
  @ApiProperty({ type: DisclosureDoc }) disclosure: DisclosureDoc;
}
