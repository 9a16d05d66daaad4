import { CommitSequencedFeedMigration } from '@app/common';

/** The change feed's sequence numbers are drawn at commit (see `commitSequencedFeedUp`). */
export class AisFeedNumberedAtCommit1796659200000 extends CommitSequencedFeedMigration {
  name = 'AisFeedNumberedAtCommit1796659200000';
  protected feed = { table: 'ais.change_feed', column: 'sequence', sequence: 'ais.change_feed_sequence_seq', lockKey: 'ais.change_feed writers' };
}
