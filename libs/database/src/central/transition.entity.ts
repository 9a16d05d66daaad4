import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseSystem } from '@app/domain';

/**
 * Why a case moves between the systems: an age assessment either way, a decision recorded at 18 (adult services
 * accepted, an adult safeguarding concern), or (before recorded decisions) the 18th birthday itself.
 */
export type TransitionReason =
  'age_assessment_adult' | 'age_assessment_child' | 'eighteenth_birthday' | 'adult_services_accepted' | 'adult_safeguarding_concern';

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
  /** Children's services keep a duty (a care leaver): the record the case came from stays open. */
  @Column('boolean', { name: 'keeps_source_open', default: false }) keepsSourceOpen: boolean;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
}
