import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE_SETTING, enableTenantIsolation, grantSequenceUsage } from '@fremskudt/persistence';

/** Rows younger than this are never purged, whatever the caller asks (the config's minimum retention). */
export const ACCESS_LOG_PURGE_FLOOR_DAYS = 30;

/**
 * Makes the access log of citizens' personal data in a service's own database (each service
 * calls it from a migration of its own: services share no tables). Append-only for the
 * service: the runtime role may SELECT and INSERT, nothing else; rows leave only through
 * `purge_access_log`, a SECURITY DEFINER function owned by the owner role that deletes rows
 * older than the retention it is given but never younger than 30 days, so the service cannot
 * use it to remove recent rows.
 *
 * Row-level security is forced on the owner too, so the function could only see the tenant of
 * its caller; two owner-only policies let the owner (only through the function: the services
 * never hold the owner role) see and delete the rows past the floor of every tenant, so the
 * daily job purges all tenants without knowing them.
 */
export async function createAccessLog(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE access_log (
      id          bigserial   PRIMARY KEY,
      tenant_id   text        NOT NULL,
      at          timestamptz NOT NULL DEFAULT now(),
      user_id     text        NOT NULL,
      roles       text[]      NOT NULL,
      action      text        NOT NULL CHECK (action IN ('read', 'search', 'change', 'register', 'export')),
      citizen_id  uuid,
      criterion   jsonb,
      purpose     text        CHECK (char_length(purpose) BETWEEN 1 AND 200),
      outcome     text        NOT NULL CHECK (outcome IN ('ok', 'not-found', 'refused', 'denied', 'failed')),
      method      text        NOT NULL,
      route       text        NOT NULL
    )`);
  await queryRunner.query(`CREATE INDEX access_log_tenant_at ON access_log (tenant_id, at)`);
  await queryRunner.query(`CREATE INDEX access_log_citizen ON access_log (tenant_id, citizen_id, id) WHERE citizen_id IS NOT NULL`);
  await queryRunner.query(`CREATE INDEX access_log_user ON access_log (tenant_id, user_id, id)`);
  await enableTenantIsolation(queryRunner, 'access_log', 'SELECT, INSERT');
  await grantSequenceUsage(queryRunner, 'access_log_id_seq');

  const pastFloor = `at < now() - interval '${ACCESS_LOG_PURGE_FLOOR_DAYS} days'`;
  await queryRunner.query(`CREATE POLICY owner_sees_expired ON access_log FOR SELECT TO CURRENT_USER USING (${pastFloor})`);
  await queryRunner.query(`CREATE POLICY owner_purges_expired ON access_log FOR DELETE TO CURRENT_USER USING (${pastFloor})`);
  await queryRunner.query(`
    CREATE FUNCTION purge_access_log(retention_days integer, only_tenant text DEFAULT NULL) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
      cutoff timestamptz := now() - make_interval(days => greatest(coalesce(retention_days, 0), ${ACCESS_LOG_PURGE_FLOOR_DAYS}));
      purged integer;
    BEGIN
      DELETE FROM public.access_log WHERE at < cutoff AND (only_tenant IS NULL OR tenant_id = only_tenant);
      GET DIAGNOSTICS purged = ROW_COUNT;
      RETURN purged;
    END $$`);
  await queryRunner.query(`REVOKE ALL ON FUNCTION purge_access_log(integer, text) FROM PUBLIC`);
  await queryRunner.query(`
    DO $$ BEGIN
      EXECUTE format('GRANT EXECUTE ON FUNCTION purge_access_log(integer, text) TO %I', current_setting('${APP_ROLE_SETTING}'));
    END $$`);
}

export async function dropAccessLog(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP FUNCTION purge_access_log(integer, text)`);
  await queryRunner.query(`DROP TABLE access_log`);
}

/**
 * A service's migration that makes its access log (createAccessLog), named by its timestamp
 * (`AccessLog<timestamp>`) so it runs in order among the service's own migrations.
 */
export function accessLogMigration(timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `AccessLog${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await createAccessLog(queryRunner);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await dropAccessLog(queryRunner);
    }
  };
}
