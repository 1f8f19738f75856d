import { MigrationInterface, QueryRunner } from 'typeorm';

/** The subject a staff member signs in with (caseload's StaffLoginLinked): whose areas' desks a user works at. */
export class StaffLoginSubject1763900000600 implements MigrationInterface {
  name = 'StaffLoginSubject1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_member ADD COLUMN login_subject text`);
    await queryRunner.query(`CREATE INDEX staff_member_login_subject ON staff_member (tenant_id, login_subject) WHERE login_subject IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX staff_member_login_subject`);
    await queryRunner.query(`ALTER TABLE staff_member DROP COLUMN login_subject`);
  }
}
