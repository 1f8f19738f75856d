import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Caseload's citizens as far as eligibility needs them (a read model of the citizens topic), and
 * the enrolments: one row per participant's stay in a project, with leaving and the link from a
 * replacement to the participant it replaces.
 */
export class Participants1763900000200 implements MigrationInterface {
  name = 'Participants1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Fed by caseload's events only (no CPR numbers, no names): what the eligibility criteria ask about.
    await queryRunner.query(`
      CREATE TABLE citizen (
        citizen_id          uuid        PRIMARY KEY,
        tenant_id           text        NOT NULL,
        birth_date          date        NOT NULL,
        area_code           text        NOT NULL,
        benefit_type        text        NOT NULL,
        readiness           text        NOT NULL,
        match_group         integer,
        step                integer,
        interpreter_needed  boolean     NOT NULL,
        active              boolean     NOT NULL,
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'citizen', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE enrolment (
        id                     uuid        PRIMARY KEY,
        tenant_id              text        NOT NULL,
        project_id             uuid        NOT NULL REFERENCES project (id),
        citizen_id             uuid        NOT NULL,
        enrolled_on            date        NOT NULL,
        area_code              text        NOT NULL,
        application_id         uuid,
        status                 text        NOT NULL CHECK (status IN ('active', 'left')),
        left_on                date        CHECK (left_on >= enrolled_on),
        leave_reason           text,
        leave_placement_id     uuid,
        replaces_enrolment_id  uuid        UNIQUE REFERENCES enrolment (id),
        created_at             timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'left') = (left_on IS NOT NULL AND leave_reason IS NOT NULL))
      )`);
    // A citizen takes at most one place in a project at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX enrolment_one_active ON enrolment (project_id, citizen_id) WHERE status = 'active'`);
    await queryRunner.query(`CREATE INDEX enrolment_project ON enrolment (project_id, enrolled_on)`);
    await enableTenantIsolation(queryRunner, 'enrolment', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE enrolment, citizen`);
  }
}
