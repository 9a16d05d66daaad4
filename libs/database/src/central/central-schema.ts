import type { SchemaSpec } from '../postgres-options';
import { AgeAssessmentEntity } from './age-assessment.entity';
import { AuditEventEntity } from './audit-event.entity';
import { Audit1764000300000 } from './migrations/1764000300000-audit';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { Referrals1764000000000 } from './migrations/1764000000000-referrals';
import { OutboxEntity } from './outbox.entity';
import { PersonIndex1764000100000 } from './migrations/1764000100000-person-index';
import { PERSON_INDEX_ENTITIES } from './person-index.entities';
import { ReferralEntity } from './referral.entity';
import { TransitionEntity } from './transition.entity';

export const CENTRAL_ENTITIES = [ReferralEntity, OutboxEntity, IdempotencyKeyEntity, TransitionEntity, AgeAssessmentEntity, ...PERSON_INDEX_ENTITIES, AuditEventEntity];

/** The central schema: referrals, outbox, idempotency keys, transitions (later: person index, reports, audit). */
export const CENTRAL_SCHEMA: SchemaSpec = {
  schema: 'central',
  entities: CENTRAL_ENTITIES,
  migrations: [Referrals1764000000000, PersonIndex1764000100000, Audit1764000300000],
};
