import { randomUUID } from 'node:crypto';
import { copenhagenToday } from '@fremskudt/service-kit';
import { accessLogMark, accessLogSince, describeAccessLogBasics, TestIdentity } from '@fremskudt/testing';
import { KBH, UNKNOWN_ID, visitsTestbed } from './support/visits-testbed';

const consultant: TestIdentity = { user: 'konsulent-1', tenant: KBH, roles: ['job-consultant'] };
const manager: TestIdentity = { user: 'leder-1', tenant: KBH, roles: ['manager'] };

describe('counselling: the access log of citizens’ visits (real HTTP and PostgreSQL)', () => {
  const testbed = visitsTestbed('access-log');
  const { api, inspect } = testbed;

  /** The consultant's login, linked to a staff member of Tingbjerg (desks are worked in one's own areas). */
  let staffId: string;
  beforeAll(async () => {
    staffId = randomUUID();
    await inspect(
      `INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active, login_subject) VALUES ($1, $2, 'consultant', 'team-nord', '{tingbjerg}', true, $3)`,
      [staffId, KBH, consultant.user],
    );
  });

  it('records a consultant’s desk session exactly: each visit of a citizen with a case, the desk’s lists, the refused, denied and unknown, and nothing of anonymous visitors', async () => {
    const { deskId } = await testbed.openDesk();
    const { deskId: elsewhere } = await testbed.openDesk(KBH, 'urbanplanen');
    const citizenId = await testbed.caseCitizen();
    const withoutCase = await testbed.caseCitizen(KBH, false);
    const today = copenhagenToday();
    const mark = await accessLogMark(inspect);

    const visit = await api(consultant).post(`/desks/${deskId}/visits`, { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in' }).set('X-Purpose', 'Åben rådgivning').expect(201);
    const visitId = visit.body.id as string;
    const anonymous = await api(consultant).post(`/desks/${deskId}/visits`, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(201);
    await api(consultant).get(`/desks/${deskId}/queue`).expect(200);
    expect((await api(consultant).post(`/desks/${deskId}/queue/next`, { staffId }).expect(200)).body.id).toBe(visitId);
    await api(consultant).post(`/visits/${visitId}/complete`, { topics: ['hours-rule'], actions: ['advice'] }).expect(200);
    await api(consultant).post(`/visits/${anonymous.body.id}/leave`, {}).expect(200);
    await api(consultant).get(`/visits/${visitId}`).set('X-Purpose', 'Opfølgning').expect(200);
    await api(consultant).get(`/desks/${deskId}/visits?from=${today}&to=${today}`).expect(200);
    await api(consultant).post(`/desks/${deskId}/visits`, { visitorKind: 'citizen-with-case', citizenId: withoutCase, arrival: 'walk-in' }).expect(409);
    await api(manager).post(`/desks/${deskId}/visits`, { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in' }).set('X-Purpose', 'Nysgerrighed').expect(403);
    await api(consultant).post(`/desks/${elsewhere}/visits`, { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in' }).expect(403);
    await api(consultant).get(`/visits/${UNKNOWN_ID}`).expect(404);

    const asConsultant = { tenant: KBH, user: 'konsulent-1', roles: ['job-consultant'] };
    const none = { citizenId: null, criterion: null, purpose: null };
    expect(await accessLogSince(inspect, mark)).toEqual([
      { ...asConsultant, ...none, action: 'change', citizenId, purpose: 'Åben rådgivning', outcome: 'ok', method: 'POST', route: '/desks/:deskId/visits' },
      { ...asConsultant, ...none, action: 'search', criterion: { list: 'desk-queue', deskId }, outcome: 'ok', method: 'GET', route: '/desks/:deskId/queue' },
      { ...asConsultant, ...none, action: 'change', citizenId, outcome: 'ok', method: 'POST', route: '/desks/:deskId/queue/next' },
      { ...asConsultant, ...none, action: 'change', citizenId, outcome: 'ok', method: 'POST', route: '/visits/:visitId/complete' },
      { ...asConsultant, ...none, action: 'read', citizenId, purpose: 'Opfølgning', outcome: 'ok', method: 'GET', route: '/visits/:visitId' },
      { ...asConsultant, ...none, action: 'search', criterion: { list: 'desk-visits', deskId, from: today, to: today }, outcome: 'ok', method: 'GET', route: '/desks/:deskId/visits' },
      { ...asConsultant, ...none, action: 'change', citizenId: withoutCase, outcome: 'refused', method: 'POST', route: '/desks/:deskId/visits' },
      { tenant: KBH, user: 'leder-1', roles: ['manager'], ...none, action: 'change', citizenId, purpose: 'Nysgerrighed', outcome: 'denied', method: 'POST', route: '/desks/:deskId/visits' },
      // Another area's desk: refused by the consultant's data scope, denied like a role's refusal.
      { ...asConsultant, ...none, action: 'change', citizenId, outcome: 'denied', method: 'POST', route: '/desks/:deskId/visits' },
      { ...asConsultant, ...none, action: 'read', outcome: 'not-found', method: 'GET', route: '/visits/:visitId' },
    ]);
  });

  it('records a whole visit registered in one request as a change of the citizen, and a registration naming a malformed citizen as refused without one', async () => {
    const { deskId } = await testbed.openDesk();
    const citizenId = await testbed.caseCitizen();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const body = { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in', staffId, checkedInAt: at(30), talkStartedAt: at(20), endedAt: at(5), topics: ['hours-rule'], actions: ['advice'] };
    const mark = await accessLogMark(inspect);
    await api(consultant).post(`/desks/${deskId}/visits/registrations`, body).expect(201);
    await api(consultant).post(`/desks/${deskId}/visits/registrations`, { ...body, citizenId: undefined, visitorKind: 'anonymous' }).expect(201);
    await api(consultant).post(`/desks/${deskId}/visits/registrations`, { ...body, citizenId: 'borger-1' }).expect(400);
    expect((await accessLogSince(inspect, mark)).map(({ action, citizenId: citizen, outcome, route }) => ({ action, citizen, outcome, route }))).toEqual([
      { action: 'change', citizen: citizenId, outcome: 'ok', route: '/desks/:deskId/visits/registrations' },
      { action: 'change', citizen: null, outcome: 'refused', route: '/desks/:deskId/visits/registrations' },
    ]);
  });

  describeAccessLogBasics(testbed, (tenant) => testbed.caseCitizen(tenant));
});
