import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'central', name: 'outbox' })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') topic: string;
  @Column('uuid', { name: 'aggregate_id' }) aggregateId: string;
  @Column('text', { name: 'job_id' }) jobId: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('timestamptz', { name: 'available_at' }) availableAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('integer') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
