import { Injectable } from '@nestjs/common';
import { TenantContext } from '@fremskudt/persistence';

export type RebuildStatus = 'running' | 'completed' | 'failed';

export interface Rebuild {
  id: string;
  tenant: string;
  status: RebuildStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Events of the tenant applied to the fresh read models. */
  eventsApplied: number;
  /** Messages read from the topics (every tenant's). */
  messagesRead: number;
  error: string | null;
}

/**
 * The rebuilds of this process (kept in memory: a rebuild runs in the replica that was asked;
 * with several replicas the others keep serving, and their statuses say nothing about it).
 */
@Injectable()
export class RebuildState {
  private readonly rebuilds = new Map<string, Rebuild>();

  add(rebuild: Rebuild): void {
    this.rebuilds.set(rebuild.id, rebuild);
  }

  /** A rebuild of the current tenant (another tenant's is not found). */
  find(id: string): Rebuild | undefined {
    const found = this.rebuilds.get(id);
    return found && found.tenant === TenantContext.currentTenant() ? found : undefined;
  }

  /** Whether the current tenant's read models are being rebuilt (figures may be incomplete). */
  inProgress(): boolean {
    const tenant = TenantContext.currentTenant();
    return [...this.rebuilds.values()].some((rebuild) => rebuild.tenant === tenant && rebuild.status === 'running');
  }

  running(tenant: string): Rebuild | undefined {
    return [...this.rebuilds.values()].find((rebuild) => rebuild.tenant === tenant && rebuild.status === 'running');
  }
}
