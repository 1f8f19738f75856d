import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Read model of the companies service's placements of our citizens (fed by the placements stream). */
export class Placements1763900000302 implements MigrationInterface {
  name = 'Placements1763900000302';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE placement (
        id              uuid        PRIMARY KEY,
        tenant_id       text        NOT NULL,
        citizen_id      uuid        NOT NULL REFERENCES citizen (id),
        company_id      uuid        NOT NULL,
        placement_type  text        NOT NULL,
        hours_per_week  numeric     NOT NULL,
        status          text        NOT NULL CHECK (status IN ('planned', 'started', 'ended')),
        planned_start   date,
        planned_end     date,
        started_on      date,
        ended_on        date,
        end_reason      text,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX placement_citizen ON placement (citizen_id)`);
    await enableTenantIsolation(queryRunner, 'placement', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE placement`);
  }
}
