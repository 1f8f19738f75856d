import { Client } from 'pg';
import { AccessLogPurgeScheduler, copenhagenToday } from '@fremskudt/service-kit';
import { TestIdentity } from './identities';
import { OpenApiDocument, openApiOperations } from './openapi-conventions';
import { KBH, ServiceTestbed, SLAGELSE, UNKNOWN_ID } from './service-testbed';

/** One row of a service's `access_log` as the suites compare them (superuser SQL: every tenant). */
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

/**
 * What the service's runtime role (`appUrl`) may do to its access log in a transaction of the
 * tenant, each statement rolled back: 'ok' or the database's error message.
 */
export async function accessLogRightsOfRuntimeRole(appUrl: string, tenant: string): Promise<Record<'select' | 'insert' | 'update' | 'delete' | 'truncate', string>> {
  const statements = {
    select: `SELECT count(*) FROM access_log`,
    insert: `INSERT INTO access_log (tenant_id, user_id, roles, action, outcome, method, route) VALUES (current_setting('app.tenant_id'), 'u', '{}', 'read', 'ok', 'GET', '/x')`,
    update: `UPDATE access_log SET purpose = 'ændret'`,
    delete: `DELETE FROM access_log`,
    truncate: `TRUNCATE access_log`,
  };
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    const answers: Record<string, string> = {};
    for (const [name, sql] of Object.entries(statements)) {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        await client.query(sql);
        answers[name] = 'ok';
      } catch (error) {
        answers[name] = (error as Error).message;
      } finally {
        await client.query('ROLLBACK');
      }
    }
    return answers as Record<keyof typeof statements, string>;
  } finally {
    await client.end();
  }
}

/**
 * The operations not declared as accesses to citizens' personal data (`@CitizenAccess`, seen as
 * the X-Purpose header it documents), as sorted `METHOD path`: what a suite lists as touching
 * no citizen's data, so a new endpoint must be placed on one side or the other.
 */
export function operationsNotLogged(document: OpenApiDocument): string[] {
  return openApiOperations(document)
    .filter(({ path }) => !path.startsWith('/health'))
    .filter(({ operation }) => !operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'X-Purpose'))
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
    .sort();
}

/**
 * The parts of a service's access log that are the same in every service (service-kit's
 * CitizenAccessLogModule over the service's own table), through its real HTTP API and database:
 * the administrators' query, the citizen's access-request export, append-only rights and the
 * retention purge. Call inside the describe block that owns the testbed; `knownCitizen` makes a
 * citizen the service knows in the tenant. The service's own suite adds its scripted session.
 */
