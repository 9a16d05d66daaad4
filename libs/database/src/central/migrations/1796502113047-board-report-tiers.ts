import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board reports in two tiers: `published` (disclosure-controlled, as every report was until now) and `restricted`
 * (exact figures for the members of that board under its data-sharing agreement, marked OFFICIAL-SENSITIVE). Each
 * tier of a board's report of a period has its own revisions. Adding a column fires no row trigger, so the
 * immutability triggers stay as they are.
 */
export class BoardReportTiers1796502113047 implements MigrationInterface {
  name = 'BoardReportTiers1796502113047';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.board_reports ADD COLUMN tier text NOT NULL DEFAULT 'published' CHECK (tier IN ('published', 'restricted'))`);
    await q.query(`ALTER TABLE central.board_reports DROP CONSTRAINT board_reports_audience_period_code_revision_key`);
    await q.query(`ALTER TABLE central.board_reports ADD CONSTRAINT board_reports_revision_key UNIQUE (audience, period_code, tier, revision)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.board_reports DROP CONSTRAINT board_reports_revision_key`);
    await q.query(`ALTER TABLE central.board_reports ADD CONSTRAINT board_reports_audience_period_code_revision_key UNIQUE (audience, period_code, revision)`);
    await q.query(`ALTER TABLE central.board_reports DROP COLUMN tier`);
  }
}
