import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Staff of the outreach teams and the history of case responsibility. */
export class Staff1763900000200 implements MigrationInterface {
  name = 'Staff1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_member (
        id                 uuid        PRIMARY KEY,
        tenant_id          text        NOT NULL,
        name               text        NOT NULL,
        role               text        NOT NULL CHECK (role IN ('job-consultant', 'mentor', 'company-consultant', 'team-lead')),
        team_code          text        NOT NULL,
        area_codes         text[]      NOT NULL DEFAULT '{}',
        caseload_capacity  integer     NOT NULL CHECK (caseload_capacity >= 0),
        active             boolean     NOT NULL DEFAULT true,
        registered_at      timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX staff_member_tenant_team ON staff_member (tenant_id, team_code)`);
    await enableTenantIsolation(queryRunner, 'staff_member', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE case_assignment (
        id             uuid        PRIMARY KEY,
        tenant_id      text        NOT NULL,
        citizen_id     uuid        NOT NULL REFERENCES citizen (id),
        consultant_id  uuid        NOT NULL REFERENCES staff_member (id),
        team_code      text        NOT NULL,
        from_date      date        NOT NULL,
        to_date        date        CHECK (to_date >= from_date),
        over_capacity  boolean     NOT NULL DEFAULT false,
        reason         text,
        assigned_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT over_capacity OR reason IS NOT NULL)
      )`);
    // One responsible consultant at a time; the consultant's current caseload is read often.
    await queryRunner.query(`CREATE UNIQUE INDEX case_assignment_one_current ON case_assignment (citizen_id) WHERE to_date IS NULL`);
    await queryRunner.query(`CREATE INDEX case_assignment_current_by_consultant ON case_assignment (consultant_id) WHERE to_date IS NULL`);
    await queryRunner.query(`CREATE INDEX case_assignment_citizen ON case_assignment (citizen_id, from_date)`);
    await enableTenantIsolation(queryRunner, 'case_assignment', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_assignment, staff_member`);
  }
}
