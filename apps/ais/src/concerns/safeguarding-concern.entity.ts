import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AisSource = 'ReferralHub' | 'Practitioner';
export type ConcernStatus = 'Open' | 'Closed';
export type TransferReason = 'AgeAssessment' | 'EighteenthBirthday';

/** Who reported the concern, as AIS keeps it. */
export interface ReportedBy {
  Organisation: string;
  OrganisationType: string;
  ContactName?: string;
  Role?: string;
  Email?: string;
  Phone?: string;
}

/**
 * A safeguarding concern. The subject's details are kept on the concern as reported, beside the register
 * person it was filed under (which keeps the details first recorded for that person).
 */
@Entity({ schema: 'ais', name: 'safeguarding_concerns' })
export class SafeguardingConcernEntity {
  @PrimaryColumn('text', { name: 'concern_id' }) concernId: string;
  @Column('text', { name: 'person_id', nullable: true }) personId: string | null;
  @Column('text', { name: 'client_reference', nullable: true }) clientReference: string | null;
  @Column('text') source: AisSource;
  @Column('text') category: string;
  @Column('text', { name: 'referral_type', nullable: true }) referralType: 'NRM' | 'DutyToNotify' | null;
  @Column('text') status: ConcernStatus;
  /** The Home Office NRM or Duty to Notify reference, when a practitioner has recorded it. */
  @Column('text', { name: 'nrm_reference', nullable: true }) nrmReference: string | null;
  @Column('text', { nullable: true }) forename: string | null;
  @Column('text', { name: 'middle_names', nullable: true }) middleNames: string | null;
  @Column('text', { nullable: true }) surname: string | null;
  @Column('text', { name: 'known_as', array: true }) knownAs: string[];
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('boolean', { name: 'date_of_birth_estimated' }) dateOfBirthEstimated: boolean;
  @Column('text') gender: string;
  @Column('text', { nullable: true }) nationality: string | null;
  @Column('text', { name: 'second_nationality', nullable: true }) secondNationality: string | null;
  @Column('text', { name: 'nhs_number', nullable: true }) nhsNumber: string | null;
  @Column('date', { name: 'concern_date' }) concernDate: string;
  @Column('jsonb', { name: 'reported_by' }) reportedBy: ReportedBy;
  @Column('text', { name: 'risk_types', array: true }) riskTypes: string[];
  @Column('text', { name: 'location_of_risk', nullable: true }) locationOfRisk: string | null;
  @Column('boolean', { name: 'consent_to_nrm', nullable: true }) consentToNrm: boolean | null;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text', { name: 'transferred_from_lcs_id', nullable: true }) transferredFromLcsId: string | null;
  @Column('text', { name: 'transfer_reason', nullable: true }) transferReason: TransferReason | null;
  @Column('date', { name: 'transfer_effective_date', nullable: true }) transferEffectiveDate: string | null;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
