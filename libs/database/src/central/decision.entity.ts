import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NrmDecisionType } from '@app/domain';

export type GroundsOutcome = 'positive' | 'negative';
export type ConsentToStayOutcome = 'consented' | 'declined';
export type DecisionOutcome = GroundsOutcome | ConsentToStayOutcome;

/** A status event on a referral: recording one never creates a case, a referral or a person. */
@Entity({ schema: 'central', name: 'decisions' })
export class DecisionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'referral_id' }) referralId: string;
  @Column('text') type: NrmDecisionType;
  @Column('text', { nullable: true }) outcome: DecisionOutcome | null;
  /** The date on the decision letter. */
  @Column('date', { name: 'decided_on' }) decidedOn: string;
  @Column('text', { name: 'competent_authority', nullable: true }) competentAuthority: string | null;
  /** What a positive conclusive grounds decision found, where the letter says. */
  @Column('text', { nullable: true }) finding: string | null;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
