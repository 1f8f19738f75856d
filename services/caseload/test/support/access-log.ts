/** One row of `access_log` as the suites compare them (superuser SQL: every tenant). */
export interface AccessLogRow {
  tenant: string;
  user: string;
  roles: string[];
  action: string;
  citizenId: string | null;
  criterion: Record<string, string> | null;
  purpose: string | null;
  outcome: string;
  method: string;
  route: string;
}

type Inspect = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

/** The id of the newest access log row (0 when empty): rows after it are what a test did. */
export async function accessLogMark(inspect: Inspect): Promise<number> {
  const [{ mark }] = await inspect<{ mark: number }>(`SELECT coalesce(max(id), 0)::int AS mark FROM access_log`);
  return mark;
}

/** The access log rows written after the mark, oldest first. */
export function accessLogSince(inspect: Inspect, mark: number): Promise<AccessLogRow[]> {
  return inspect<AccessLogRow>(
    `SELECT tenant_id AS tenant, user_id AS "user", roles, action, citizen_id AS "citizenId", criterion, purpose, outcome, method, route
       FROM access_log WHERE id > $1 ORDER BY id`,
    [mark],
  );
}
