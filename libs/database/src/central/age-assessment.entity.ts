import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'central', name: 'age_assessments' })
export class AgeAssessmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'referral_id' }) referralId: string;
  @Column('date', { name: 'assessed_on' }) assessedOn: string;
  @Column('text') outcome: 'adult' | 'child';
  @Column('date', { name: 'assessed_date_of_birth', nullable: true }) assessedDateOfBirth: string | null;
  @Column('text') authority: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
