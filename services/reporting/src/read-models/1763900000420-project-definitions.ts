import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * The projects' definitions and own goals as reporting learns them from the projects topic: one
 * row per event (ProjectCreated, ProjectChanged: `definition`; ProjectGoalsDefined: `goals`),
 * insert-only like the citizens' attribute history, so the version in force at any moment is
 * the latest by `effective_at`. A project scope names a project by its code; this table maps the
 * code to the id the participant facts carry, and gives the period of the project's own goals.
 */
export class ProjectDefinitions1763900000420 implements MigrationInterface {
  name = 'ProjectDefinitions1763900000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_definition_history (
        tenant_id      text        NOT NULL,
        event_id       uuid        NOT NULL,
        project_id     uuid        NOT NULL,
        project_code   text        NOT NULL,
        aspect         text        NOT NULL CHECK (aspect IN ('definition', 'goals')),
        effective_at   timestamptz NOT NULL,
        template_code  text,
        variant_code   text,
        start_date     date,
        end_date       date,
        area_codes     text[],
        goals          jsonb,
        PRIMARY KEY (tenant_id, event_id),
        CHECK ((aspect = 'goals') = (goals IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX project_definition_by_code ON project_definition_history (tenant_id, project_code)`);
    await queryRunner.query(`CREATE INDEX project_definition_latest ON project_definition_history (tenant_id, project_id, aspect, effective_at DESC)`);
    await enableTenantIsolation(queryRunner, 'project_definition_history');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_definition_history`);
  }
}
