import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Job openings: open until filled or closed. */
export class Openings1763900000400 implements MigrationInterface {
  name = 'Openings1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE opening (
        id              uuid             PRIMARY KEY,
        tenant_id       text             NOT NULL,
        company_id      uuid             NOT NULL REFERENCES company (id),
        opening_type    text             NOT NULL CHECK (opening_type IN ('ordinary-job', 'internship-slot', 'wage-subsidy-slot', 'education-place')),
        title           text             NOT NULL,
        branch_code     text             NOT NULL,
        area_code       text             NOT NULL,
        hours_per_week  double precision NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
        places          integer          NOT NULL CHECK (places >= 1),
        language_level  text             NOT NULL,
        certificates    text[]           NOT NULL DEFAULT '{}',
        conditions      text[]           NOT NULL DEFAULT '{}',
        deadline        date,
        status          text             NOT NULL CHECK (status IN ('open', 'filled', 'closed')),
        published_on    date             NOT NULL,
        filled_on       date,
        closed_on       date,
        close_reason    text,
        created_at      timestamptz      NOT NULL,
        CHECK ((status = 'filled') = (filled_on IS NOT NULL)),
        CHECK ((status = 'closed') = (closed_on IS NOT NULL AND close_reason IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX opening_company ON opening (company_id)`);
    await queryRunner.query(`CREATE INDEX opening_open ON opening (tenant_id, status, branch_code)`);
    await enableTenantIsolation(queryRunner, 'opening', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE opening`);
  }
}
