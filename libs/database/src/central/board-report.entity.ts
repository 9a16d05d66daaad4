import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BoardAudience = 'safeguarding_adults_board' | 'safeguarding_children_partnership' | 'community_safety_partnership';
export type BoardReportTrigger = 'schedule' | 'on_demand';
/** `published`: disclosure-controlled; `restricted`: exact figures for that board's members, OFFICIAL-SENSITIVE. */
export type BoardReportTier = 'published' | 'restricted';

/**
 * An immutable snapshot of one board's figures for a period, in one tier (published or restricted). The database refuses UPDATE,
 * DELETE and TRUNCATE (trigger `board_reports_immutable`): a correction is the next revision.
 */
@Entity({ schema: 'central', name: 'board_reports' })
export class BoardReportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') audience: BoardAudience;
  @Column('text', { name: 'period_code' }) periodCode: string;
  @Column('text', { name: 'period_kind' }) periodKind: string;
  @Column('text', { name: 'period_label' }) periodLabel: string;
  @Column('date', { name: 'period_from' }) periodFrom: string;
  @Column('date', { name: 'period_to' }) periodTo: string;
  @Column('text') tier: BoardReportTier;
  @Column('integer') revision: number;
  @Column('uuid', { nullable: true }) supersedes: string | null;
  @Column('timestamptz', { name: 'data_cut_off' }) dataCutOff: Date;
  @Column('timestamptz', { name: 'generated_at' }) generatedAt: Date;
  @Column('text') trigger: BoardReportTrigger;
  @Column('text', { name: 'requested_by' }) requestedBy: string;
  /** The figures as the board receives them: disclosure-controlled (published) or exact (restricted). */
  @Column('jsonb') content: object;
  @Column('text', { name: 'content_sha256' }) contentSha256: string;
  /** What changed against the previous revision, in published figures; null for revision 1. */
  @Column('jsonb', { nullable: true }) changes: object | null;
  /** The disclosure audit at generation: how many cells were suppressed and that none can be worked out. */
  @Column('jsonb') disclosure: object;
}
