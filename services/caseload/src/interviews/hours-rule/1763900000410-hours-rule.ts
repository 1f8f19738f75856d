import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, TENANT_SETTING } from '@fremskudt/persistence';
import { grantToAppRole } from '../migration-grants';

/** Citizens whose benefit is at risk under the hours rule, the notices issued, and the tenants the daily job visits. */
export class HoursRule1763900000410 implements MigrationInterface {
  name = 'HoursRule1763900000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The date the benefit system says the benefit would be reduced; cleared when the risk is gone.
    await queryRunner.query(`
      CREATE TABLE hours_rule_risk (
        citizen_id           uuid        PRIMARY KEY REFERENCES citizen (id),
        tenant_id            text        NOT NULL,
        benefit_effect_date  date        NOT NULL,
        registered_at        timestamptz NOT NULL,
        cleared_at           timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX hours_rule_risk_active ON hours_rule_risk (tenant_id) WHERE cleared_at IS NULL`);
    await enableTenantIsolation(queryRunner, 'hours_rule_risk', 'SELECT, INSERT, UPDATE');

    // Each notice once per citizen and effective date: the job may run twice, or twice at once.
    await queryRunner.query(`
      CREATE TABLE hours_rule_notice (
        id                   uuid        PRIMARY KEY,
        tenant_id            text        NOT NULL,
        citizen_id           uuid        NOT NULL REFERENCES citizen (id),
        kind                 text        NOT NULL CHECK (kind IN ('warning', 'hearing')),
        benefit_effect_date  date        NOT NULL,
        issued_on            date        NOT NULL,
        deadline             date        NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hours_rule_notice_once UNIQUE (tenant_id, citizen_id, kind, benefit_effect_date)
      )`);
    await enableTenantIsolation(queryRunner, 'hours_rule_notice', 'SELECT, INSERT');

    // The tenants the daily job visits. It runs outside any request and must learn which tenants
    // to visit before it can set one, so reading the list is open to every tenant (it holds tenant
    // ids and nothing else), while a tenant can only add itself.
    await queryRunner.query(`CREATE TABLE hours_rule_tenant (tenant_id text PRIMARY KEY, added_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`ALTER TABLE hours_rule_tenant ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE hours_rule_tenant FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_list_readable ON hours_rule_tenant FOR SELECT USING (true)`);
    await queryRunner.query(
      `CREATE POLICY tenant_adds_itself ON hours_rule_tenant FOR INSERT WITH CHECK (tenant_id = current_setting('${TENANT_SETTING}', true))`,
    );
    await grantToAppRole(queryRunner, 'SELECT, INSERT', 'hours_rule_tenant');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE hours_rule_tenant, hours_rule_notice, hours_rule_risk`);
  }
}
