import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** The tenant's reference data: its branches (beyond the defaults), its areas with their centres, its settings. */
export class Reference1763900000100 implements MigrationInterface {
  name = 'Reference1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE branch (
        tenant_id  text    NOT NULL,
        code       text    NOT NULL,
        label_da   text    NOT NULL,
        label_en   text    NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        PRIMARY KEY (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'branch', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE area (
        tenant_id  text             NOT NULL,
        code       text             NOT NULL,
        name       text             NOT NULL,
        kind       text             NOT NULL CHECK (kind IN ('housing-area', 'neighbourhood')),
        latitude   double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude  double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        PRIMARY KEY (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'area', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE companies_settings (
        tenant_id                 text             PRIMARY KEY,
        full_time_hours_per_week  double precision NOT NULL CHECK (full_time_hours_per_week > 0)
      )`);
    await enableTenantIsolation(queryRunner, 'companies_settings', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE companies_settings, area, branch`);
  }
}
