import { randomUUID } from 'node:crypto';
import { CounsellingVisitsStream } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, UNKNOWN_ID } from '@fremskudt/testing';
import { AppModule, counsellingService } from '../../src/app.module';

/**
 * The harness of the visits suites (real PostgreSQL and Kafka): one counselling service and one
 * probe on the visits topic per file, a tenant-scoped HTTP client, and the state the desks
 * package owns (desks, sessions, the case and staff read models, local partners) put straight
 * into the database as superuser, so these suites don't depend on its endpoints or consumers.
 */

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID };

const HOUR = 3_600_000;

export function visitsTestbed(label: string) {
  const testbed = serviceTestbed(label, counsellingService, AppModule.forRoot, { probe: CounsellingVisitsStream });
  const { api, inspect } = testbed;
  let desksMade = 0;

  /** A desk of the area with no session. */
  const desk = async (tenant = KBH, areaCode = 'tingbjerg'): Promise<string> => {
    desksMade += 1;
    const id = randomUUID();
    await inspect(`INSERT INTO desk (id, tenant_id, area_code, name, location) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      tenant,
      areaCode,
      `Skranke ${desksMade}`,
      'Beboerhuset',
    ]);
    return id;
  };

  /** A session of the desk from `openedAt` to `closedAt` (null: still open). */
  const session = async (deskId: string, openedAt: Date, closedAt: Date | null, tenant = KBH): Promise<string> => {
    const id = randomUUID();
    const plannedCloseAt = new Date(Math.max(openedAt.getTime() + 3 * HOUR, closedAt?.getTime() ?? 0));
    await inspect(
      `INSERT INTO desk_session (id, tenant_id, desk_id, date, opened_at, planned_close_at, closed_at)
       VALUES ($1, $2, $3, ($4::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date, $4, $5, $6)`,
      [id, tenant, deskId, openedAt, plannedCloseAt, closedAt],
    );
    return id;
  };

  /** A desk with a session opened an hour ago and still open. */
  const openDesk = async (tenant = KBH, areaCode = 'tingbjerg'): Promise<{ deskId: string; sessionId: string }> => {
    const deskId = await desk(tenant, areaCode);
    const sessionId = await session(deskId, new Date(Date.now() - HOUR), null, tenant);
    return { deskId, sessionId };
  };

  const closeSessions = (deskId: string) => inspect(`UPDATE desk_session SET closed_at = now() WHERE desk_id = $1 AND closed_at IS NULL`, [deskId]);

  /** A member of the outreach team in the staff read model. */
  const staff = async (tenant = KBH, active = true): Promise<string> => {
    const id = randomUUID();
    await inspect(`INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active) VALUES ($1, $2, 'consultant', 'team-nord', '{tingbjerg}', $3)`, [
      id,
      tenant,
      active,
    ]);
    return id;
  };

  /** A citizen in the case read model (active: has a case with the outreach team). */
  const caseCitizen = async (tenant = KBH, active = true): Promise<string> => {
    const id = randomUUID();
    await inspect(`INSERT INTO case_citizen (citizen_id, tenant_id, area_code, active) VALUES ($1, $2, 'tingbjerg', $3)`, [id, tenant, active]);
    return id;
  };

  /** A local partner of the area. */
  const partner = async (code: string, tenant = KBH, areaCode = 'tingbjerg', active = true): Promise<void> => {
    await inspect(
      `INSERT INTO local_partner (id, tenant_id, area_code, code, name, kind, active) VALUES ($1, $2, $3, $4, $5, 'ngo', $6)
       ON CONFLICT DO NOTHING`,
      [randomUUID(), tenant, areaCode, code, `Partner ${code}`, active],
    );
  };

  const visitRow = async (visitId: string) => (await inspect(`SELECT * FROM visit WHERE id = $1`, [visitId]))[0];
  const visitCount = async (deskId: string) => Number((await inspect<{ n: string }>(`SELECT count(*) AS n FROM visit WHERE desk_id = $1`, [deskId]))[0].n);

  return {
    get service() {
      return testbed.service;
    },
    get probe() {
      return testbed.probe;
    },
    prefix: testbed.prefix,
    api,
    inspect,
    desk,
    session,
    openDesk,
    closeSessions,
    staff,
    caseCitizen,
    partner,
    outboxTypes: testbed.outboxTypes,
    visitRow,
    visitCount,
    openApiDocument: testbed.openApiDocument,
  };
}

export type VisitsTestbed = ReturnType<typeof visitsTestbed>;
export { HOUR };
