import { Column, Entity, PrimaryColumn } from 'typeorm';

export type LcsSource = 'INTEGRATION' | 'PRACTITIONER';
export type ContactStatus = 'open' | 'closed';
export type TransferReason = 'age_assessment_adult' | 'eighteenth_birthday';

export interface Referrer {
  agency: string;
  agencyType: string;
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
}

/** A contact to children's social care, with the child as reported and the child register entry it joined. */
@Entity({ schema: 'lcs', name: 'contacts' })
export class ContactEntity {
  @PrimaryColumn('text', { name: 'contact_id' }) contactId: string;
  @Column('text', { name: 'child_id', nullable: true }) childId: string | null;
  @Column('text', { name: 'external_reference', nullable: true }) externalReference: string | null;
  @Column('text') source: LcsSource;
  @Column('text', { name: 'child_name', nullable: true }) childName: string | null;
  @Column('text', { array: true }) aliases: string[];
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('boolean', { name: 'date_of_birth_estimated' }) dateOfBirthEstimated: boolean;
  @Column('boolean', { name: 'age_disputed' }) ageDisputed: boolean;
  @Column('text') gender: string;
  @Column('text', { nullable: true }) nationality: string | null;
  @Column('text', { name: 'second_nationality', nullable: true }) secondNationality: string | null;
  @Column('text', { name: 'nhs_number', nullable: true }) nhsNumber: string | null;
  @Column('date', { name: 'contact_date' }) contactDate: string;
  @Column('jsonb') referrer: Referrer;
  @Column('text', { array: true }) factors: string[];
  @Column('text', { nullable: true }) summary: string | null;
  /** The Home Office NRM or Duty to Notify reference, when a practitioner has recorded it. */
  @Column('text', { name: 'nrm_reference', nullable: true }) nrmReference: string | null;
  @Column('text') status: ContactStatus;
  @Column('text', { name: 'closure_reason', nullable: true }) closureReason: string | null;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
  @Column('text', { name: 'transferred_to_ais_id', nullable: true }) transferredToAisId: string | null;
  @Column('text', { name: 'transfer_reason', nullable: true }) transferReason: TransferReason | null;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
