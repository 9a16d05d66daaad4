import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case may move between the systems more than once: a child found an adult (LCS to AIS), the finding overturned
 * (AIS to LCS), then 18 (LCS to AIS again). One move per direction per referral, ever, left the third move unmade and
 * the case in children's services. What must stay single is a move under way: at most one pending move per direction
 * per referral, so a decision recorded twice starts one move.
 */
export class RepeatedMoves1796510000001 implements MigrationInterface {
  name = 'RepeatedMoves1796510000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE central.transitions DROP CONSTRAINT transitions_referral_id_from_system_to_system_key`);
    await q.query(`CREATE UNIQUE INDEX transitions_pending_move_idx ON central.transitions (referral_id, from_system, to_system) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX transitions_referral_idx ON central.transitions (referral_id, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX central.transitions_referral_idx`);
    await q.query(`DROP INDEX central.transitions_pending_move_idx`);
    await q.query(
      `ALTER TABLE central.transitions ADD CONSTRAINT transitions_referral_id_from_system_to_system_key UNIQUE (referral_id, from_system, to_system)`,
    );
  }
}
