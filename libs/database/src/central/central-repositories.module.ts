import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { DataQualityRepository } from './data-quality.repository';
import { EpisodeRepository } from './episode.repository';
import { HomeOfficeSubmissionRepository } from './home-office-submission.repository';
import { FeedChangeRepository } from './feed-change.repository';
import { DecisionRepository } from './decision.repository';
import { NrmWorklistRepository } from './nrm-worklist.repository';
import { SupportRepository } from './support.repository';
import { NrmCaseStatisticsRepository } from './nrm-case-statistics.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { OutboxRepository } from './outbox.repository';
import { PersonIndexRepository } from './person-index.repository';
import { CaseRecordRepository } from './case-record.repository';
import { RecordLinkRepository } from './record-link.repository';
import { PersonRepository } from './person.repository';
import { ReviewItemRepository } from './review-item.repository';
import { LinkageModelRepository } from './linkage-model.repository';
import { ReferralRepository } from './referral.repository';
import { RetentionRepository } from './retention.repository';
import { SubjectAccessRepository } from './subject-access.repository';
import { TransitionRepository } from './transition.repository';
import { AdulthoodRepository } from './adulthood.repository';

const repositories = [
  ReferralRepository,
  OutboxRepository,
  IdempotencyRepository,
  TransitionRepository,
  AuditRepository,
  PersonIndexRepository,
  CaseRecordRepository,
  RecordLinkRepository,
  PersonRepository,
  ReviewItemRepository,
  LinkageModelRepository,
  SubjectAccessRepository,
  RetentionRepository,
  EpisodeRepository,
  HomeOfficeSubmissionRepository,
  DataQualityRepository,
  FeedChangeRepository,
  DecisionRepository,
  NrmWorklistRepository,
  SupportRepository,
  NrmCaseStatisticsRepository,
  AdulthoodRepository,
];

/** Repositories over the central schema; needs SchemaDatabaseModule.central() in the app. */
@Module({ providers: repositories, exports: repositories })
export class CentralRepositoriesModule {}
