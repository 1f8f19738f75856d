import { AsyncLocalStorage } from 'node:async_hooks';

/** A tenant id names one municipality's installation data, e.g. `kbh` or `slagelse`. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

export class MissingTenantError extends Error {
  constructor() {
    super('No tenant in context: every unit of work must run inside TenantContext.run(tenantId, ...)');
    this.name = 'MissingTenantError';
  }
}

export class InvalidTenantError extends Error {
  constructor(readonly tenantId: unknown) {
    super(`Invalid tenant id ${JSON.stringify(tenantId)}: expected ${TENANT_ID_PATTERN}`);
    this.name = 'InvalidTenantError';
  }
}

export function isValidTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

interface TenantScope {
  readonly tenantId: string;
}

const storage = new AsyncLocalStorage<TenantScope>();

/**
 * The tenant of the current request or consumed message. Reading it outside a scope throws,
 * so code that forgot the tenant fails loudly instead of seeing the wrong (or no) data.
 */
export const TenantContext = {
  run<T>(tenantId: string, work: () => T): T {
    if (!isValidTenantId(tenantId)) throw new InvalidTenantError(tenantId);
    return storage.run({ tenantId }, work);
  },

  currentTenant(): string {
    const scope = storage.getStore();
    if (!scope) throw new MissingTenantError();
    return scope.tenantId;
  },

  /** For logging and diagnostics only; business code uses currentTenant(). */
  peekTenant(): string | undefined {
    return storage.getStore()?.tenantId;
  },
};
