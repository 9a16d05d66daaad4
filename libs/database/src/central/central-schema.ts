import type { SchemaSpec } from '../postgres-options';
import { AgeAssessmentEntity } from './age-assessment.entity';
import { AuditEventEntity } from './audit-event.entity';
import { Audit1764000300000 } from './migrations/1764000300000-audit';
import { LinkageModels1764000400000 } from './migrations/1764000400000-linkage-models';
import { Retention1764000500000 } from './migrations/1764000500000-retention';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { Referrals1764000000000 } from './migrations/1764000000000-referrals';
import { OutboxEntity } from './outbox.entity';
import { PersonIndex1764000100000 } from './migrations/1764000100000-person-index';
import { PERSON_INDEX_ENTITIES } from './person-index.entities';
import { ReferralEntity } from './referral.entity';
import { TransitionEntity } from './transition.entity';
import { TransitionStepEntity } from './transition-step.entity';
import { TransitionSteps1796498176531 } from './migrations/1796498176531-transition-steps';
import { DecisionEntity } from './decision.entity';
import { BoardReportEntity } from './board-report.entity';
import { Insights1764000200000 } from './migrations/1764000200000-insights';
import { StatisticsIndexRetainedBands1764000590000 } from './migrations/1764000590000-statistics-index-retained-bands';
import { EpisodesAndSubmissions1796476213054 } from './migrations/1796476213054-episodes-and-submissions';
import { EpisodeBackfills1796477321601 } from './migrations/1796477321601-episode-backfills';
import { FeedChanges1796476058653 } from './migrations/1796476058653-feed-changes';
import { NrmCase1796479416938 } from './migrations/1796479416938-nrm-case';
import { Circumstances1796480140319 } from './migrations/1796480140319-circumstances';
import { CountyLines1796501225301 } from './migrations/1796501225301-county-lines';
import { OnwardSupport1796479799421 } from './migrations/1796479799421-onward-support';
import { RefusedAnonymous1796497877778 } from './migrations/1796497877778-refused-anonymous';
import { BoardReportTiers1796502113047 } from './migrations/1796502113047-board-report-tiers';
import { NamelessDirectEntries1796510000000 } from './migrations/1796510000000-nameless-direct-entries';
import { RepeatedMoves1796510000001 } from './migrations/1796510000001-repeated-moves';

export const CENTRAL_ENTITIES = [
  ReferralEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
  TransitionEntity,
  AgeAssessmentEntity,
  ...PERSON_INDEX_ENTITIES,
  AuditEventEntity,
  DecisionEntity,
  BoardReportEntity,
  TransitionStepEntity,
];

/** The central schema: referrals, outbox, idempotency keys, transitions (later: person index, reports, audit). */
export const CENTRAL_SCHEMA: SchemaSpec = {
  schema: 'central',
  entities: CENTRAL_ENTITIES,
  migrations: [
    Referrals1764000000000,
    PersonIndex1764000100000,
    Audit1764000300000,
    Insights1764000200000,
    LinkageModels1764000400000,
    Retention1764000500000,
    StatisticsIndexRetainedBands1764000590000,
    EpisodesAndSubmissions1796476213054,
    EpisodeBackfills1796477321601,
    FeedChanges1796476058653,
    NrmCase1796479416938,
    OnwardSupport1796479799421,
    Circumstances1796480140319,
    RefusedAnonymous1796497877778,
    TransitionSteps1796498176531,
    CountyLines1796501225301,
    BoardReportTiers1796502113047,
    NamelessDirectEntries1796510000000,
    RepeatedMoves1796510000001,
  ],
};
