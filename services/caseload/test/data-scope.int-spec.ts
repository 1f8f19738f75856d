import { StaffLoginLinked } from '@fremskudt/contracts';
import type { TestIdentity } from '@fremskudt/testing';
import { caseloadTestbed, KBH } from './support/testbed';

/**
 * Data scope below the role, through real HTTP and PostgreSQL: a job consultant reaches their own
 * caseload and the unassigned citizens of their areas, a team lead the team's, a mentor their
 * areas', a unit lead everything; a user whose login is linked to no staff member reaches nobody.
 * Refusals happen before the handler (nothing written) and are in the access log as denied.
 */
describe('caseload: data scope of consultants, team leads and mentors (real PostgreSQL)', () => {
  const testbed = caseloadTestbed('scope', { probe: false });
  const { api, inspect } = testbed;

  const as = (user: string, ...roles: TestIdentity['roles'][number][]): TestIdentity => ({ user, tenant: KBH, roles });
  const anna = as('anna-login', 'job-consultant');
  const bo = as('bo-login', 'job-consultant');
  const carl = as('carl-login', 'job-consultant');
  const tove = as('tove-login', 'team-lead');
  const mads = as('mads-login', 'mentor');
  const chef = as('chef-login', 'unit-lead');
  const stranger = as('ukendt-login', 'job-consultant', 'team-lead');

  const staff: Record<string, string> = {};
  const citizens: Record<string, string> = {};
  const course = { offerType: 'course', providerCode: 'amu-nord', plannedStart: '2026-09-01', plannedEnd: '2026-10-31', description: 'Kursus' };

  const registerStaff = async (name: string, loginSubject: string, role: string, teamCode: string, areaCodes: string[]) => {
    staff[name] = (await api().post('/staff', { name, loginSubject, role, teamCode, areaCodes }).expect(201)).body.id;
  };
  const registerCitizen = async (key: string, areaCode: string, consultant?: string) => {
    citizens[key] = await testbed.registerCitizen(KBH, { name: `Scopeborger ${key}`, areaCode, birthDate: '1990-05-01' });
    if (consultant) await api().put(`/citizens/${citizens[key]}/consultant`, { consultantId: staff[consultant] }).expect(200);
  };
  const namesFound = async (who: TestIdentity): Promise<string[]> => {
    const answer = await api(who).get('/citizens').query({ name: 'Scopeborger' }).expect(200);
    return (answer.body as Array<{ name: string }>).map((citizen) => citizen.name.replace('Scopeborger ', '')).sort();
  };

  beforeAll(async () => {
    await registerStaff('Anna', 'anna-login', 'job-consultant', 'nord', ['tingbjerg']);
    await registerStaff('Bo', 'bo-login', 'job-consultant', 'nord', ['tingbjerg']);
    await registerStaff('Carl', 'carl-login', 'job-consultant', 'syd', ['urbanplanen']);
    await registerStaff('Tove', 'tove-login', 'team-lead', 'nord', ['tingbjerg']);
    await registerStaff('Mads', 'mads-login', 'mentor', 'syd', ['urbanplanen']);
    await registerCitizen('annas', 'tingbjerg', 'Anna');
    await registerCitizen('bos', 'tingbjerg', 'Bo');
    await registerCitizen('carls', 'urbanplanen', 'Carl');
    await registerCitizen('tingbjerg-intake', 'tingbjerg');
    await registerCitizen('urbanplanen-intake', 'urbanplanen');
  });

  it("each user's citizen search finds exactly their scope", async () => {
    expect(await namesFound(anna)).toEqual(['annas', 'tingbjerg-intake']);
    expect(await namesFound(bo)).toEqual(['bos', 'tingbjerg-intake']);
    expect(await namesFound(carl)).toEqual(['carls', 'urbanplanen-intake']);
    expect(await namesFound(tove)).toEqual(['annas', 'bos', 'tingbjerg-intake']);
    expect(await namesFound(mads)).toEqual(['carls', 'urbanplanen-intake']);
    expect(await namesFound(chef)).toEqual(['annas', 'bos', 'carls', 'tingbjerg-intake', 'urbanplanen-intake']);
  });

  it('a consultant reads their own and their area’s intake, and is refused a colleague’s citizen (403 out-of-scope, logged as denied)', async () => {
    await api(anna).get(`/citizens/${citizens.annas}`).expect(200);
    await api(anna).get(`/citizens/${citizens['tingbjerg-intake']}`).expect(200);
    for (const key of ['bos', 'carls', 'urbanplanen-intake']) {
      const refused = await api(anna).get(`/citizens/${citizens[key]}`).expect(403);
      expect(refused.body).toMatchObject({ status: 403, code: 'out-of-scope' });
      expect(JSON.stringify(refused.body)).not.toContain('Scopeborger');
    }
    const logged = await inspect<{ outcome: string }>(`SELECT outcome FROM access_log WHERE user_id = $1 AND citizen_id = $2`, ['anna-login', citizens.bos]);
    expect(logged).toEqual([{ outcome: 'denied' }]);
    // An unknown id stays a 404: the scope check does not say whether a citizen exists elsewhere.
    await api(anna).get('/citizens/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('a change out of scope is refused before anything is written, also when addressed by the offer’s own id', async () => {
    const stateOfBos = () => inspect(`SELECT c.step, (SELECT count(*)::int FROM outbox o WHERE o.message_key = c.id::text) AS events FROM citizen c WHERE c.id = $1`, [citizens.bos]);
    const before = await stateOfBos();
    await api(anna).patch(`/citizens/${citizens.bos}`, { step: 3, effectiveDate: '2026-01-05' }).expect(403);
    expect(await stateOfBos()).toEqual(before);

    const offer = (await api().post(`/citizens/${citizens.bos}/offers`, course).expect(201)).body as { id: string };
    await api(anna).get(`/offers/${offer.id}`).expect(403);
    await api(anna).post(`/offers/${offer.id}/start`, { startedOn: '2026-09-02' }).expect(403);
    expect(await inspect(`SELECT status FROM offer WHERE id = $1`, [offer.id])).toEqual([{ status: 'planned' }]);
    await api(bo).post(`/offers/${offer.id}/start`, { startedOn: '2026-09-02' }).expect(200);
    await api(tove).get(`/offers/${offer.id}`).expect(200);
    await api(carl).get(`/citizens/${citizens.bos}/offers`).expect(403);
    await api(anna).get('/tasks').query({ citizenId: citizens.bos }).expect(403);
    await api(bo).get('/tasks').query({ citizenId: citizens.bos }).expect(200);
  });

  it("caseload lists: one's own, the team's for a team lead, anyone's for a unit lead", async () => {
    const annasCaseload = await api(anna).get(`/staff/${staff.Anna}/caseload`).expect(200);
    expect(annasCaseload.body.citizens.map((citizen: { id: string }) => citizen.id)).toEqual([citizens.annas]);
    await api(anna).get(`/staff/${staff.Bo}/caseload`).expect(403);
    await api(anna).get(`/staff/${staff.Bo}/tasks`).expect(403);
    await api(tove).get(`/staff/${staff.Bo}/caseload`).expect(200);
    await api(tove).get(`/staff/${staff.Bo}/caseload-overview`).expect(200);
    await api(tove).get(`/staff/${staff.Carl}/caseload`).expect(403);
    await api(chef).get(`/staff/${staff.Carl}/caseload`).expect(200);
  });

  it('the lists of due interviews and missing job plans hold only citizens in scope', async () => {
    const due = await api(carl).get('/due-interviews').query({ date: '2030-01-07' }).expect(200);
    const dueIds = [...due.body.due, ...due.body.overdue].map((row: { citizenId: string }) => row.citizenId);
    expect(dueIds).toContain(citizens.carls);
    expect(dueIds.filter((id) => [citizens.annas, citizens.bos, citizens['tingbjerg-intake']].includes(id))).toEqual([]);
    const missing = await api(anna).get('/job-plans/missing').expect(200);
    const missingIds = missing.body.citizens.map((citizen: { id: string }) => citizen.id);
    expect(missingIds).toEqual(expect.arrayContaining([citizens.annas, citizens['tingbjerg-intake']]));
    expect(missingIds.filter((id: string) => [citizens.bos, citizens.carls, citizens['urbanplanen-intake']].includes(id))).toEqual([]);
  });

  it('scope follows case responsibility: after a transfer the new consultant reaches the citizen and the old one does not', async () => {
    await registerCitizen('moving', 'tingbjerg', 'Bo');
    await api(bo).get(`/citizens/${citizens.moving}`).expect(200);
    await api(anna).get(`/citizens/${citizens.moving}`).expect(403);
    await api(tove).put(`/citizens/${citizens.moving}/consultant`, { consultantId: staff.Anna }).expect(200);
    await api(anna).get(`/citizens/${citizens.moving}`).expect(200);
    await api(bo).get(`/citizens/${citizens.moving}`).expect(403);
  });

  it('a login linked to no staff member reaches no citizen (403 staff-not-linked), whatever its roles', async () => {
    const single = await api(stranger).get(`/citizens/${citizens['tingbjerg-intake']}`).expect(403);
    expect(single.body).toMatchObject({ code: 'staff-not-linked' });
    expect((await api(stranger).get('/citizens').query({ name: 'Scopeborger' }).expect(403)).body).toMatchObject({ code: 'staff-not-linked' });
  });

  it('the login link is set and moved by an admin: published as StaffLoginLinked, unique per municipality, null unlinks', async () => {
    await api().post('/staff', { name: 'Dobbelt', loginSubject: 'anna-login', role: 'mentor', teamCode: 'nord', areaCodes: [] }).expect(409);
    await api().patch(`/staff/${staff.Anna}`, { loginSubject: 'anna-ny-login' }).expect(200);
    await api(anna).get(`/citizens/${citizens.annas}`).expect(403);
    await api(as('anna-ny-login', 'job-consultant')).get(`/citizens/${citizens.annas}`).expect(200);
    const unlinked = await api().patch(`/staff/${staff.Anna}`, { loginSubject: null }).expect(200);
    expect(unlinked.body.loginSubject).toBeNull();
    await api(as('anna-ny-login', 'job-consultant')).get(`/citizens/${citizens.annas}`).expect(403);
    const links = await inspect<{ loginSubject: string | null }>(
      `SELECT value::jsonb ->> 'loginSubject' AS "loginSubject" FROM outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`,
      [staff.Anna, StaffLoginLinked.type],
    );
    expect(links.map((row) => row.loginSubject)).toEqual(['anna-login', 'anna-ny-login', null]);
  });
});
