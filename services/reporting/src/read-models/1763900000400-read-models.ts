import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * The goal engine's read models, fed by the projections of every consumed topic. Statuses are
 * computed from them with SQL when asked for, so an event counts as soon as it is applied.
 *  - reported_citizen: the birth date (age at any date);
 *  - citizen_attribute_history: dated area, benefit type, readiness and team (value on a date);
 *  - case_period: when each case period opened and closed, and why (in the population when);
 *  - domain_fact: one row per event that happened on a date (offers, interviews, exits, desk
 *    sessions, placements, ...), with the attributes goal definitions filter on.
 */
export class ReadModels1763900000400 implements MigrationInterface {
  name = 'ReadModels1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reported_citizen (
        tenant_id   text NOT NULL,
        citizen_id  uuid NOT NULL,
        birth_date  date NOT NULL,
        PRIMARY KEY (tenant_id, citizen_id)
      )`);
    await enableTenantIsolation(queryRunner, 'reported_citizen');

    await queryRunner.query(`
      CREATE TABLE citizen_attribute_history (
        tenant_id     text        NOT NULL,
        event_id      uuid        NOT NULL,
        attribute     text        NOT NULL CHECK (attribute IN ('area', 'benefit-type', 'readiness', 'team')),
        citizen_id    uuid        NOT NULL,
        value         text        NOT NULL,
        effective_on  date        NOT NULL,
        recorded_at   timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_id, attribute)
      )`);
    await queryRunner.query(
      `CREATE INDEX citizen_attribute_on_date ON citizen_attribute_history (tenant_id, citizen_id, attribute, effective_on DESC, recorded_at DESC)`,
    );
    await enableTenantIsolation(queryRunner, 'citizen_attribute_history');

    // opened_on or closed_on may be missing for a moment when a rebuild and the live consumer interleave.
    await queryRunner.query(`
      CREATE TABLE case_period (
        tenant_id    text NOT NULL,
        period_id    uuid NOT NULL,
        citizen_id   uuid NOT NULL,
        opened_on    date,
        closed_on    date,
        exit_reason  text,
        PRIMARY KEY (tenant_id, period_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_period_citizen ON case_period (tenant_id, citizen_id)`);
    await enableTenantIsolation(queryRunner, 'case_period');

    await queryRunner.query(`
      CREATE TABLE domain_fact (
        tenant_id    text  NOT NULL,
        fact_id      uuid  NOT NULL,
        kind         text  NOT NULL,
        occurred_on  date  NOT NULL,
        citizen_id   uuid,
        area_code    text,
        subject_id   text,
        attributes   jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, fact_id)
      )`);
    await queryRunner.query(`CREATE INDEX domain_fact_kind_date ON domain_fact (tenant_id, kind, occurred_on)`);
    await queryRunner.query(`CREATE INDEX domain_fact_citizen ON domain_fact (tenant_id, citizen_id, kind, occurred_on) WHERE citizen_id IS NOT NULL`);
    await enableTenantIsolation(queryRunner, 'domain_fact');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE domain_fact, case_period, citizen_attribute_history, reported_citizen`);
  }
}
