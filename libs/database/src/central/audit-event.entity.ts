import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'central', name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { name: 'actor_org', nullable: true }) actorOrg: string | null;
  @Column('text') action: string;
  @Column('text') outcome: 'allowed' | 'refused';
  @Column('text', { name: 'subject_type', nullable: true }) subjectType: string | null;
  @Column('text', { name: 'subject_id', nullable: true }) subjectId: string | null;
  @Column('text', { nullable: true }) purpose: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text', { name: 'client_request_id', nullable: true }) clientRequestId: string | null;
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
}
