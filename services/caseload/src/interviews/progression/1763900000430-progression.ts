import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Progression assessments: the five scores and the A-G group computed when it was recorded. */
export class ProgressionAssessments1763900000430 implements MigrationInterface {
  name = 'ProgressionAssessments1763900000430';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE progression_assessment (
        id                               uuid        PRIMARY KEY,
        tenant_id                        text        NOT NULL,
        citizen_id                       uuid        NOT NULL REFERENCES citizen (id),
        period_id                        uuid        NOT NULL REFERENCES case_period (id),
        assessed_on                      date        NOT NULL,
        professional_skills              smallint    NOT NULL CHECK (professional_skills BETWEEN 1 AND 5),
        job_or_education_focus           smallint    NOT NULL CHECK (job_or_education_focus BETWEEN 1 AND 5),
        personal_and_social_competences  smallint    NOT NULL CHECK (personal_and_social_competences BETWEEN 1 AND 5),
        social_conditions                smallint    NOT NULL CHECK (social_conditions BETWEEN 1 AND 5),
        health                           smallint    NOT NULL CHECK (health BETWEEN 1 AND 5),
        progression_group                text        NOT NULL CHECK (progression_group IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')),
        outlook                          text        NOT NULL CHECK (outlook IN ('good', 'poor')),
        recorded_at                      timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX progression_assessment_citizen ON progression_assessment (citizen_id, assessed_on, recorded_at)`);
    await enableTenantIsolation(queryRunner, 'progression_assessment', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE progression_assessment`);
  }
}
