import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { PrincipalContext } from '../auth/principal';
import { AccessLogHooks } from './access-log-hooks';
import { CitizenAccessEntry, CitizenAccessLog } from './citizen-access-log';

/** Who acted when there is no request principal (never for HTTP: every request carries one). */
const SYSTEM_USER = 'system';

/**
 * The access log in the service's own PostgreSQL database (`access_log`, made by
 * createAccessLog): one row per entry, in a transaction of its own so it stays when the
 * request's work rolls back. The runtime role may only insert and read it; rows leave only
 * through the retention purge.
 */
@Injectable()
export class PersistedCitizenAccessLog extends CitizenAccessLog {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AccessLogHooks) private readonly hooks: AccessLogHooks,
  ) {
    super();
  }

  async record(entry: CitizenAccessEntry): Promise<void> {
    const principal = PrincipalContext.current();
    await this.unitOfWork.run(async (manager) => {
      const citizenId = entry.citizenId === undefined ? null : await this.hooks.citizenIdOf(entry.citizenId, manager);
      await manager.query(
        `INSERT INTO access_log (tenant_id, user_id, roles, action, citizen_id, criterion, purpose, outcome, method, route)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          TenantContext.currentTenant(),
          principal?.userId ?? SYSTEM_USER,
          principal?.roles ?? [],
          entry.action,
          citizenId,
          entry.criterion ? JSON.stringify(this.hooks.protectCriterion(entry.criterion)) : null,
          entry.purpose ?? null,
          entry.outcome,
          entry.method,
          entry.route,
        ],
      );
    });
  }
}
