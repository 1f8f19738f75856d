import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Goals as versioned data per tenant. A change appends a version and never rewrites one, so a
 * report made at some moment can be made again with the definitions valid then. Manual
 * assessments are append-only too (who, when, what). The tenant's reporting settings hold the
 * default partly-met threshold.
 */
export class Goals1763900000410 implements MigrationInterface {
  name = 'Goals1763900000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE goal (
        tenant_id        text        NOT NULL,
        goal_id          text        NOT NULL,
        current_version  integer     NOT NULL CHECK (current_version >= 1),
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, goal_id)
      )`);
    await enableTenantIsolation(queryRunner, 'goal', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE goal_version (
        tenant_id    text        NOT NULL,
        goal_id      text        NOT NULL,
        version      integer     NOT NULL CHECK (version >= 1),
        kind         text        NOT NULL,
        document     jsonb       NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, goal_id, version),
        FOREIGN KEY (tenant_id, goal_id) REFERENCES goal (tenant_id, goal_id)
      )`);
    await enableTenantIsolation(queryRunner, 'goal_version', 'SELECT, INSERT');

    await queryRunner.query(`
      CREATE TABLE manual_goal_assessment (
        tenant_id      text        NOT NULL,
        assessment_id  uuid        NOT NULL,
        goal_id        text        NOT NULL,
        status         text        NOT NULL CHECK (status IN ('met', 'partly-met', 'not-met')),
        comment        text        NOT NULL,
        assessed_by    text        NOT NULL,
        assessed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, assessment_id),
        FOREIGN KEY (tenant_id, goal_id) REFERENCES goal (tenant_id, goal_id)
      )`);
    await queryRunner.query(`CREATE INDEX manual_goal_assessment_latest ON manual_goal_assessment (tenant_id, goal_id, assessed_at DESC)`);
    await enableTenantIsolation(queryRunner, 'manual_goal_assessment', 'SELECT, INSERT');

    await queryRunner.query(`
      CREATE TABLE reporting_settings (
        tenant_id          text         NOT NULL PRIMARY KEY,
        partial_threshold  numeric(4,3) NOT NULL CHECK (partial_threshold > 0 AND partial_threshold <= 1),
        updated_at         timestamptz  NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'reporting_settings', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reporting_settings, manual_goal_assessment, goal_version, goal`);
  }
}
