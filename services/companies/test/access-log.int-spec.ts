import { accessLogMark, accessLogSince, describeAccessLogBasics, TestIdentity } from '@fremskudt/testing';
import { copenhagenToday } from '../src/shared/calendar';
import { companiesTestbed, KBH, UNKNOWN_ID } from './support/testbed';

const consultant: TestIdentity = { user: 'virksomhedskonsulent-1', tenant: KBH, roles: ['company-consultant'] };
const manager: TestIdentity = { user: 'leder-1', tenant: KBH, roles: ['manager'] };
const staffId = '8a7b6c5d-4e3f-4a1b-9c2d-3e4f5a6b7c8d';

describe('companies: the access log of citizens’ job wishes, matching and placements (real HTTP and PostgreSQL)', () => {
  const testbed = companiesTestbed('access-log', { probe: false });
  const { api, inspect } = testbed;
  const today = copenhagenToday();

  it('records a company consultant’s session exactly: wishes, matching, a placement, contacts about citizens, the refused, denied and unknown', async () => {
    const citizenId = await testbed.knownCitizen();
    const other = await testbed.knownCitizen();
    const company = await testbed.registerCompany();
    const opening = await testbed.publishOpening(company.id);
    const mark = await accessLogMark(inspect);

    const wish = { branchCodes: ['kitchen-canteen'], hoursMin: 20, hoursMax: 30, languageLevel: 'basic', recordedBy: staffId };
    await api(consultant).post(`/citizens/${citizenId}/job-wishes`, wish).set('X-Purpose', 'Jobsamtale').expect(201);
    await api(consultant).get(`/citizens/${citizenId}/job-wish`).expect(200);
    await api(consultant).get(`/citizens/${citizenId}/job-wishes`).expect(200);
    await api(consultant).get(`/citizens/${citizenId}/matching-openings`).expect(200);
    await api(consultant).get(`/openings/${opening.id}/candidates`).expect(200);
    const placement = await api(consultant)
      .post('/placements', { citizenId, companyId: company.id, openingId: opening.id, placementType: 'company-internship', plannedStart: today, hoursPerWeek: 25 })
      .expect(201);
    await api(consultant).post(`/placements/${placement.body.id}/start`, { startedOn: today }).expect(200);
    await api(consultant).get(`/placements/${placement.body.id}`).expect(200);
    await api(consultant).get(`/placements?citizenId=${citizenId}&status=started`).expect(200);
    await api(consultant).post(`/companies/${company.id}/contacts`, { kind: 'call', occurredOn: today, staffId, citizenIds: [citizenId, other], outcome: 'interested' }).expect(201);
    await api(consultant).post(`/companies/${company.id}/contacts`, { kind: 'call', occurredOn: today, staffId, outcome: 'no-answer' }).expect(201);
    await api(consultant).get(`/companies/${company.id}/contacts`).expect(200);
    await api(consultant).post('/placements', { citizenId: UNKNOWN_ID, companyId: company.id, placementType: 'company-internship', plannedStart: today, hoursPerWeek: 25 }).expect(409);
    await api(manager).get(`/citizens/${citizenId}/job-wish`).set('X-Purpose', 'Nysgerrighed').expect(403);
    await api(consultant).get(`/placements/${UNKNOWN_ID}`).expect(404);

    const as = { tenant: KBH, user: 'virksomhedskonsulent-1', roles: ['company-consultant'] };
    const none = { citizenId: null, criterion: null, purpose: null };
    expect(await accessLogSince(inspect, mark)).toEqual([
      { ...as, ...none, action: 'change', citizenId, purpose: 'Jobsamtale', outcome: 'ok', method: 'POST', route: '/citizens/:id/job-wishes' },
      { ...as, ...none, action: 'read', citizenId, outcome: 'ok', method: 'GET', route: '/citizens/:id/job-wish' },
      { ...as, ...none, action: 'read', citizenId, outcome: 'ok', method: 'GET', route: '/citizens/:id/job-wishes' },
      { ...as, ...none, action: 'read', citizenId, outcome: 'ok', method: 'GET', route: '/citizens/:id/matching-openings' },
      { ...as, ...none, action: 'search', criterion: { list: 'opening-candidates', openingId: opening.id }, outcome: 'ok', method: 'GET', route: '/openings/:id/candidates' },
      { ...as, ...none, action: 'change', citizenId, outcome: 'ok', method: 'POST', route: '/placements' },
      { ...as, ...none, action: 'change', citizenId, outcome: 'ok', method: 'POST', route: '/placements/:id/start' },
      { ...as, ...none, action: 'read', citizenId, outcome: 'ok', method: 'GET', route: '/placements/:id' },
      { ...as, ...none, action: 'search', citizenId, criterion: { list: 'placements', status: 'started' }, outcome: 'ok', method: 'GET', route: '/placements' },
      { ...as, ...none, action: 'change', citizenId, outcome: 'ok', method: 'POST', route: '/companies/:id/contacts' },
      { ...as, ...none, action: 'change', citizenId: other, outcome: 'ok', method: 'POST', route: '/companies/:id/contacts' },
      { ...as, ...none, action: 'search', criterion: { list: 'company-contacts', companyId: company.id }, outcome: 'ok', method: 'GET', route: '/companies/:id/contacts' },
      { ...as, ...none, action: 'change', citizenId: UNKNOWN_ID, outcome: 'refused', method: 'POST', route: '/placements' },
      { tenant: KBH, user: 'leder-1', roles: ['manager'], ...none, action: 'read', citizenId, purpose: 'Nysgerrighed', outcome: 'denied', method: 'GET', route: '/citizens/:id/job-wish' },
      { ...as, ...none, action: 'read', outcome: 'not-found', method: 'GET', route: '/placements/:id' },
    ]);
  });

  describeAccessLogBasics(testbed, (tenant) => testbed.knownCitizen(tenant));
});
