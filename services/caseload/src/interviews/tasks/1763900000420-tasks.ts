import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** The consultants' tasks: no-show follow-ups and hours-rule warnings and hearings. */
export class ConsultantTasks1763900000420 implements MigrationInterface {
  name = 'ConsultantTasks1763900000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consultant_task (
        id            uuid        PRIMARY KEY,
        tenant_id     text        NOT NULL,
        citizen_id    uuid        NOT NULL REFERENCES citizen (id),
        kind          text        NOT NULL CHECK (kind IN ('no-show-follow-up', 'hours-rule-warning', 'hours-rule-hearing')),
        due_date      date        NOT NULL,
        status        text        NOT NULL CHECK (status IN ('open', 'done')),
        interview_id  uuid        UNIQUE REFERENCES interview (id),
        notice_id     uuid        UNIQUE REFERENCES hours_rule_notice (id),
        created_on    date        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        completed_on  date,
        outcome       text        CHECK (outcome IN ('phoned', 'visited', 'reached-otherwise', 'not-reached')),
        CHECK ((status = 'done') = (completed_on IS NOT NULL)),
        CHECK (outcome IS NULL OR status = 'done'),
        -- Every task comes from exactly one fact: a no-show from its interview, a notice from its notice.
        CHECK ((kind = 'no-show-follow-up') = (interview_id IS NOT NULL)),
        CHECK ((kind <> 'no-show-follow-up') = (notice_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX consultant_task_open ON consultant_task (tenant_id, status, due_date)`);
    await queryRunner.query(`CREATE INDEX consultant_task_citizen ON consultant_task (citizen_id, due_date)`);
    await enableTenantIsolation(queryRunner, 'consultant_task', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consultant_task`);
  }
}
