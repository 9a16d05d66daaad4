import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Home Office NRM/Duty to Notify reference a practitioner records on a concern. */
export class AisNrmReference1796476135705 implements MigrationInterface {
  name = 'AisNrmReference1796476135705';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ais.safeguarding_concerns ADD COLUMN nrm_reference text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ais.safeguarding_concerns DROP COLUMN nrm_reference`);
  }
}
