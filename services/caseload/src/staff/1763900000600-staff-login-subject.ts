import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subject a staff member signs in with (the bearer token's `sub`): a user's data scope — own
 * caseload, the team's, the areas' — is found through the staff member it names. One staff member
 * per subject and tenant.
 */
export class StaffLoginSubject1763900000600 implements MigrationInterface {
  name = 'StaffLoginSubject1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_member ADD COLUMN login_subject text CHECK (length(login_subject) BETWEEN 1 AND 255)`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_member_login_subject_per_tenant ON staff_member (tenant_id, login_subject) WHERE login_subject IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX staff_member_login_subject_per_tenant`);
    await queryRunner.query(`ALTER TABLE staff_member DROP COLUMN login_subject`);
  }
}
