import { randomUUID } from 'node:crypto';
import type { TestIdentity } from '@fremskudt/testing';
import { KBH, visitsTestbed } from './support/visits-testbed';

/**
 * Desks of one's own areas, through real HTTP and PostgreSQL: a job consultant, mentor or team
 * lead works at the desks of the areas of the staff member their login is linked to; a unit lead
 * and an admin everywhere. Refusals come before the handler and write nothing.
 */
describe('counselling: staff work at the desks of their own areas (real PostgreSQL)', () => {
  const testbed = visitsTestbed('desk-scope');
  const { api, inspect } = testbed;

  const as = (user: string, ...roles: TestIdentity['roles'][number][]): TestIdentity => ({ user, tenant: KBH, roles });
  const anna = as('anna-login', 'job-consultant');
  const tove = as('tove-login', 'team-lead');
  const mads = as('mads-login', 'mentor');
  const chef = as('chef-login', 'unit-lead');
  const stranger = as('ukendt-login', 'job-consultant');

  /** A staff member in the read model as caseload's StaffMemberRegistered and StaffLoginLinked leave it. */
  const linkedStaff = async (loginSubject: string, role: string, areaCodes: string[]): Promise<string> => {
    const id = randomUUID();
    await inspect(
      `INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active, login_subject) VALUES ($1, $2, $3, 'team-nord', $4, true, $5)`,
      [id, KBH, role, areaCodes, loginSubject],
    );
    return id;
  };

  let tingbjerg: { deskId: string; sessionId: string };
  let urbanplanen: { deskId: string; sessionId: string };
  let annaId: string;

  beforeAll(async () => {
    annaId = await linkedStaff('anna-login', 'job-consultant', ['tingbjerg']);
    await linkedStaff('tove-login', 'team-lead', ['tingbjerg']);
    await linkedStaff('mads-login', 'mentor', ['urbanplanen']);
    tingbjerg = await testbed.openDesk(KBH, 'tingbjerg');
    urbanplanen = await testbed.openDesk(KBH, 'urbanplanen');
  });

  it("a consultant works at their own area's desk and is refused another area's (403 out-of-scope)", async () => {
    await api(anna).get(`/desks/${tingbjerg.deskId}/queue`).expect(200);
    await api(anna).get(`/desks/${tingbjerg.deskId}/sessions`).expect(200);
    const refused = await api(anna).get(`/desks/${urbanplanen.deskId}/queue`).expect(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'out-of-scope' });
    await api(anna).get(`/desks/${urbanplanen.deskId}/visits`).expect(403);
    await api(mads).get(`/desks/${urbanplanen.deskId}/queue`).expect(200);
    await api(mads).get(`/desks/${tingbjerg.deskId}/queue`).expect(403);
    await api(chef).get(`/desks/${urbanplanen.deskId}/queue`).expect(200);
  });

  it("a check-in at another area's desk is refused and nothing is written", async () => {
    const before = await testbed.visitCount(urbanplanen.deskId);
    await api(anna).post(`/desks/${urbanplanen.deskId}/visits`, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(403);
    expect(await testbed.visitCount(urbanplanen.deskId)).toBe(before);
    await api(anna).post(`/desks/${tingbjerg.deskId}/visits`, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(201);
  });

  it('a visit addressed by its own id is in the scope of its desk', async () => {
    const visit = (await api(chef).post(`/desks/${urbanplanen.deskId}/visits`, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(201)).body as { id: string };
    await api(anna).get(`/visits/${visit.id}`).expect(403);
    await api(anna).post(`/visits/${visit.id}/talk`, { staffId: annaId }).expect(403);
    expect(await inspect(`SELECT status FROM visit WHERE id = $1`, [visit.id])).toEqual([{ status: 'waiting' }]);
    await api(mads).get(`/visits/${visit.id}`).expect(200);
  });

  it("a team lead sets up only their own areas' desks; an admin any", async () => {
    const weekly = [{ weekday: 2, opens: '10:00', closes: '12:00' }];
    await api(tove).put(`/desks/${tingbjerg.deskId}/opening-hours`, { weekly }).expect(200);
    await api(tove).put(`/desks/${urbanplanen.deskId}/opening-hours`, { weekly }).expect(403);
    expect(await inspect(`SELECT count(*)::int AS n FROM desk_opening_hours WHERE desk_id = $1`, [urbanplanen.deskId])).toEqual([{ n: 0 }]);
    await api(as('admin-login', 'tenant-admin')).put(`/desks/${urbanplanen.deskId}/opening-hours`, { weekly }).expect(200);
  });

  it('a login linked to no staff member works at no desk (403 staff-not-linked); an unknown desk stays 404', async () => {
    expect((await api(stranger).get(`/desks/${tingbjerg.deskId}/queue`).expect(403)).body).toMatchObject({ code: 'staff-not-linked' });
    await api(anna).get(`/desks/${randomUUID()}/queue`).expect(404);
  });
});
