import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Companies (one per CVR number per tenant) and the contacts with them. */
export class Companies1763900000200 implements MigrationInterface {
  name = 'Companies1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE company (
        id                    uuid        PRIMARY KEY,
        tenant_id             text        NOT NULL,
        cvr                   char(8)     NOT NULL,
        name                  text        NOT NULL,
        branch_code           text        NOT NULL,
        address               jsonb,
        area_code             text,
        status                text        NOT NULL CHECK (status IN ('prospect', 'active', 'inactive')),
        agreements            jsonb       NOT NULL DEFAULT '[]',
        contact_persons       jsonb       NOT NULL DEFAULT '[]',
        responsible_staff_id  uuid,
        registered_at         timestamptz NOT NULL,
        updated_at            timestamptz NOT NULL,
        CONSTRAINT company_cvr_unique UNIQUE (tenant_id, cvr)
      )`);
    await queryRunner.query(`CREATE INDEX company_branch ON company (tenant_id, branch_code)`);
    await enableTenantIsolation(queryRunner, 'company', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE company_contact (
        id            uuid        PRIMARY KEY,
        tenant_id     text        NOT NULL,
        company_id    uuid        NOT NULL REFERENCES company (id),
        kind          text        NOT NULL CHECK (kind IN ('visit', 'meeting', 'call', 'email', 'event')),
        event_kind    text        CHECK ((kind = 'event') = (event_kind IS NOT NULL)),
        occurred_on   date        NOT NULL,
        staff_id      uuid        NOT NULL,
        citizen_ids   uuid[]      NOT NULL DEFAULT '{}',
        opening_ids   uuid[]      NOT NULL DEFAULT '{}',
        outcome       text        NOT NULL,
        notes         text,
        next_step     text,
        next_step_on  date        CHECK (next_step_on >= occurred_on),
        logged_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX company_contact_company ON company_contact (company_id, occurred_on)`);
    await enableTenantIsolation(queryRunner, 'company_contact', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE company_contact, company`);
  }
}
