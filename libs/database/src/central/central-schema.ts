import type { SchemaSpec } from '../postgres-options';
import { AgeAssessmentEntity } from './age-assessment.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { Referrals1764000000000 } from './migrations/1764000000000-referrals';
import { OutboxEntity } from './outbox.entity';
import { ReferralEntity } from './referral.entity';
import { TransitionEntity } from './transition.entity';

export const CENTRAL_ENTITIES = [ReferralEntity, OutboxEntity, IdempotencyKeyEntity, TransitionEntity, AgeAssessmentEntity];

/** The central schema: referrals, outbox, idempotency keys, transitions (later: person index, reports, audit). */
export const CENTRAL_SCHEMA: SchemaSpec = {
  schema: 'central',
  entities: CENTRAL_ENTITIES,
  migrations: [Referrals1764000000000],
};
