import { CommitSequencedFeedMigration } from '@app/common';

/** The feed's seq numbers are drawn at commit (see `commitSequencedFeedUp`). */
export class LcsFeedNumberedAtCommit1796659200001 extends CommitSequencedFeedMigration {
  name = 'LcsFeedNumberedAtCommit1796659200001';
  protected feed = { table: 'lcs.feed', column: 'seq', sequence: 'lcs.feed_seq_seq', lockKey: 'lcs.feed writers' };
}
