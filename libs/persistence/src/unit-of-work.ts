import { DataSource, EntityManager } from 'typeorm';
import { COMMAND_LOG_TABLE, CommandContext, IdempotencyKeyReusedError } from './idempotent-commands';
import { TenantContext } from './tenant-context';

/** The PostgreSQL setting that row-level-security policies compare `tenant_id` with. */
export const TENANT_SETTING = 'app.tenant_id';

/**
 * Runs work in one database transaction that first sets the tenant with `set_config(..., true)`
 * (transaction-local), so a pooled connection never carries a tenant into the next request.
 * Repositories take the EntityManager handed to the work, never a global one.
 */
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs in the tenant of the current context (throws when there is none). */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const tenantId = TenantContext.currentTenant();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
      return work(manager);
    });
  }

  /**
   * Runs a command: like run(), and when the request carries an idempotency key, a repeat of
   * the same request returns the stored answer of the first without running the work again.
   * The answer must be plain JSON (views, not entities). A concurrent repeat waits for the first
   * to commit (the key's row lock) and then replays it.
   */
  async command<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const scope = CommandContext.current();
    if (!scope) return this.run(work);
    return this.run(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO ${COMMAND_LOG_TABLE} (tenant_id, idempotency_key, fingerprint)
         VALUES (current_setting('${TENANT_SETTING}'), $1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [scope.key, scope.fingerprint],
      );
      if (claimed.length === 0) {
        const [first] = (await manager.query(`SELECT fingerprint, response FROM ${COMMAND_LOG_TABLE} WHERE idempotency_key = $1`, [
          scope.key,
        ])) as Array<{ fingerprint: string; response: T }>;
        if (first.fingerprint !== scope.fingerprint) throw new IdempotencyKeyReusedError(scope.key);
        scope.replayed = true;
        return first.response;
      }
      const result = await work(manager);
      await manager.query(`UPDATE ${COMMAND_LOG_TABLE} SET response = $2 WHERE idempotency_key = $1`, [scope.key, JSON.stringify(result ?? null)]);
      return result;
    });
  }

  /** Enters the tenant's context and runs the work there (consumers, jobs). */
  runForTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return TenantContext.run(tenantId, () => this.run(work));
  }
}
