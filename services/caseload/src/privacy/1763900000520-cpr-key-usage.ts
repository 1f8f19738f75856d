import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE_SETTING } from '@fremskudt/persistence';

/** Set only while cpr_key_usage() runs: the owner's policy below holds there and nowhere else. */
const INSIDE_KEY_USAGE = 'caseload.cpr_key_usage';

/**
 * `cpr_key_usage()`: how many stored CPR numbers each encryption key id seals, over every
 * tenant. Caseload asks at start-up and refuses to start when a key id in use has no key, so a
 * key removed too early stops the rollout instead of making citizens unreadable.
 *
 * It answers key ids and counts only, nothing of any citizen. Row-level security is forced on
 * the owner too, so the SECURITY DEFINER function would see no tenant's rows; an owner-only
 * policy lets it see every row while the function runs (it sets the setting for that time),
 * which the services never can: they never hold the owner role.
 */
export class CprKeyUsage1763900000520 implements MigrationInterface {
  name = 'CprKeyUsage1763900000520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE POLICY owner_counts_cpr_keys ON citizen FOR SELECT TO CURRENT_USER USING (current_setting('${INSIDE_KEY_USAGE}', true) = 'on')`,
    );
    // The setting is set in the body, not by a SET clause: PostgreSQL lets only superusers put a
    // custom setting in a function's definition. Transaction-local, and cleared before returning.
    await queryRunner.query(`
      CREATE FUNCTION cpr_key_usage() RETURNS TABLE (key_id integer, citizens bigint)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        PERFORM set_config('${INSIDE_KEY_USAGE}', 'on', true);
        RETURN QUERY SELECT get_byte(c.cpr_encrypted, 0), count(*) FROM public.citizen c GROUP BY 1 ORDER BY 1;
        PERFORM set_config('${INSIDE_KEY_USAGE}', '', true);
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION cpr_key_usage() FROM PUBLIC`);
    await queryRunner.query(`
      DO $$ BEGIN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cpr_key_usage() TO %I', current_setting('${APP_ROLE_SETTING}'));
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION cpr_key_usage()`);
    await queryRunner.query(`DROP POLICY owner_counts_cpr_keys ON citizen`);
  }
}
