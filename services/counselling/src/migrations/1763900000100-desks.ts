import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * The desks in the housing areas and their sessions (each opening of a desk), and the read
 * models fed from caseload's topics: which citizens have a case, and the outreach team's staff.
 */
export class Desks1763900000100 implements MigrationInterface {
  name = 'Desks1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE desk (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        area_code   text        NOT NULL,
        name        text        NOT NULL,
        location    text        NOT NULL,
        active      boolean     NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT desk_name_unique_per_area UNIQUE (tenant_id, area_code, name)
      )`);
    await enableTenantIsolation(queryRunner, 'desk', 'SELECT, INSERT, UPDATE');

    // One opening of a desk: from its weekly schedule or an extra session. At most one open per desk.
    await queryRunner.query(`
      CREATE TABLE desk_session (
        id                uuid        PRIMARY KEY,
        tenant_id         text        NOT NULL,
        desk_id           uuid        NOT NULL REFERENCES desk (id),
        date              date        NOT NULL,
        opened_at         timestamptz NOT NULL,
        planned_close_at  timestamptz NOT NULL CHECK (planned_close_at > opened_at),
        closed_at         timestamptz CHECK (closed_at >= opened_at),
        extra             boolean     NOT NULL DEFAULT false,
        staff_ids         uuid[]      NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX desk_session_one_open ON desk_session (desk_id) WHERE closed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX desk_session_desk_date ON desk_session (desk_id, date)`);
    await enableTenantIsolation(queryRunner, 'desk_session', 'SELECT, INSERT, UPDATE');

    // Citizens with a case with the outreach team, from caseload's citizens topic.
    await queryRunner.query(`
      CREATE TABLE case_citizen (
        citizen_id  uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        area_code   text        NOT NULL,
        active      boolean     NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'case_citizen', 'SELECT, INSERT, UPDATE');

    // The outreach team's staff, from caseload's staff topic (ids, team and areas; no names).
    await queryRunner.query(`
      CREATE TABLE staff_member (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        role        text        NOT NULL,
        team_code   text        NOT NULL,
        area_codes  text[]      NOT NULL,
        active      boolean     NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'staff_member', 'SELECT, INSERT, UPDATE');

    // The tenant's list of talk topics (no rows: the brief's defaults apply) and local partners per area.
    await queryRunner.query(`
      CREATE TABLE counselling_topic (
        tenant_id  text    NOT NULL,
        code       text    NOT NULL,
        label_da   text    NOT NULL,
        label_en   text    NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        PRIMARY KEY (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'counselling_topic', 'SELECT, INSERT, UPDATE');
    await queryRunner.query(`
      CREATE TABLE local_partner (
        id         uuid    PRIMARY KEY,
        tenant_id  text    NOT NULL,
        area_code  text    NOT NULL,
        code       text    NOT NULL,
        name       text    NOT NULL,
        kind       text    NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        CONSTRAINT local_partner_code_unique_per_area UNIQUE (tenant_id, area_code, code)
      )`);
    await enableTenantIsolation(queryRunner, 'local_partner', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE local_partner, counselling_topic, staff_member, case_citizen, desk_session, desk`);
  }
}
