import { ApiProperty } from '@nestjs/swagger';
import type { ContactEntity, Referrer } from '../contact.entity';

export interface ChildView {
  name: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean;
  ageDisputed: boolean;
  gender: string;
  nationality: string | null;
  secondNationality: string | null;
  nhsNumber: string | null;
}

export interface TransferView {
  aisRecordId: string;
  reason: string;
  effectiveOn: string;
}

export class ContactResponse {
  @ApiProperty({ example: '400001' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ nullable: true, type: String, example: 'TRANSFERRED_TO_ADULTS' }) closureReason: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'LCS-000042', description: 'Register child; null when nobody could be identified' }) childId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) externalReference: string | null;
  @ApiProperty({ enum: ['INTEGRATION', 'PRACTITIONER'] }) source: string;
  @ApiProperty({ example: '2026-06-02' }) contactDate: string;
  @ApiProperty() child: ChildView;
  @ApiProperty() referrer: Referrer;
  @ApiProperty({ type: [String] }) factors: string[];
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The Home Office NRM or Duty to Notify reference' }) nrmReference: string | null;
  @ApiProperty({ nullable: true }) transfer: TransferView | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toContactResponse(c: ContactEntity): ContactResponse {
  return {
    id: c.contactId,
    version: c.version,
    status: c.status,
    closureReason: c.closureReason,
    childId: c.childId,
    externalReference: c.externalReference,
    source: c.source,
    contactDate: c.contactDate,
    child: {
      name: c.childName,
      aliases: c.aliases,
      dateOfBirth: c.dateOfBirth,
      dateOfBirthEstimated: c.dateOfBirthEstimated,
      ageDisputed: c.ageDisputed,
      gender: c.gender,
      nationality: c.nationality,
      secondNationality: c.secondNationality,
      nhsNumber: c.nhsNumber,
    },
    referrer: c.referrer,
    factors: c.factors,
    summary: c.summary,
    nrmReference: c.nrmReference,
    transfer:
      c.transferredToAisId && c.transferReason && c.closedOn ? { aisRecordId: c.transferredToAisId, reason: c.transferReason, effectiveOn: c.closedOn } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
