import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadCaseloadConfig } from '../privacy/caseload-config';
import { CprProtector } from '../privacy/cpr-protection';

/**
 * CPR numbers at rest: the clear `cpr` column becomes `cpr_encrypted` (AES-256-GCM, key id in
 * the first byte) and `cpr_hash` (HMAC-SHA256, unique per tenant, for lookup). Forward only:
 * the clear column is gone afterwards.
 *
 * Existing rows are encrypted here, with the keys of the environment the migration runs in
 * (CPR_ENCRYPTION_KEY and CPR_HASH_KEY, the same caseload validates at start-up; the Helm
 * chart gives them to the migrations Job too). Chosen over refusing to run because developer
 * databases filled by `npm start` and the seed already hold citizens; with no rows the keys are
 * not even read. Outside production without keys the development keys are used, as the service
 * itself does; with NODE_ENV=production and rows but no keys the migration fails, naming them,
 * and changes nothing.
 *
 * Row-level security is forced on the owner too, so the migration lifts FORCE for the rows of
 * every tenant and sets it again, all in its own transaction.
 */
export class CprAtRest1763900000500 implements MigrationInterface {
  name = 'CprAtRest1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE citizen ADD COLUMN cpr_encrypted bytea, ADD COLUMN cpr_hash bytea`);
    await queryRunner.query(`ALTER TABLE citizen NO FORCE ROW LEVEL SECURITY`);
    const rows: Array<{ id: string; cpr: string }> = await queryRunner.query(`SELECT id, cpr FROM citizen`);
    if (rows.length) {
      const protector = new CprProtector(loadCaseloadConfig(process.env).cprKeys);
      for (const { id, cpr } of rows) {
        await queryRunner.query(`UPDATE citizen SET cpr_encrypted = $2, cpr_hash = $3 WHERE id = $1`, [id, protector.encrypt(cpr), protector.hash(cpr)]);
      }
    }
    await queryRunner.query(`ALTER TABLE citizen FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      ALTER TABLE citizen
        DROP CONSTRAINT citizen_cpr_unique_per_tenant,
        DROP COLUMN cpr,
        ALTER COLUMN cpr_encrypted SET NOT NULL,
        ALTER COLUMN cpr_hash SET NOT NULL,
        ADD CONSTRAINT citizen_cpr_encrypted_sealed CHECK (octet_length(cpr_encrypted) > 29),
        ADD CONSTRAINT citizen_cpr_hash_sha256 CHECK (octet_length(cpr_hash) = 32),
        ADD CONSTRAINT citizen_cpr_hash_unique_per_tenant UNIQUE (tenant_id, cpr_hash)`);
  }

  async down(): Promise<void> {
    throw new Error('CprAtRest1763900000500 is forward only: CPR numbers are not written back in clear');
  }
}
