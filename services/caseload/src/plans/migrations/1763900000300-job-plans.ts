import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Job plans: one per citizen and case period, each revision with its dated goals kept. */
export class JobPlans1763900000300 implements MigrationInterface {
  name = 'JobPlans1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_plan (
        id                 uuid        PRIMARY KEY,
        tenant_id          text        NOT NULL,
        citizen_id         uuid        NOT NULL REFERENCES citizen (id),
        period_id          uuid        NOT NULL REFERENCES case_period (id),
        created_on         date        NOT NULL,
        current_revision   integer     NOT NULL CHECK (current_revision >= 1),
        last_revised_on    date        NOT NULL,
        next_revision_due  date        NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        -- "The citizen's current plan": one per case period; a new one is a revision.
        CONSTRAINT job_plan_one_per_period UNIQUE (citizen_id, period_id)
      )`);
    await enableTenantIsolation(queryRunner, 'job_plan', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE job_plan_revision (
        tenant_id          text        NOT NULL,
        job_plan_id        uuid        NOT NULL REFERENCES job_plan (id),
        revision           integer     NOT NULL CHECK (revision >= 1),
        revised_on         date        NOT NULL,
        next_revision_due  date        NOT NULL CHECK (next_revision_due >= revised_on),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job_plan_id, revision)
      )`);
    await enableTenantIsolation(queryRunner, 'job_plan_revision', 'SELECT, INSERT');

    // The goals as they stood in each revision; a goal kept across revisions keeps its goal_id.
    await queryRunner.query(`
      CREATE TABLE job_plan_goal (
        tenant_id    text     NOT NULL,
        job_plan_id  uuid     NOT NULL,
        revision     integer  NOT NULL,
        goal_id      uuid     NOT NULL,
        position     smallint NOT NULL,
        kind         text     NOT NULL,
        description  text     NOT NULL,
        target_date  date     NOT NULL,
        PRIMARY KEY (job_plan_id, revision, goal_id),
        FOREIGN KEY (job_plan_id, revision) REFERENCES job_plan_revision (job_plan_id, revision)
      )`);
    await enableTenantIsolation(queryRunner, 'job_plan_goal', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_plan_goal, job_plan_revision, job_plan`);
  }
}
