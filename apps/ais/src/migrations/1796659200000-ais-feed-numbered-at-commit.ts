import { MigrationInterface, QueryRunner } from 'typeorm';
import { commitSequencedFeedDown, commitSequencedFeedUp, type CommitSequencedFeed } from '@app/common';

/** The change feed's sequence numbers are drawn at commit (see `commitSequencedFeedUp`). */
export const AIS_CHANGE_FEED: CommitSequencedFeed = {
  table: 'ais.change_feed',
  column: 'sequence',
  sequence: 'ais.change_feed_sequence_seq',
  lockKey: 'ais.change_feed writers',
};

export class AisFeedNumberedAtCommit1796659200000 implements MigrationInterface {
  name = 'AisFeedNumberedAtCommit1796659200000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of commitSequencedFeedUp(AIS_CHANGE_FEED)) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of commitSequencedFeedDown(AIS_CHANGE_FEED)) await q.query(statement);
  }
}
