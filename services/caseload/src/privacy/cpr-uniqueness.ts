import { EntityManager } from 'typeorm';
import { ConflictProblem } from '@fremskudt/service-kit';

export const citizenAlreadyRegistered = () => new ConflictProblem('citizen-already-registered', 'A citizen with this CPR number is already registered');

/**
 * Refuses a second registration of a CPR number in the tenant, whichever hash key its row was
 * stored under (`hashes`: CprProtector.lookupHashes). The unique constraint on cpr_hash alone
 * does not see two hashes of one number, which replicas configured a rotation step apart may
 * write at the same time; so each registration first takes a transaction lock on every hash it
 * knows (in one order, so two never deadlock) and then looks for a row with any of them.
 * Replicas one step apart share at least one key, hence one lock (README, "Rotating the CPR keys").
 */
export async function refuseRegisteredCpr(manager: EntityManager, hashes: readonly Buffer[]): Promise<void> {
  for (const hex of hashes.map((hash) => hash.toString('hex')).sort()) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('caseload.cpr:' || current_setting('app.tenant_id') || ':' || $1))`, [hex]);
  }
  const found: unknown[] = await manager.query(`SELECT 1 FROM citizen WHERE cpr_hash = ANY($1::bytea[]) LIMIT 1`, [hashes]);
  if (found.length) throw citizenAlreadyRegistered();
}
