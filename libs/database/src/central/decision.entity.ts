import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The Home Office decisions on an NRM referral, and the withdrawal or consent-to-stay decision at 18. */
export type DecisionType = 'reasonable_grounds' | 'conclusive_grounds' | 'withdrawal' | 'consent_to_stay';
export type GroundsOutcome = 'positive' | 'negative';
export type ConsentToStayOutcome = 'consented' | 'declined';
export type DecisionOutcome = GroundsOutcome | ConsentToStayOutcome;

/** A status event on a referral: recording one never creates a case, a referral or a person. */
@Entity({ schema: 'central', name: 'decisions' })
export class DecisionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'referral_id' }) referralId: string;
  @Column('text') type: DecisionType;
  @Column('text', { nullable: true }) outcome: DecisionOutcome | null;
  @Column('date', { name: 'decided_on' }) decidedOn: string;
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
