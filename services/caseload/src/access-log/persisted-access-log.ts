import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { PrincipalContext } from '@fremskudt/service-kit';
import { CitizenAccessEntry, CitizenAccessLog } from '../citizens/citizen-access-log';
import { cprBirthDate } from '../citizens/cpr';
import { CprProtector } from '../privacy/cpr-protection';

/** Who acted when there is no request principal (never for HTTP: every request carries one). */
const SYSTEM_USER = 'system';

/**
 * The access log in PostgreSQL (`access_log`): one row per entry, in a transaction of its own so
 * it stays when the request's work rolls back. The runtime role may only insert and read it
 * (migration 1763900000510); rows leave only through the retention purge.
 */
@Injectable()
export class PersistedCitizenAccessLog extends CitizenAccessLog {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CprProtector) private readonly cpr: CprProtector,
  ) {
    super();
  }

  async record(entry: CitizenAccessEntry): Promise<void> {
    const principal = PrincipalContext.current();
    await this.unitOfWork.run((manager) =>
      manager.query(
        `INSERT INTO access_log (tenant_id, user_id, roles, action, citizen_id, criterion, purpose, outcome, method, route)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          TenantContext.currentTenant(),
          principal?.userId ?? SYSTEM_USER,
          principal?.roles ?? [],
          entry.action,
          entry.citizenId ?? null,
          entry.criterion ? JSON.stringify(this.protect(entry.criterion)) : null,
          entry.purpose ?? null,
          entry.outcome,
          entry.method,
          entry.route,
        ],
      ),
    );
  }

  /**
   * A CPR number is stored as its keyed hash (hex, under `cprHash`): the log never holds it in
   * clear, and an administrator holding the number finds the searches for it by the same hash.
   */
  private protect(criterion: Record<string, string>): Record<string, string> {
    const { cpr, ...rest } = criterion;
    if (cpr === undefined) return rest;
    return { ...rest, ...(cprBirthDate(cpr) ? { cprHash: this.cpr.hash(cpr).toString('hex') } : { cpr: '[invalid]' }) };
  }
}
