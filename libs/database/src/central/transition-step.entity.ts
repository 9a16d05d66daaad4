import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TransitionStep } from '@app/domain';

/** A step of a child's transition to adulthood, as the lead recorded it (docs/transitions.md). */
@Entity({ schema: 'central', name: 'transition_steps' })
export class TransitionStepEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'referral_id' }) referralId: string;
  @Column('text') step: TransitionStep;
  @Column('date', { name: 'step_on' }) stepOn: string;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
