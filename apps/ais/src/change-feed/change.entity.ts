import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AisChangeType = 'Created' | 'Updated' | 'TransferIn';

/** One entry of AIS's change feed: which concern changed, to which version, and how. */
@Entity({ schema: 'ais', name: 'change_feed' })
export class ChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) sequence: string;
  @Column('text', { name: 'concern_id' }) concernId: string;
  @Column('integer', { name: 'concern_version' }) concernVersion: number;
  @Column('text', { name: 'change_type' }) changeType: AisChangeType;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}
