import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, grantSequenceUsage } from '@fremskudt/persistence';

/** Citizens, their case periods, the timeline of everything that concerns them, tenant settings. */
export class Citizens1763900000100 implements MigrationInterface {
  name = 'Citizens1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE citizen (
        id                 uuid        PRIMARY KEY,
        tenant_id          text        NOT NULL,
        cpr                text        NOT NULL CHECK (cpr ~ '^[0-9]{10}$'),
        name               text        NOT NULL,
        birth_date         date        NOT NULL,
        area_code          text        NOT NULL,
        benefit_type       text        NOT NULL,
        readiness          text        NOT NULL,
        match_group        smallint    CHECK (match_group BETWEEN 1 AND 5),
        step               smallint    CHECK (step BETWEEN 0 AND 4),
        interpreter_needed boolean     NOT NULL DEFAULT false,
        status             text        NOT NULL CHECK (status IN ('active', 'exited')),
        current_period_id  uuid        NOT NULL,
        registered_at      timestamptz NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT citizen_cpr_unique_per_tenant UNIQUE (tenant_id, cpr)
      )`);
    await queryRunner.query(`CREATE INDEX citizen_tenant_area ON citizen (tenant_id, area_code)`);
    await queryRunner.query(`CREATE INDEX citizen_tenant_name ON citizen (tenant_id, lower(name) text_pattern_ops)`);
    await enableTenantIsolation(queryRunner, 'citizen');

    // A citizen's time with the outreach team: registration or re-entry to exit.
    await queryRunner.query(`
      CREATE TABLE case_period (
        id           uuid  PRIMARY KEY,
        tenant_id    text  NOT NULL,
        citizen_id   uuid  NOT NULL REFERENCES citizen (id),
        opened_on    date  NOT NULL,
        closed_on    date,
        exit_reason  text,
        CHECK ((closed_on IS NULL) = (exit_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX case_period_one_open ON case_period (citizen_id) WHERE closed_on IS NULL`);
    await enableTenantIsolation(queryRunner, 'case_period');

    // Every fact about a citizen, from this service's events and those it consumes, in order.
    await queryRunner.query(`
      CREATE TABLE timeline_entry (
        seq          bigserial   PRIMARY KEY,
        tenant_id    text        NOT NULL,
        citizen_id   uuid        NOT NULL REFERENCES citizen (id),
        event_id     uuid        NOT NULL UNIQUE,
        event_type   text        NOT NULL,
        source       text        NOT NULL,
        occurred_on  date        NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        data         jsonb       NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX timeline_entry_citizen ON timeline_entry (citizen_id, occurred_on, seq)`);
    await enableTenantIsolation(queryRunner, 'timeline_entry', 'SELECT, INSERT');
    await grantSequenceUsage(queryRunner, 'timeline_entry_seq_seq');

    await queryRunner.query(`
      CREATE TABLE tenant_settings (
        tenant_id                       text        PRIMARY KEY,
        caseload_capacity               integer     NOT NULL CHECK (caseload_capacity > 0),
        interview_interval_months       integer     NOT NULL CHECK (interview_interval_months BETWEEN 1 AND 12),
        no_show_follow_up_working_days  integer     NOT NULL CHECK (no_show_follow_up_working_days BETWEEN 0 AND 30),
        updated_at                      timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'tenant_settings', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tenant_settings, timeline_entry, case_period, citizen`);
  }
}
