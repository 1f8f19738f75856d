import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Recruitment for a project: information meetings in the areas (how many came, how many showed
 * interest), company visits and bus tours, and the citizens' applications with the selection.
 */
export class Recruitment1763900000400 implements MigrationInterface {
  name = 'Recruitment1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE information_meeting (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        project_id  uuid        NOT NULL REFERENCES project (id),
        area_code   text        NOT NULL,
        held_on     date        NOT NULL,
        attendees   integer     NOT NULL CHECK (attendees >= 0),
        interested  integer     NOT NULL CHECK (interested >= 0 AND interested <= attendees),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX information_meeting_project ON information_meeting (project_id, held_on)`);
    await enableTenantIsolation(queryRunner, 'information_meeting', 'SELECT, INSERT');

    await queryRunner.query(`
      CREATE TABLE company_visit (
        id            uuid        PRIMARY KEY,
        tenant_id     text        NOT NULL,
        project_id    uuid        NOT NULL REFERENCES project (id),
        kind          text        NOT NULL,
        held_on       date        NOT NULL,
        company_ids   uuid[]      NOT NULL DEFAULT '{}',
        participants  integer     NOT NULL CHECK (participants >= 0),
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX company_visit_project ON company_visit (project_id, held_on)`);
    await enableTenantIsolation(queryRunner, 'company_visit', 'SELECT, INSERT');

    await queryRunner.query(`
      CREATE TABLE application (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        project_id  uuid        NOT NULL REFERENCES project (id),
        citizen_id  uuid        NOT NULL,
        applied_on  date        NOT NULL,
        meeting_id  uuid        REFERENCES information_meeting (id),
        status      text        NOT NULL CHECK (status IN ('applied', 'selected', 'rejected')),
        decided_on  date        CHECK (decided_on >= applied_on),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_once_per_project UNIQUE (project_id, citizen_id),
        CHECK ((status = 'applied') = (decided_on IS NULL))
      )`);
    await enableTenantIsolation(queryRunner, 'application', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE application, company_visit, information_meeting`);
  }
}
