import { Client } from 'pg';
import { TestIdentity } from '@fremskudt/testing';
import { AccessLogPurgeScheduler } from '../src/access-log/access-log-purge.scheduler';
import { copenhagenToday } from '../src/case/calendar';
import { loadCaseloadConfig } from '../src/privacy/caseload-config';
import { CprProtector } from '../src/privacy/cpr-protection';
import { addDays } from '../src/rules';
import { accessLogMark, accessLogSince } from './support/access-log';
import { caseloadTestbed, KBH, SLAGELSE, UNKNOWN_ID, uniqueCpr } from './support/testbed';

const consultant: TestIdentity = { user: 'konsulent-1', tenant: KBH, roles: ['job-consultant'] };
const manager: TestIdentity = { user: 'leder-1', tenant: KBH, roles: ['manager'] };
const admin: TestIdentity = { user: 'admin-1', tenant: KBH, roles: ['tenant-admin'] };
const slagelseAdmin: TestIdentity = { user: 'admin-2', tenant: SLAGELSE, roles: ['tenant-admin'] };
/** The keys the service runs with in the suites (no CPR_* variables outside production). */
const developmentKeys = new CprProtector(loadCaseloadConfig({ NODE_ENV: 'test' }).cprKeys);

describe('caseload: the access log of citizens’ personal data (real PostgreSQL)', () => {
  const testbed = caseloadTestbed('access-log', { probe: false });
  const { api, inspect } = testbed;
  const today = copenhagenToday();
  const registration = (cpr: string, name = 'Amina Hassan') => ({ cpr, name, areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' });
  /** The staff member a login signs in as: a user reaches citizens only through one (here the area's intake, Tingbjerg). */
  const linkStaff = (loginSubject: string, role: string) =>
    api().post('/staff', { name: `Medarbejder ${loginSubject}`, loginSubject, role, teamCode: 'team-nord', areaCodes: ['tingbjerg'] }).expect(201);

  beforeAll(async () => {
    await linkStaff(consultant.user, 'job-consultant');
    await linkStaff('mentor-7', 'mentor');
  });

  it('records a consultant’s session exactly: every read, search and change, the denied and the failed one, with who, why and the outcome', async () => {
    const cpr = uniqueCpr('1990-01-01');
    const mark = await accessLogMark(inspect);

    const registered = await api(consultant).post('/citizens', registration(cpr)).set('X-Purpose', 'Ny borger i Tingbjerg').expect(201);
    const id = registered.body.id as string;
    await api(consultant).get('/citizens?name=amina&areaCode=tingbjerg').expect(200);
    const byCpr = await api(consultant).post('/citizens/search', { cpr }).set('X-Purpose', 'Borger ringede').expect(200);
    expect(byCpr.body.map((citizen: { id: string }) => citizen.id)).toEqual([id]);
    await api(consultant).get(`/citizens/${id}`).set('X-Purpose', 'Opfølgningssamtale').expect(200);
    await api(consultant).patch(`/citizens/${id}`, { readiness: 'job-ready', effectiveDate: today }).expect(200);
    await api(consultant).get(`/citizens/${id}/timeline`).expect(200);
    await api(manager).get(`/citizens/${id}`).set('X-Purpose', 'Nysgerrighed').expect(403);
    await api(consultant).get(`/citizens/${UNKNOWN_ID}`).expect(404);

    const rows = await accessLogSince(inspect, mark);
    const asConsultant = { tenant: KBH, user: 'konsulent-1', roles: ['job-consultant'] };
    expect(rows).toEqual([
      { ...asConsultant, action: 'register', citizenId: id, criterion: null, purpose: 'Ny borger i Tingbjerg', outcome: 'ok', method: 'POST', route: '/citizens' },
      { ...asConsultant, action: 'search', citizenId: null, criterion: { name: 'amina', areaCode: 'tingbjerg' }, purpose: null, outcome: 'ok', method: 'GET', route: '/citizens' },
      {
        ...asConsultant,
        action: 'search',
        citizenId: id,
        criterion: { cprHash: developmentKeys.hash(cpr).toString('hex') },
        purpose: 'Borger ringede',
        outcome: 'ok',
        method: 'POST',
        route: '/citizens/search',
      },
      { ...asConsultant, action: 'read', citizenId: id, criterion: null, purpose: 'Opfølgningssamtale', outcome: 'ok', method: 'GET', route: '/citizens/:id' },
      { ...asConsultant, action: 'change', citizenId: id, criterion: null, purpose: null, outcome: 'ok', method: 'PATCH', route: '/citizens/:id' },
      { ...asConsultant, action: 'read', citizenId: id, criterion: null, purpose: null, outcome: 'ok', method: 'GET', route: '/citizens/:id/timeline' },
      { tenant: KBH, user: 'leder-1', roles: ['manager'], action: 'read', citizenId: id, criterion: null, purpose: 'Nysgerrighed', outcome: 'denied', method: 'GET', route: '/citizens/:id' },
      { ...asConsultant, action: 'read', citizenId: UNKNOWN_ID, criterion: null, purpose: null, outcome: 'not-found', method: 'GET', route: '/citizens/:id' },
    ]);
    const digits = cpr.replace('-', '');
    expect(JSON.stringify(rows)).not.toContain(digits);
    expect(JSON.stringify(rows)).not.toContain(cpr);
  });

  it('keeps the row of a refused or invalid request, whose own work rolled back, and refuses an invalid X-Purpose', async () => {
    const citizen = await testbed.registerCitizenView();
    const mark = await accessLogMark(inspect);

    // Exit before the case period began: 409, nothing changed, but the attempt is on record.
    await api(consultant).post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: '2000-01-01' }).set('X-Purpose', 'Afgang').expect(409);
    expect((await api().get(`/citizens/${citizen.id}`).expect(200)).body.status).toBe('active');
    await api(consultant).post(`/citizens/${citizen.id}/exit`, { reason: 'nonsense' }).expect(400);
    const badPurpose = await api(consultant).get(`/citizens/${citizen.id}`).set('X-Purpose', 'x'.repeat(201)).expect(400);
    expect(badPurpose.body).toMatchObject({ code: 'purpose-invalid', errors: [expect.objectContaining({ field: 'X-Purpose' })] });
    // A CPR number typed into the purpose is not kept; a CPR number in a URL is refused and not logged.
    await api(consultant).get(`/citizens/${citizen.id}/periods`).set('X-Purpose', 'Opkald fra 010190-1234').expect(200);
    await api(consultant).get('/citizens?cpr=010190-1234').expect(400);

    const rows = await accessLogSince(inspect, mark);
    expect(rows.map(({ action, citizenId, criterion, purpose, outcome, route }) => ({ action, citizenId, criterion, purpose, outcome, route }))).toEqual([
      { action: 'change', citizenId: citizen.id, criterion: null, purpose: 'Afgang', outcome: 'refused', route: '/citizens/:id/exit' },
      { action: 'read', citizenId: citizen.id, criterion: null, purpose: null, outcome: 'ok', route: '/citizens/:id' },
      { action: 'change', citizenId: citizen.id, criterion: null, purpose: null, outcome: 'refused', route: '/citizens/:id/exit' },
      { action: 'read', citizenId: citizen.id, criterion: null, purpose: null, outcome: 'refused', route: '/citizens/:id' },
      { action: 'read', citizenId: citizen.id, criterion: null, purpose: 'Opkald fra [cpr]', outcome: 'ok', route: '/citizens/:id/periods' },
      { action: 'search', citizenId: null, criterion: null, purpose: null, outcome: 'refused', route: '/citizens' },
    ]);
    expect(JSON.stringify(rows)).not.toContain('1234');
  });

  it('names the citizen of a read by something of theirs (an offer), and records listings as searches', async () => {
    const citizen = await testbed.registerCitizenView();
    const offer = (await api().post(`/citizens/${citizen.id}/offers`, { offerType: 'course', description: 'Dansk', plannedStart: today }).expect(201)).body;
    const mark = await accessLogMark(inspect);
    await api(consultant).get(`/offers/${offer.id}`).expect(200);
    await api(consultant).get(`/offers/${UNKNOWN_ID}`).expect(404);
    await api(consultant).get(`/tasks?citizenId=${citizen.id}`).expect(200);
    expect((await accessLogSince(inspect, mark)).map(({ action, citizenId, criterion, outcome, route }) => ({ action, citizenId, criterion, outcome, route }))).toEqual([
      { action: 'read', citizenId: citizen.id, criterion: null, outcome: 'ok', route: '/offers/:offerId' },
      { action: 'read', citizenId: null, criterion: null, outcome: 'not-found', route: '/offers/:offerId' },
      { action: 'search', citizenId: citizen.id, criterion: { list: 'tasks' }, outcome: 'ok', route: '/tasks' },
    ]);
  });

  describe('the citizen’s access request (GET /citizens/:id/access-log-export)', () => {
    it('lists the date, kind and purpose of every access to the citizen, oldest first, and never who', async () => {
      const citizen = await api(consultant).post('/citizens', registration(uniqueCpr(), 'Omar Ali')).set('X-Purpose', 'Henvist fra jobcentret').expect(201);
      const id = citizen.body.id as string;
      await api(consultant).get(`/citizens/${id}`).set('X-Purpose', 'Forberedelse af samtale').expect(200);
      await api({ user: 'mentor-7', tenant: KBH, roles: ['mentor'] }).get(`/citizens/${id}/activities`).expect(200);
      await api(manager).get(`/citizens/${id}`).expect(403);
      // A row from some weeks ago, written late in the evening (UTC): the date is the Danish day, the next one.
      const earlier = addDays(today, -40);
      await inspect(
        `INSERT INTO access_log (tenant_id, at, user_id, roles, action, citizen_id, purpose, outcome, method, route)
         VALUES ($1, ($3::date + time '23:30') AT TIME ZONE 'UTC', 'konsulent-9', '{job-consultant}', 'read', $2, 'Gammelt opslag', 'ok', 'GET', '/citizens/:id')`,
        [KBH, id, earlier],
      );

      const exported = await api(admin).get(`/citizens/${id}/access-log-export`).expect(200);
      expect(exported.body).toEqual([
        { date: today, action: 'register', purpose: 'Henvist fra jobcentret' },
        { date: today, action: 'read', purpose: 'Forberedelse af samtale' },
        { date: today, action: 'read', purpose: null },
        { date: addDays(earlier, 1), action: 'read', purpose: 'Gammelt opslag' },
      ]);
      expect(JSON.stringify(exported.body)).not.toMatch(/konsulent|mentor|leder|admin|job-consultant|manager/);

      // The export is itself an access to the citizen, and shows in the next one.
      const again = await api(admin).get(`/citizens/${id}/access-log-export`).set('X-Purpose', 'Aktindsigt').expect(200);
      expect(again.body.slice(4)).toEqual([{ date: today, action: 'export', purpose: null }]);
    });

    it('is for the tenant’s administrators only, about their own citizens', async () => {
      const citizen = await testbed.registerCitizenView();
      await api(consultant).get(`/citizens/${citizen.id}/access-log-export`).expect(403);
      await api(slagelseAdmin).get(`/citizens/${citizen.id}/access-log-export`).expect(404);
      await api(admin).get(`/citizens/${UNKNOWN_ID}/access-log-export`).expect(404);
    });
  });

  describe('the administrators’ query (GET /access-log)', () => {
    it('finds the rows by user, citizen and period, newest first, a page at a time, within the tenant', async () => {
      const citizen = await testbed.registerCitizenView();
      const reader: TestIdentity = { user: `laeser-${citizen.id.slice(0, 8)}`, tenant: KBH, roles: ['job-consultant', 'team-lead'] };
      await linkStaff(reader.user, 'team-lead');
      for (const purpose of ['Første', 'Anden', 'Tredje']) await api(reader).get(`/citizens/${citizen.id}`).set('X-Purpose', purpose).expect(200);

      const first = await api(admin).get(`/access-log?user=${reader.user}&citizenId=${citizen.id}&from=${today}&to=${today}&limit=2`).expect(200);
      expect(first.body.entries.map((entry: { purpose: string }) => entry.purpose)).toEqual(['Tredje', 'Anden']);
      expect(first.body.entries[0]).toMatchObject({ userId: reader.user, roles: ['job-consultant', 'team-lead'], action: 'read', citizenId: citizen.id, outcome: 'ok', method: 'GET', route: '/citizens/:id' });
      expect(Date.parse(first.body.entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
      const second = await api(admin).get(`/access-log?user=${reader.user}&limit=2&before=${first.body.nextBefore}`).expect(200);
      expect(second.body).toMatchObject({ entries: [expect.objectContaining({ purpose: 'Første' })], nextBefore: null });

      expect((await api(admin).get(`/access-log?user=${reader.user}&to=${addDays(today, -1)}`).expect(200)).body.entries).toEqual([]);
      expect((await api(admin).get(`/access-log?user=${reader.user}&from=${addDays(today, 1)}`).expect(200)).body.entries).toEqual([]);
      expect((await api(slagelseAdmin).get(`/access-log?user=${reader.user}`).expect(200)).body.entries).toEqual([]);
    });

    it('refuses other roles and bad filters', async () => {
      await api(consultant).get('/access-log').expect(403);
      const bad = await api(admin).get('/access-log?citizenId=nobody&from=2026-02-30&limit=0&before=abc').expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['before', 'citizenId', 'from', 'limit']);
    });
  });

  it('is append-only for the service: its runtime role can insert and read but never update or delete a row', async () => {
    const client = new Client({ connectionString: testbed.service.database.urls.app });
    await client.connect();
    try {
      const asTenant = async (sql: string) => {
        await client.query('BEGIN');
        try {
          await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [KBH]);
          return await client.query(sql);
        } finally {
          await client.query('ROLLBACK');
        }
      };
      expect((await asTenant(`SELECT count(*)::int AS n FROM access_log`)).rows[0].n).toBeGreaterThan(0);
      await asTenant(`INSERT INTO access_log (tenant_id, user_id, roles, action, outcome, method, route) VALUES ('kbh', 'u', '{}', 'read', 'ok', 'GET', '/x')`);
      for (const sql of [`UPDATE access_log SET purpose = 'ændret'`, `DELETE FROM access_log`, `TRUNCATE access_log`]) {
        await expect(asTenant(sql)).rejects.toThrow('permission denied for table access_log');
      }
    } finally {
      await client.end();
    }
  });

  describe('retention', () => {
    const ages = async () =>
      (
        await inspect<{ tenant: string; days: number }>(
          `SELECT tenant_id AS tenant, round(extract(epoch FROM now() - at) / 86400)::int AS days FROM access_log WHERE user_id = 'purge-test' ORDER BY tenant_id, at`,
        )
      ).map(({ tenant, days }) => `${tenant} ${days}`);

    beforeAll(async () => {
      for (const [tenant, days] of [[KBH, 200], [KBH, 100], [KBH, 10], [SLAGELSE, 200]] as const) {
        await inspect(
          `INSERT INTO access_log (tenant_id, at, user_id, roles, action, outcome, method, route)
           VALUES ($1, now() - make_interval(days => $2), 'purge-test', '{}', 'read', 'ok', 'GET', '/citizens/:id')`,
          [tenant, days],
        );
      }
    });

    it('purges the rows older than the retention period (183 days by default): the tenant’s on request, every tenant’s in the daily job', async () => {
      const purged = await api(admin).post('/jobs/access-log-purge', {}).expect(200);
      expect(purged.body).toEqual({ purged: 1, retentionDays: 183 });
      expect(await ages()).toEqual(['kbh 100', 'kbh 10', 'slagelse 200']);

      await testbed.service.app.get(AccessLogPurgeScheduler).run();
      expect(await ages()).toEqual(['kbh 100', 'kbh 10']);
    });

    it('never purges rows younger than 30 days, whatever retention the service asks for', async () => {
      const client = new Client({ connectionString: testbed.service.database.urls.app });
      await client.connect();
      try {
        await client.query(`SELECT purge_access_log(0)`);
        await client.query(`SELECT purge_access_log(-5, 'kbh')`);
      } finally {
        await client.end();
      }
      expect(await ages()).toEqual(['kbh 10']);
    });
  });
});
