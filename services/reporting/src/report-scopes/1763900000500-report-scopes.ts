import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * The tenant's two report scopes: the effort's own (the outreach team's citizens) and the
 * comparison scope the reports set it against (the ordinary job centre). One row per tenant;
 * without a row the effort is the whole tenant and there is no comparison.
 */
export class ReportScopes1763900000500 implements MigrationInterface {
  name = 'ReportScopes1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_scopes (
        tenant_id         text        NOT NULL PRIMARY KEY,
        effort_name       jsonb       NOT NULL,
        effort_scope      jsonb       NOT NULL,
        comparison_name   jsonb,
        comparison_scope  jsonb,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((comparison_name IS NULL) = (comparison_scope IS NULL))
      )`);
    await enableTenantIsolation(queryRunner, 'report_scopes', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_scopes`);
  }
}
