import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Partner organisations and projects: each project with its ordered phases, its milestones and
 * the partners that take part in it (and in which roles). Eligibility criteria and the project's
 * own goals are small documents of the project and live as jsonb on its row.
 */
export class Projects1763900000100 implements MigrationInterface {
  name = 'Projects1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        code        text        NOT NULL,
        name        text        NOT NULL,
        kind        text        NOT NULL,
        contacts    jsonb       NOT NULL DEFAULT '[]',
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_code_unique UNIQUE (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'partner', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE project (
        id             uuid        PRIMARY KEY,
        tenant_id      text        NOT NULL,
        code           text        NOT NULL,
        name           text        NOT NULL,
        template_code  text,
        variant_code   text,
        target_group   text,
        start_date     date        NOT NULL,
        end_date       date        CHECK (end_date >= start_date),
        capacity       integer     CHECK (capacity >= 1),
        budget_dkk     integer     CHECK (budget_dkk >= 0),
        area_codes     text[]      NOT NULL DEFAULT '{}',
        eligibility    jsonb       NOT NULL,
        goals          jsonb       NOT NULL DEFAULT '[]',
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_code_unique UNIQUE (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'project', 'SELECT, INSERT, UPDATE');

    // The phases in order; a change of the list replaces the rows (positions stay 1..n).
    await queryRunner.query(`
      CREATE TABLE project_phase (
        project_id                 uuid    NOT NULL REFERENCES project (id),
        code                       text    NOT NULL,
        tenant_id                  text    NOT NULL,
        position                   integer NOT NULL CHECK (position >= 1),
        name                       text    NOT NULL,
        planned_weeks              integer CHECK (planned_weeks >= 1),
        completed_by               text    NOT NULL,
        completion_milestone_code  text,
        PRIMARY KEY (project_id, code),
        CONSTRAINT project_phase_position_unique UNIQUE (project_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await enableTenantIsolation(queryRunner, 'project_phase', 'SELECT, INSERT, UPDATE, DELETE');

    await queryRunner.query(`
      CREATE TABLE project_milestone (
        project_id  uuid NOT NULL REFERENCES project (id),
        code        text NOT NULL,
        tenant_id   text NOT NULL,
        name        text NOT NULL,
        kind        text NOT NULL,
        phase_code  text,
        PRIMARY KEY (project_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'project_milestone', 'SELECT, INSERT, UPDATE, DELETE');

    await queryRunner.query(`
      CREATE TABLE project_partner (
        project_id  uuid   NOT NULL REFERENCES project (id),
        partner_id  uuid   NOT NULL REFERENCES partner (id),
        tenant_id   text   NOT NULL,
        roles       text[] NOT NULL CHECK (cardinality(roles) >= 1),
        joined_on   date   NOT NULL,
        PRIMARY KEY (project_id, partner_id)
      )`);
    await enableTenantIsolation(queryRunner, 'project_partner', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_partner, project_milestone, project_phase, project, partner`);
  }
}
