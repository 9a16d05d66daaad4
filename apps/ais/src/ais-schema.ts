import type { SchemaSpec } from '@app/database';
import { ChangeEntity } from './change-feed/change.entity';
import { SafeguardingConcernEntity } from './concerns/safeguarding-concern.entity';
import { AisSchema1764100000000 } from './migrations/1764100000000-ais-schema';
import { AisNrmReference1796476135705 } from './migrations/1796476135705-ais-nrm-reference';
import { PersonEntity } from './register/person.entity';
import { AisFeedNumberedAtCommit1796659200000 } from './migrations/1796659200000-ais-feed-numbered-at-commit';
import { AisRecordOnce1796745600000 } from './migrations/1796745600000-ais-record-once';

/** The AIS mimic's own schema. */
export const AIS_SCHEMA: SchemaSpec = {
  schema: 'ais',
  entities: [PersonEntity, SafeguardingConcernEntity, ChangeEntity],
  migrations: [AisSchema1764100000000, AisNrmReference1796476135705, AisFeedNumberedAtCommit1796659200000, AisRecordOnce1796745600000],
};
