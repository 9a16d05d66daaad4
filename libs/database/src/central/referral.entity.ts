import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseSystem, Referral } from '@app/domain';

export type ReferralStatus = 'accepted' | 'routed' | 'routing_failed';

/**
 * A referral as stored centrally. Columns hold what routing, filtering and statistics read; `details` holds
 * the referral as received, personal data included, and is read only where a role allows it.
 */
@Entity({ schema: 'central', name: 'referrals' })
export class ReferralEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') reference: string;
  @Column('text') kind: 'nrm' | 'dtn';
  @Column('text') status: ReferralStatus;
  @Column('boolean') anonymous: boolean;
  @Column('text') organisation: string;
  @Column('text', { name: 'organisation_type' }) organisationType: string;
  @Column('timestamptz', { name: 'referred_at' }) referredAt: Date;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('text') under18: string;
  @Column('text', { name: 'under18_during_exploitation', nullable: true }) under18DuringExploitation: string | null;
  @Column('boolean', { name: 'age_disputed' }) ageDisputed: boolean;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text') gender: string;
  @Column('text') nationality: string;
  @Column('text', { name: 'second_nationality', nullable: true }) secondNationality: string | null;
  @Column('text', { name: 'exploitation_types', array: true }) exploitationTypes: string[];
  @Column('text', { name: 'exploitation_location' }) exploitationLocation: string;
  /** Criminal exploitation that was county lines drug supply; the statistics count it. */
  @Column('boolean', { name: 'county_lines' }) countyLines: boolean;
  @Column('date', { name: 'exploitation_start', nullable: true }) exploitationStart: string | null;
  @Column('text', { name: 'route_system' }) routeSystem: CaseSystem;
  @Column('text', { name: 'route_reason' }) routeReason: string;
  @Column('boolean', { name: 'route_conflict' }) routeConflict: boolean;
  @Column('text', { name: 'route_explanation' }) routeExplanation: string;
  @Column('text', { name: 'case_system', nullable: true }) caseSystem: CaseSystem | null;
  @Column('text', { name: 'case_record_id', nullable: true }) caseRecordId: string | null;
  @Column('timestamptz', { name: 'routed_at', nullable: true }) routedAt: Date | null;
  @Column('integer', { name: 'routing_attempts' }) routingAttempts: number;
  @Column('text', { name: 'routing_error', nullable: true }) routingError: string | null;
  @Column('integer', { name: 'redrive_generation' }) redriveGeneration: number;
  @Column('uuid', { name: 'person_id', nullable: true }) personId: string | null;
  @Column('jsonb') details: Referral;
  @Column('timestamptz', { name: 'anonymised_at', nullable: true }) anonymisedAt: Date | null;
  @Column('text', { name: 'retained_age_now_band', nullable: true }) retainedAgeNowBand: 'child' | 'adult' | null;
  @Column('text', { name: 'retained_age_start_band', nullable: true }) retainedAgeStartBand: 'child' | 'adult' | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
