import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseSystem } from '@app/domain';

export type TransitionReason = 'age_assessment_adult' | 'eighteenth_birthday';

@Entity({ schema: 'central', name: 'transitions' })
export class TransitionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'referral_id' }) referralId: string;
  @Column('text', { name: 'from_system' }) fromSystem: CaseSystem;
  @Column('text', { name: 'from_record_id' }) fromRecordId: string;
  @Column('text', { name: 'to_system' }) toSystem: CaseSystem;
  @Column('text', { name: 'to_record_id', nullable: true }) toRecordId: string | null;
  @Column('text') reason: TransitionReason;
  @Column('date', { name: 'effective_on' }) effectiveOn: string;
  @Column('text') status: 'pending' | 'completed';
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
}
