import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Company placements of citizens; the companies service owns them and publishes their stream. */
export class Placements1763900000500 implements MigrationInterface {
  name = 'Placements1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE placement (
        id               uuid             PRIMARY KEY,
        tenant_id        text             NOT NULL,
        citizen_id       uuid             NOT NULL,
        company_id       uuid             NOT NULL REFERENCES company (id),
        opening_id       uuid             REFERENCES opening (id),
        placement_type   text             NOT NULL CHECK (placement_type IN ('company-internship', 'wage-subsidy-job', 'ordinary-job', 'flex-job', 'part-time-job')),
        hours_per_week   double precision NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
        status           text             NOT NULL CHECK (status IN ('planned', 'started', 'ended')),
        planned_start    date             NOT NULL,
        planned_end      date             CHECK (planned_end >= planned_start),
        started_on       date,
        ended_on         date,
        end_reason       text             CHECK ((status = 'ended') = (end_reason IS NOT NULL AND ended_on IS NOT NULL)),
        mentor_staff_id  uuid,
        company_mentor   text,
        created_at       timestamptz      NOT NULL,
        updated_at       timestamptz      NOT NULL,
        CHECK (status = 'planned' OR status = 'ended' OR started_on IS NOT NULL),
        CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
      )`);
    await queryRunner.query(`CREATE INDEX placement_citizen ON placement (citizen_id)`);
    await queryRunner.query(`CREATE INDEX placement_company ON placement (company_id)`);
    await enableTenantIsolation(queryRunner, 'placement', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE placement`);
  }
}
