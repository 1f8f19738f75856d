import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Citizens' job wishes, every version kept; at most one current wish per citizen. */
export class JobWishes1763900000600 implements MigrationInterface {
  name = 'JobWishes1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_wish (
        id                uuid             PRIMARY KEY,
        tenant_id         text             NOT NULL,
        citizen_id        uuid             NOT NULL REFERENCES known_citizen (citizen_id),
        branch_codes      text[]           NOT NULL CHECK (cardinality(branch_codes) >= 1),
        area_codes        text[]           NOT NULL DEFAULT '{}',
        max_travel_km     double precision NOT NULL CHECK (max_travel_km >= 0),
        hours_min         double precision NOT NULL,
        hours_max         double precision NOT NULL CHECK (hours_max >= hours_min),
        language_level    text             NOT NULL,
        certificates      text[]           NOT NULL DEFAULT '{}',
        avoid_conditions  text[]           NOT NULL DEFAULT '{}',
        notes             text,
        recorded_by       uuid             NOT NULL,
        recorded_on       date             NOT NULL,
        recorded_at       timestamptz      NOT NULL,
        replaced_at       timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX job_wish_current ON job_wish (citizen_id) WHERE replaced_at IS NULL`);
    await enableTenantIsolation(queryRunner, 'job_wish', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_wish`);
  }
}
