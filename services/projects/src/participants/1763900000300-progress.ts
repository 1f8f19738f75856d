import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Each participant's way through the project: the phases they started and completed (or were in
 * when they left), and the milestones they reached (an exam sitting with its result, a
 * certificate, a hire, a placement linked by the companies service's id).
 */
export class Progress1763900000300 implements MigrationInterface {
  name = 'Progress1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolment_phase (
        enrolment_id    uuid NOT NULL REFERENCES enrolment (id),
        phase_code      text NOT NULL,
        tenant_id       text NOT NULL,
        project_id      uuid NOT NULL REFERENCES project (id),
        started_on      date NOT NULL,
        completed_on    date CHECK (completed_on >= started_on),
        completed_by    text,
        interrupted_on  date CHECK (interrupted_on >= started_on),
        PRIMARY KEY (enrolment_id, phase_code),
        CHECK ((completed_on IS NULL) = (completed_by IS NULL)),
        CHECK (completed_on IS NULL OR interrupted_on IS NULL)
      )`);
    // At most one phase in progress per participant.
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrolment_phase_one_in_progress ON enrolment_phase (enrolment_id) WHERE completed_on IS NULL AND interrupted_on IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX enrolment_phase_project ON enrolment_phase (project_id, phase_code)`);
    await enableTenantIsolation(queryRunner, 'enrolment_phase', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE milestone_record (
        id              uuid        PRIMARY KEY,
        tenant_id       text        NOT NULL,
        project_id      uuid        NOT NULL REFERENCES project (id),
        enrolment_id    uuid        NOT NULL REFERENCES enrolment (id),
        milestone_code  text        NOT NULL,
        reached_on      date        NOT NULL,
        result          text        CHECK (result IN ('passed', 'failed')),
        phase_code      text,
        placement_id    uuid,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX milestone_record_enrolment ON milestone_record (enrolment_id, reached_on)`);
    await queryRunner.query(`CREATE INDEX milestone_record_project ON milestone_record (project_id, milestone_code)`);
    await enableTenantIsolation(queryRunner, 'milestone_record', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE milestone_record, enrolment_phase`);
  }
}
