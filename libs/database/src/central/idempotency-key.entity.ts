import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'central', name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('text') scope: string;
  @PrimaryColumn('text') key: string;
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('text') state: 'in_flight' | 'completed';
  @Column('integer', { name: 'response_status', nullable: true }) responseStatus: number | null;
  @Column('jsonb', { name: 'response_body', nullable: true }) responseBody: unknown;
  @Column('timestamptz', { name: 'claimed_at' }) claimedAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}
