import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Home Office NRM/Duty to Notify reference a practitioner records on a contact. */
export class LcsNrmReference1796476135720 implements MigrationInterface {
  name = 'LcsNrmReference1796476135720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lcs.contacts ADD COLUMN nrm_reference text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lcs.contacts DROP COLUMN nrm_reference`);
  }
}
