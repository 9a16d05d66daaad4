import type { SchemaSpec } from '@app/database';
import { ContactEntity } from './contacts/contact.entity';
import { FeedEntryEntity } from './feed/feed-entry.entity';
import { LcsSchema1764100000001 } from './migrations/1764100000001-lcs-schema';
import { LcsNrmReference1796476135720 } from './migrations/1796476135720-lcs-nrm-reference';
import { ChildEntity } from './register/child.entity';
import { LcsFeedNumberedAtCommit1796659200001 } from './migrations/1796659200001-lcs-feed-numbered-at-commit';
import { LcsRecordOnce1796745600001 } from './migrations/1796745600001-lcs-record-once';

/** The LCS mimic's own schema. */
export const LCS_SCHEMA: SchemaSpec = {
  schema: 'lcs',
  entities: [ChildEntity, ContactEntity, FeedEntryEntity],
  migrations: [LcsSchema1764100000001, LcsNrmReference1796476135720, LcsFeedNumberedAtCommit1796659200001, LcsRecordOnce1796745600001],
};
