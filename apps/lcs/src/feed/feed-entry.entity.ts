import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type LcsFeedEvent = 'contact.created' | 'contact.updated' | 'contact.transferred';

/** One entry of LCS's feed. */
@Entity({ schema: 'lcs', name: 'feed' })
export class FeedEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column('text', { name: 'contact_id' }) contactId: string;
  @Column('integer') version: number;
  @Column('text') event: LcsFeedEvent;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}
