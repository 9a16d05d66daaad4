import { MigrationInterface, QueryRunner } from 'typeorm';
import { commitSequencedFeedDown, commitSequencedFeedUp, type CommitSequencedFeed } from '@app/common';

/** The feed's seq numbers are drawn at commit (see `commitSequencedFeedUp`). */
export const LCS_FEED: CommitSequencedFeed = { table: 'lcs.feed', column: 'seq', sequence: 'lcs.feed_seq_seq', lockKey: 'lcs.feed writers' };

export class LcsFeedNumberedAtCommit1796659200001 implements MigrationInterface {
  name = 'LcsFeedNumberedAtCommit1796659200001';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of commitSequencedFeedUp(LCS_FEED)) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of commitSequencedFeedDown(LCS_FEED)) await q.query(statement);
  }
}
