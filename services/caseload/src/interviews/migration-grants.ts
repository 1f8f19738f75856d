import { QueryRunner } from 'typeorm';
import { APP_ROLE_SETTING } from '@fremskudt/persistence';

/**
 * Grants the runtime role rights on a relation that is not tenant-isolated by a policy of its own:
 * a security-invoker view (the underlying tables' policies apply) or the tenant list the
 * scheduler reads before it has a tenant.
 */
export async function grantToAppRole(queryRunner: QueryRunner, privileges: string, relation: string): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      EXECUTE format('GRANT ${privileges} ON TABLE %I TO %I', '${relation}', current_setting('${APP_ROLE_SETTING}'));
    END $$`);
}
