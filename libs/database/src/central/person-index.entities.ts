import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseSystem, MatchStatus } from '@app/domain';

export type LinkDecider = 'engine' | 'reviewer' | 'transfer' | 'anonymous';

@Entity({ schema: 'central', name: 'persons' })
export class PersonEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** A case-system record as the engine reads it. Personal data: restricted to the deduplicator and reviewers. */
@Entity({ schema: 'central', name: 'case_records' })
export class CaseRecordEntity {
  @PrimaryColumn('text') system: CaseSystem;
  @PrimaryColumn('text', { name: 'record_id' }) recordId: string;
  @Column('integer') version: number;
  @Column('uuid', { name: 'referral_id', nullable: true }) referralId: string | null;
  @Column('boolean') anonymous: boolean;
  @Column('jsonb') record: Record<string, unknown>;
  @Column('timestamptz', { name: 'fetched_at' }) fetchedAt: Date;
}

@Entity({ schema: 'central', name: 'record_links' })
export class RecordLinkEntity {
  @PrimaryColumn('text') system: CaseSystem;
  @PrimaryColumn('text', { name: 'record_id' }) recordId: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Column('text', { name: 'match_status' }) matchStatus: MatchStatus;
  @Column('double precision', { nullable: true }) probability: number | null;
  @Column('text', { name: 'decided_by' }) decidedBy: LinkDecider;
  @Column('boolean') locked: boolean;
  @Column('jsonb', { nullable: true }) explanation: unknown;
  @Column('integer', { name: 'record_version' }) recordVersion: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ schema: 'central', name: 'link_history' })
export class LinkHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') system: CaseSystem;
  @Column('text', { name: 'record_id' }) recordId: string;
  @Column('text') action: string;
  @Column('uuid', { name: 'person_before', nullable: true }) personBefore: string | null;
  @Column('uuid', { name: 'person_after', nullable: true }) personAfter: string | null;
  @Column('text') actor: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('double precision', { nullable: true }) probability: number | null;
  @Column('jsonb', { nullable: true }) explanation: unknown;
  @Column('timestamptz') at: Date;
}

@Entity({ schema: 'central', name: 'review_items' })
export class ReviewItemEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') system: CaseSystem;
  @Column('text', { name: 'record_id' }) recordId: string;
  @Column('uuid', { name: 'candidate_person_id' }) candidatePersonId: string;
  @Column('text') reason: string;
  @Column('double precision') probability: number;
  @Column('jsonb') explanation: unknown;
  @Column('text') status: 'open' | 'decided' | 'superseded';
  @Column('text', { nullable: true }) decision: 'match' | 'not_a_match' | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ schema: 'central', name: 'non_matches' })
export class NonMatchEntity {
  @PrimaryColumn('text') system: CaseSystem;
  @PrimaryColumn('text', { name: 'record_id' }) recordId: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId: string;
  @Column('text', { name: 'decided_by' }) decidedBy: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt: Date;
}

@Entity({ schema: 'central', name: 'feed_cursors' })
export class FeedCursorEntity {
  @PrimaryColumn('text') system: CaseSystem;
  @Column('text', { nullable: true }) cursor: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

export const PERSON_INDEX_ENTITIES = [PersonEntity, CaseRecordEntity, RecordLinkEntity, LinkHistoryEntity, ReviewItemEntity, NonMatchEntity, FeedCursorEntity];
