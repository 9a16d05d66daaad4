import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * OpenAPI description of a statistics report (documentation only: the controller returns the plain report). A
 * count is a whole number, or "c" where a board's figures suppress it.
 */
const COUNT = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['c'] },
  ],
};

export class CellDoc {
  @ApiProperty({ example: 'Male' }) label: string;
  @ApiProperty({ ...COUNT, example: 43 }) count: number | 'c';
}

export class BreakdownDoc {
  @ApiProperty({ example: 'gender' }) dimension: string;
  @ApiProperty({ example: 'Gender' }) title: string;
  @ApiProperty({ ...COUNT, example: 80 }) total: number | 'c';
  @ApiProperty({ type: [CellDoc], description: 'Every category in Home Office order; they add up to the total' }) cells: CellDoc[];
}

export class CrossTabDoc {
  @ApiProperty() title: string;
  @ApiProperty({ example: 'ageGroup' }) rowDimension: string;
  @ApiProperty({ example: 'location' }) columnDimension: string;
  @ApiProperty({ type: [String] }) rows: string[];
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: COUNT } }) counts: Array<Array<number | 'c'>>;
  @ApiProperty({ type: 'array', items: COUNT }) rowTotals: Array<number | 'c'>;
  @ApiProperty({ type: 'array', items: COUNT }) columnTotals: Array<number | 'c'>;
  @ApiProperty(COUNT) total: number | 'c';
}

export class BreakdownsDoc {
  @ApiProperty({ type: BreakdownDoc, description: 'NRM referral or Duty to Notify' }) kind: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Adult (18 or over) / Child (17 or under) / Not specified or unknown, at exploitation' })
  ageGroup: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc }) gender: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Dual nationals as one combined label, e.g. "Albanian Greek"' }) nationality: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Combined label, e.g. "Sexual, Labour & Criminal"' }) exploitationType: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc }) firstResponderType: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc }) location: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'AIS, LCS, or Not routed (yet)' }) caseSystem: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Referral Hub / Recorded directly in AIS / Recorded directly in LCS' }) source: BreakdownDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Submitted to the Home Office / Logged, not yet submitted' }) submission: BreakdownDoc;
}

export class PopulationDoc {
  @ApiProperty(COUNT) total: number | 'c';
  @ApiProperty({ type: BreakdownsDoc }) breakdowns: BreakdownsDoc;
  @ApiProperty({ type: CrossTabDoc, description: 'Home Office Table 2 shape' }) ageGroupByLocation: CrossTabDoc;
}

export class QuarterDoc {
  @ApiProperty({ example: '2026-Q2' }) code: string;
  @ApiProperty({ example: 'Q2 2026 (April to June)' }) label: string;
  @ApiProperty({ example: '2026-04-01' }) from: string;
  @ApiProperty({ example: '2026-06-30' }) to: string;
  @ApiProperty(COUNT) referrals: number | 'c';
  @ApiProperty({ ...COUNT, description: 'People with a referral in the quarter' }) individuals: number | 'c';
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Referrals of the quarter submitted to the Home Office (the rest only logged); exact figures only, null for a board',
  })
  submitted: number | null;
}

export class DecisionsDoc {
  @ApiProperty({ type: CrossTabDoc, description: 'Outcome (Negative/Positive) × age at exploitation' }) reasonableGrounds: CrossTabDoc;
  @ApiProperty({ type: CrossTabDoc }) conclusiveGrounds: CrossTabDoc;
  @ApiProperty({ type: CrossTabDoc, description: 'Consented / Declined to stay in the NRM at 18 × age at exploitation' })
  consentToStay: CrossTabDoc;
  @ApiProperty({ type: BreakdownDoc, description: 'Withdrawals by age at exploitation' }) withdrawals: BreakdownDoc;
}

export class PeriodDoc {
  @ApiProperty({ example: '2026-Q2' }) code: string;
  @ApiProperty({ enum: ['month', 'quarter', 'financial_year', 'range'] }) kind: string;
  @ApiProperty({ example: 'Q2 2026 (April to June)' }) label: string;
  @ApiProperty({ example: '2026-04-01' }) from: string;
  @ApiProperty({ example: '2026-06-30' }) to: string;
}

export class PopulationRefDoc {
  @ApiProperty({ enum: ['all', 'adults', 'children'] }) code: string;
  @ApiProperty() label: string;
}

export class StatisticsResponseDoc {
  @ApiProperty({ type: PeriodDoc }) period: PeriodDoc;
  @ApiProperty({ type: PopulationRefDoc }) population: PopulationRefDoc;
  @ApiProperty({ description: 'Everything recorded before this instant is included' }) dataCutOff: string;
  @ApiProperty({ enum: ['exact', 'disclosure_controlled'] }) figuresAre: string;
  @ApiPropertyOptional({ nullable: true, type: String }) disclosureRule: string | null;
  @ApiProperty({ type: [String] }) countingRules: string[];
  @ApiProperty({ type: PopulationDoc, description: 'NRM referrals and DtN notifications' }) referrals: PopulationDoc;
  @ApiProperty({ type: PopulationDoc, description: 'Persons: each counted once, by their earliest referral in the period' })
  individuals: PopulationDoc;
  @ApiProperty({ type: [QuarterDoc] }) quarters: QuarterDoc[];
  @ApiProperty({ type: DecisionsDoc }) decisions: DecisionsDoc;
}
