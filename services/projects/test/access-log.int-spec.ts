import { createHmac } from 'node:crypto';
import { accessLogMark, accessLogSince, describeAccessLogBasics, TestIdentity } from '@fremskudt/testing';
import { KBH, projectsTestbed, UNKNOWN_ID } from './support/projects-testbed';

/** The key the service uses when PARTNER_PSEUDONYM_KEY is not set (outside production), as in pseudonym-key.ts. */
const DEVELOPMENT_KEY = Buffer.from('fremskudt development key for partner pseudonyms; never in production', 'utf8');
const pseudonymOf = (tenant: string, partnerCode: string, citizenId: string) =>
  createHmac('sha256', DEVELOPMENT_KEY).update(`${tenant}:${partnerCode}:${citizenId}`).digest('base64url').slice(0, 22);

const consultant: TestIdentity = { user: 'konsulent-1', tenant: KBH, roles: ['job-consultant'] };
const manager: TestIdentity = { user: 'leder-1', tenant: KBH, roles: ['manager'] };
const partner: TestIdentity = { user: 'partner-1', tenant: KBH, roles: ['partner'], org: 'ungdomsringen' };

describe('projects: the access log of participants and applicants, partners by pseudonym (real HTTP and PostgreSQL)', () => {
  const testbed = projectsTestbed('access-log', { probe: false });
  const { api, inspect } = testbed;

  it('records a consultant’s and a partner’s session exactly, a partner’s pseudonyms as the citizens they stand for and never the pseudonym', async () => {
    const ungdomsringen = await testbed.createPartner(KBH, { code: 'ungdomsringen', name: 'Ungdomsringen', kind: 'ngo' });
    const project = await testbed.createProject();
    await api().post(`/projects/${project.id}/partners`, { partnerId: ungdomsringen.id, roles: ['provider'], joinedOn: '2007-10-01' }).expect(201);
    const [participant, applicant, other] = [await testbed.registerCitizen(), await testbed.registerCitizen(), await testbed.registerCitizen()];
    const own = pseudonymOf(KBH, 'ungdomsringen', participant);
    const mark = await accessLogMark(inspect);

    const application = await api(consultant).post(`/projects/${project.id}/applications`, { citizenId: applicant, appliedOn: '2007-11-01' }).set('X-Purpose', 'Rekruttering').expect(201);
    await api(consultant).post(`/applications/${application.body.id}/decision`, { decision: 'selected', decidedOn: '2007-11-05' }).expect(200);
    const enrolment = await api(consultant).post(`/projects/${project.id}/enrolments`, { citizenId: participant, enrolledOn: '2007-11-15', phaseCode: 'intro' }).expect(201);
    await api(consultant).get(`/projects/${project.id}/enrolments?status=active`).expect(200);
    await api(consultant).get(`/projects/${project.id}/eligibility/${other}`).expect(200);
    await api(consultant).post(`/enrolments/${enrolment.body.id}/phases/intro/complete`, { completedOn: '2007-12-01' }).expect(200);
    await api(consultant).get(`/projects/${project.id}/participants/${participant}`).expect(200);

    expect((await api(partner).get(`/projects/${project.id}/enrolments`).expect(200)).body.map((view: { citizenId: string }) => view.citizenId)).toEqual([own]);
    await api(partner).get(`/enrolments/${enrolment.body.id}`).set('X-Purpose', 'Fremmøde').expect(200);
    await api(partner).post(`/projects/${project.id}/participants/${own}/milestones`, { milestoneCode: 'exam', reachedOn: '2007-12-10', result: 'failed' }).expect(201);
    await api(partner).get(`/projects/${project.id}/participants/${pseudonymOf(KBH, 'foa', participant)}`).expect(404);
    await api(partner).get(`/projects/${project.id}/participants/${participant}`).expect(400);
    await api(manager).get(`/projects/${project.id}/eligibility/${other}`).set('X-Purpose', 'Nysgerrighed').expect(403);
    await api(consultant).get(`/enrolments/${UNKNOWN_ID}`).expect(404);

    const rows = await accessLogSince(inspect, mark);
    const asConsultant = { tenant: KBH, user: 'konsulent-1', roles: ['job-consultant'] };
    const asPartner = { tenant: KBH, user: 'partner-1', roles: ['partner'] };
    const none = { citizenId: null, criterion: null, purpose: null };
    expect(rows).toEqual([
      { ...asConsultant, ...none, action: 'change', citizenId: applicant, purpose: 'Rekruttering', outcome: 'ok', method: 'POST', route: '/projects/:id/applications' },
      { ...asConsultant, ...none, action: 'change', citizenId: applicant, outcome: 'ok', method: 'POST', route: '/applications/:id/decision' },
      { ...asConsultant, ...none, action: 'change', citizenId: participant, outcome: 'ok', method: 'POST', route: '/projects/:id/enrolments' },
      { ...asConsultant, ...none, action: 'search', criterion: { list: 'enrolments', projectId: project.id, status: 'active' }, outcome: 'ok', method: 'GET', route: '/projects/:id/enrolments' },
      { ...asConsultant, ...none, action: 'read', citizenId: other, outcome: 'ok', method: 'GET', route: '/projects/:id/eligibility/:citizenId' },
      { ...asConsultant, ...none, action: 'change', citizenId: participant, outcome: 'ok', method: 'POST', route: '/enrolments/:id/phases/:phaseCode/complete' },
      { ...asConsultant, ...none, action: 'read', citizenId: participant, outcome: 'ok', method: 'GET', route: '/projects/:id/participants/:participantId' },
      { ...asPartner, ...none, action: 'search', criterion: { list: 'enrolments', projectId: project.id }, outcome: 'ok', method: 'GET', route: '/projects/:id/enrolments' },
      { ...asPartner, ...none, action: 'read', citizenId: participant, purpose: 'Fremmøde', outcome: 'ok', method: 'GET', route: '/enrolments/:id' },
      { ...asPartner, ...none, action: 'change', citizenId: participant, outcome: 'ok', method: 'POST', route: '/projects/:id/participants/:participantId/milestones' },
      // Another partner's pseudonym, and a citizen id (which a partner never names), stand for nobody.
      { ...asPartner, ...none, action: 'read', outcome: 'not-found', method: 'GET', route: '/projects/:id/participants/:participantId' },
      { ...asPartner, ...none, action: 'read', outcome: 'refused', method: 'GET', route: '/projects/:id/participants/:participantId' },
      { tenant: KBH, user: 'leder-1', roles: ['manager'], ...none, action: 'read', citizenId: other, purpose: 'Nysgerrighed', outcome: 'denied', method: 'GET', route: '/projects/:id/eligibility/:citizenId' },
      { ...asConsultant, ...none, action: 'read', outcome: 'not-found', method: 'GET', route: '/enrolments/:id' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(own);
  });

  describeAccessLogBasics(testbed, (tenant) => testbed.registerCitizen(tenant));
});
