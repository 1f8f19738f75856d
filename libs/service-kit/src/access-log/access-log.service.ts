import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '../http/problem';
import { AccessLogEntryView, AccessLogExportEntryView, AccessLogPageView, AccessLogPurgeView, AccessLogQuery, DEFAULT_ACCESS_LOG_PAGE } from './access-log.dto';

const TIME_ZONE = 'Europe/Copenhagen';
const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

/** Injection token of the retention period in days (ACCESS_LOG_RETENTION_DAYS, or the service's own setting of it). */
export const ACCESS_LOG_RETENTION_DAYS = Symbol('ACCESS_LOG_RETENTION_DAYS');
/** Injection token of where the service keeps its citizens (AccessLogCitizens). */
export const ACCESS_LOG_CITIZENS = Symbol('ACCESS_LOG_CITIZENS');

/** The table (tenant-isolated) of the citizens the service knows, and its id column: the export is for them only. */
export interface AccessLogCitizens {
  table: string;
  idColumn: string;
}

/** Reading the access log (administrators, citizens' access requests) and purging it after the retention period. */
@Injectable()
export class AccessLogService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ACCESS_LOG_RETENTION_DAYS) private readonly retentionDays: number,
    @Inject(ACCESS_LOG_CITIZENS) private readonly citizens: AccessLogCitizens,
  ) {
    if (!SQL_NAME.test(citizens.table) || !SQL_NAME.test(citizens.idColumn)) throw new Error(`not a table and column: ${citizens.table}.${citizens.idColumn}`);
  }

  /** Newest first, by user, citizen and Danish calendar days, a page at a time. */
  query(query: AccessLogQuery): Promise<AccessLogPageView> {
    const limit = query.limit ?? DEFAULT_ACCESS_LOG_PAGE;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (query.user !== undefined) add((p) => `user_id = ${p}`, query.user);
    if (query.citizenId !== undefined) add((p) => `citizen_id = ${p}`, query.citizenId);
    if (query.from !== undefined) add((p) => `at >= (${p}::date)::timestamp AT TIME ZONE '${TIME_ZONE}'`, query.from);
    if (query.to !== undefined) add((p) => `at < (${p}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}'`, query.to);
    if (query.before !== undefined) add((p) => `id < ${p}::bigint`, query.before);
    params.push(limit + 1);
    return this.unitOfWork.run(async (manager) => {
      const rows: Array<Omit<AccessLogEntryView, 'at'> & { at: Date }> = await manager.query(
        `SELECT id::text, at, user_id AS "userId", roles, action, citizen_id AS "citizenId", criterion, purpose, outcome, method, route
           FROM access_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      const entries = rows.slice(0, limit).map((row) => ({ ...row, at: row.at.toISOString() }));
      return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
    });
  }

  /**
   * A citizen's access request: the day, the kind and the purpose of every access to their data,
   * oldest first, without who. Attempts the roles refused (denied) read nothing and are left out.
   */
  exportFor(citizenId: string): Promise<AccessLogExportEntryView[]> {
    return this.unitOfWork.run(async (manager) => {
      const known: unknown[] = await manager.query(`SELECT 1 FROM ${this.citizens.table} WHERE ${this.citizens.idColumn} = $1`, [citizenId]);
      if (!known.length) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      return manager.query(
        `SELECT to_char(at AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD') AS date, action, purpose
           FROM access_log WHERE citizen_id = $1 AND outcome <> 'denied' ORDER BY id`,
        [citizenId],
      );
    });
  }

  /** Purges the caller's tenant's rows older than the retention period (the function never purges younger than its floor). */
  async purgeTenant(): Promise<AccessLogPurgeView> {
    const retentionDays = this.retentionDays;
    const [{ purged }] = await this.unitOfWork.run((manager) =>
      manager.query(`SELECT purge_access_log($1, $2) AS purged`, [retentionDays, TenantContext.currentTenant()]),
    );
    return { purged, retentionDays };
  }

  /** The daily job: every tenant's rows older than the retention period, with no tenant set. */
  async purgeAllTenants(): Promise<number> {
    const [{ purged }] = await this.dataSource.query(`SELECT purge_access_log($1) AS purged`, [this.retentionDays]);
    return purged;
  }
}
