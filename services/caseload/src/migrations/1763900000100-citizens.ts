import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

export class Citizens1763900000100 implements MigrationInterface {
  name = 'Citizens1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen (
        id             uuid        PRIMARY KEY,
        tenant_id      text        NOT NULL,
        cpr            text        NOT NULL CHECK (cpr ~ '^[0-9]{10}$'),
        name           text        NOT NULL,
        birth_date     date        NOT NULL,
        area_code      text        NOT NULL,
        benefit_type   text        NOT NULL,
        readiness      text        NOT NULL,
        status         text        NOT NULL,
        registered_at  timestamptz NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT citizen_cpr_unique_per_tenant UNIQUE (tenant_id, cpr)
      )`);
    await queryRunner.query(`CREATE INDEX citizen_tenant_area ON citizen (tenant_id, area_code)`);
    await enableTenantIsolation(queryRunner, 'citizen');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE citizen`);
  }
}