export function describeAccessLogBasics(testbed: Pick<ServiceTestbed, 'api' | 'inspect' | 'service'>, knownCitizen: (tenant: string) => Promise<string>): void {
  const { api, inspect } = testbed;
  const admin: TestIdentity = { user: 'admin-1', tenant: KBH, roles: ['tenant-admin'] };
  const slagelseAdmin: TestIdentity = { user: 'admin-2', tenant: SLAGELSE, roles: ['tenant-admin'] };
  const consultant: TestIdentity = { user: 'konsulent-1', tenant: KBH, roles: ['job-consultant'] };
  const today = copenhagenToday();
  const logged = (tenant: string, citizenId: string | null, user: string, outcome: string, purpose: string | null, daysAgo = 0) =>
    inspect(
      `INSERT INTO access_log (tenant_id, at, user_id, roles, action, citizen_id, purpose, outcome, method, route)
       VALUES ($1, now() - make_interval(days => $6), $3, '{job-consultant}', 'read', $2, $5, $4, 'GET', '/x/:id')`,
      [tenant, citizenId, user, outcome, purpose, daysAgo],
    );

  describe('the access log’s administration (service-kit)', () => {
    it('answers the tenant’s administrators by user and citizen, newest first, a page at a time, and nobody else', async () => {
      const citizen = await knownCitizen(KBH);
      for (const purpose of ['Første', 'Anden', 'Tredje']) await logged(KBH, citizen, 'laeser-1', 'ok', purpose);
      const first = await api(admin).get(`/access-log?user=laeser-1&citizenId=${citizen}&from=${today}&to=${today}&limit=2`).expect(200);
      expect(first.body.entries.map((entry: { purpose: string }) => entry.purpose)).toEqual(['Tredje', 'Anden']);
      expect(first.body.entries[0]).toMatchObject({ userId: 'laeser-1', roles: ['job-consultant'], action: 'read', citizenId: citizen, outcome: 'ok', route: '/x/:id' });
      const second = await api(admin).get(`/access-log?user=laeser-1&citizenId=${citizen}&limit=2&before=${first.body.nextBefore}`).expect(200);
      expect(second.body).toMatchObject({ entries: [expect.objectContaining({ purpose: 'Første' })], nextBefore: null });
      expect((await api(slagelseAdmin).get(`/access-log?user=laeser-1`).expect(200)).body.entries).toEqual([]);

      const mark = await accessLogMark(inspect);
      await api(consultant).get(`/access-log?citizenId=${citizen}`).set('X-Purpose', 'Nysgerrighed').expect(403);
      await api(admin).get('/access-log?citizenId=nobody&limit=0').expect(400);
      expect((await accessLogSince(inspect, mark)).map(({ user, action, citizenId, criterion, purpose, outcome, route }) => ({ user, action, citizenId, criterion, purpose, outcome, route }))).toEqual([
        { user: 'konsulent-1', action: 'search', citizenId: null, criterion: { citizenId: citizen }, purpose: 'Nysgerrighed', outcome: 'denied', route: '/access-log' },
        { user: 'admin-1', action: 'search', citizenId: null, criterion: { citizenId: 'nobody' }, purpose: null, outcome: 'refused', route: '/access-log' },
      ]);
    });

    it('exports to the citizen the dates, kinds and purposes of the accesses to them, never who nor the denied ones; only for the tenant’s own citizens', async () => {
      const citizen = await knownCitizen(KBH);
      await logged(KBH, citizen, 'konsulent-9', 'ok', 'Opfølgning', 40);
      await logged(KBH, citizen, 'konsulent-9', 'not-found', null);
      await logged(KBH, citizen, 'leder-1', 'denied', 'Nysgerrighed');
      const exported = await api(admin).get(`/citizens/${citizen}/access-log-export`).set('X-Purpose', 'Aktindsigt').expect(200);
      expect(exported.body).toEqual([
        { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), action: 'read', purpose: 'Opfølgning' },
        { date: today, action: 'read', purpose: null },
      ]);
      expect(exported.body[0].date < today).toBe(true);
      expect(JSON.stringify(exported.body)).not.toMatch(/konsulent|leder|job-consultant/);
      // The export is itself an access to the citizen, and shows in the next one.
      expect((await api(admin).get(`/citizens/${citizen}/access-log-export`).expect(200)).body.slice(2)).toEqual([{ date: today, action: 'export', purpose: 'Aktindsigt' }]);

      await api(consultant).get(`/citizens/${citizen}/access-log-export`).expect(403);
      await api(slagelseAdmin).get(`/citizens/${citizen}/access-log-export`).expect(404);
      await api(admin).get(`/citizens/${UNKNOWN_ID}/access-log-export`).expect(404);
    });

    it('is append-only for the service: its runtime role may read and insert, never update, delete or truncate', async () => {
      const denied = 'permission denied for table access_log';
      expect(await accessLogRightsOfRuntimeRole(testbed.service.database.urls.app, KBH)).toEqual({ select: 'ok', insert: 'ok', update: denied, delete: denied, truncate: denied });
    });

    it('purges the rows past the retention period (183 days by default): the tenant’s on request, every tenant’s in the daily job, never younger than 30 days', async () => {
      const ages = async () =>
        (
          await inspect<{ tenant: string; days: number }>(
            `SELECT tenant_id AS tenant, round(extract(epoch FROM now() - at) / 86400)::int AS days FROM access_log WHERE user_id = 'purge-test' ORDER BY tenant_id, at`,
          )
        ).map(({ tenant, days }) => `${tenant} ${days}`);
      for (const [tenant, days] of [[KBH, 200], [KBH, 100], [KBH, 10], [SLAGELSE, 200]] as const) await logged(tenant, null, 'purge-test', 'ok', null, days);

      expect((await api(admin).post('/jobs/access-log-purge', {}).expect(200)).body).toEqual({ purged: 1, retentionDays: 183 });
      expect(await ages()).toEqual(['kbh 100', 'kbh 10', 'slagelse 200']);
      await testbed.service.app.get(AccessLogPurgeScheduler).run();
      expect(await ages()).toEqual(['kbh 100', 'kbh 10']);

      const client = new Client({ connectionString: testbed.service.database.urls.app });
      await client.connect();
      try {
        await client.query(`SELECT purge_access_log(0)`);
      } finally {
        await client.end();
      }
      expect(await ages()).toEqual(['kbh 10']);
    });
  });
}
