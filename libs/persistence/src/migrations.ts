import { DataSourceOptions, QueryRunner } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { TENANT_SETTING } from './unit-of-work';

/** Session settings through which migrations learn the runtime roles to grant to. */
export const APP_ROLE_SETTING = 'fremskudt.app_role';
export const RELAY_ROLE_SETTING = 'fremskudt.relay_role';

export interface RunMigrationsOptions {
  /** Owner role's URL. */
  url: string;
  appRole: string;
  relayRole: string;
  migrations: DataSourceOptions['migrations'];
  applicationName: string;
}

/**
 * Runs pending migrations as the owner, one runner at a time (advisory lock), on a single
 * connection so the role settings below reach every migration.
 */
export async function runMigrations(options: RunMigrationsOptions): Promise<string[]> {
  const dataSource = createServiceDataSource({
    url: options.url,
    migrations: options.migrations,
    poolSize: 1,
    applicationName: `${options.applicationName}-migrations`,
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`SELECT set_config($1, $2, false), set_config($3, $4, false)`, [
      APP_ROLE_SETTING,
      options.appRole,
      RELAY_ROLE_SETTING,
      options.relayRole,
    ]);
    await dataSource.query(`SELECT pg_advisory_lock(hashtext('fremskudt.migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(`SELECT pg_advisory_unlock(hashtext('fremskudt.migrations'))`);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

const grantTo = (setting: string, privileges: string, table: string) => `
  DO $$ BEGIN
    EXECUTE format('GRANT ${privileges} ON TABLE %I TO %I', '${table}', current_setting('${setting}'));
  END $$`;

/**
 * Makes a table tenant-isolated: `tenant_id` must equal the transaction's tenant setting for
 * every read and write, for every role including the owner (FORCE), and the runtime role gets
 * plain DML rights. A session with no tenant set sees no rows.
 */
export async function enableTenantIsolation(
  queryRunner: QueryRunner,
  table: string,
  appPrivileges = 'SELECT, INSERT, UPDATE, DELETE',
): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(
    `CREATE POLICY tenant_isolation ON "${table}"
       USING (tenant_id = current_setting('${TENANT_SETTING}', true))
       WITH CHECK (tenant_id = current_setting('${TENANT_SETTING}', true))`,
  );
  await queryRunner.query(grantTo(APP_ROLE_SETTING, appPrivileges, table));
}

/** Grants the outbox relay role its rights on one table, through an extra RLS policy. */
export async function grantRelayAccess(queryRunner: QueryRunner, table: string, privileges: string): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      EXECUTE format('CREATE POLICY relay_all_tenants ON %I TO %I USING (true)', '${table}', current_setting('${RELAY_ROLE_SETTING}'));
    END $$`);
  await queryRunner.query(grantTo(RELAY_ROLE_SETTING, privileges, table));
}

/** Grants the runtime role the use of a sequence (serial/identity columns). */
export async function grantSequenceUsage(queryRunner: QueryRunner, sequence: string): Promise<void> {
  await queryRunner.query(grantTo(APP_ROLE_SETTING, 'USAGE', sequence).replace('ON TABLE', 'ON SEQUENCE'));
}
