import { ApiProperty } from '@nestjs/swagger';
import { formatAisDate, formatAisTimestamp } from '../../ais-dates';
import { isIdentifiable } from '../safeguarding-concern.repository';
import type { ReportedBy, SafeguardingConcernEntity } from '../safeguarding-concern.entity';

export interface AisSubjectView {
  Forename: string | null;
  MiddleNames: string | null;
  Surname: string | null;
  KnownAs: string[];
  DateOfBirth: string | null;
  DateOfBirthIsEstimated: boolean;
  Gender: string;
  Nationality: string | null;
  SecondNationality: string | null;
  NhsNumber: string | null;
}

export interface TransferredFromView {
  System: 'LCS';
  RecordId: string;
  Reason: string;
  EffectiveDate: string;
}

export class SafeguardingConcernResponse {
  @ApiProperty({ example: 'SC-000123' }) ConcernId: string;
  @ApiProperty() Version: number;
  @ApiProperty({ enum: ['Open', 'Closed'] }) Status: string;
  @ApiProperty() Category: string;
  @ApiProperty({ enum: ['ReferralHub', 'Practitioner'] }) Source: string;
  @ApiProperty({ nullable: true, type: String }) ClientReference: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P0000042', description: 'Register person; null for an anonymous notification' }) PersonId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) ReferralType: string | null;
  @ApiProperty({ example: '10/03/2026' }) ConcernDate: string;
  @ApiProperty() Subject: AisSubjectView;
  @ApiProperty() ReportedBy: ReportedBy;
  @ApiProperty({ type: [String] }) RiskTypes: string[];
  @ApiProperty({ nullable: true, type: String }) LocationOfRisk: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) ConsentToNrm: boolean | null;
  @ApiProperty({ nullable: true, type: String, description: 'The Home Office NRM or Duty to Notify reference' }) NrmReference: string | null;
  @ApiProperty({ nullable: true, type: String }) Summary: string | null;
  @ApiProperty() Anonymous: boolean;
  @ApiProperty({ nullable: true }) TransferredFrom: TransferredFromView | null;
  @ApiProperty({ example: '10/03/2026 09:30:00' }) RecordedAt: string;
  @ApiProperty({ example: '10/03/2026 09:30:00' }) LastModified: string;
}

export function toConcernResponse(c: SafeguardingConcernEntity): SafeguardingConcernResponse {
  return {
    ConcernId: c.concernId,
    Version: c.version,
    Status: c.status,
    Category: c.category,
    Source: c.source,
    ClientReference: c.clientReference,
    PersonId: c.personId,
    ReferralType: c.referralType,
    ConcernDate: formatAisDate(c.concernDate),
    Subject: {
      Forename: c.forename,
      MiddleNames: c.middleNames,
      Surname: c.surname,
      KnownAs: c.knownAs,
      DateOfBirth: c.dateOfBirth ? formatAisDate(c.dateOfBirth) : null,
      DateOfBirthIsEstimated: c.dateOfBirthEstimated,
      Gender: c.gender,
      Nationality: c.nationality,
      SecondNationality: c.secondNationality,
      NhsNumber: c.nhsNumber,
    },
    ReportedBy: c.reportedBy,
    RiskTypes: c.riskTypes,
    LocationOfRisk: c.locationOfRisk,
    ConsentToNrm: c.consentToNrm,
    NrmReference: c.nrmReference,
    Summary: c.summary,
    Anonymous: !isIdentifiable(c),
    TransferredFrom:
      c.transferredFromLcsId && c.transferReason && c.transferEffectiveDate
        ? { System: 'LCS', RecordId: c.transferredFromLcsId, Reason: c.transferReason, EffectiveDate: formatAisDate(c.transferEffectiveDate) }
        : null,
    RecordedAt: formatAisTimestamp(c.createdAt),
    LastModified: formatAisTimestamp(c.updatedAt),
  };
}
