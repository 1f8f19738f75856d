import { DataSource, EntityManager } from 'typeorm';
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

  /** Enters the tenant's context and runs the work there (consumers, jobs). */
  runForTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return TenantContext.run(tenantId, () => this.run(work));
  }
}
