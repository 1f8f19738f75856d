import { randomUUID } from 'node:crypto';
import { CompanyVisitHeld, InformationMeetingHeld, ProjectCreated } from '@fremskudt/contracts';
import { fieldsOf, KBH, projectsTestbed, SLAGELSE, UNKNOWN_ID } from './support/projects-testbed';

describe('projects: recruitment — information meetings, company visits, applications and selection (real PostgreSQL and Kafka)', () => {
  const testbed = projectsTestbed('recruitment');
  const { api, count, createFromTemplate, registerCitizen } = testbed;

  it('records information meetings in the project’s areas and publishes InformationMeetingHeld', async () => {
    const project = await createFromTemplate('stafetten', KBH, { areaCodes: ['tingbjerg', 'akacieparken'], startDate: '2007-09-01' });
    const meeting = (await api().post(`/projects/${project.id}/information-meetings`, { areaCode: 'akacieparken', heldOn: '2007-10-03', attendees: 18, interested: 9 }).expect(201)).body;
    expect(meeting).toEqual({ id: expect.any(String), projectId: project.id, areaCode: 'akacieparken', heldOn: '2007-10-03', attendees: 18, interested: 9 });
    expect((await api().get(`/projects/${project.id}/information-meetings`).expect(200)).body).toEqual([meeting]);
    const [event] = await testbed.probe.waitFor(InformationMeetingHeld, project.id);
    expect(event.data).toEqual({ projectId: project.id, meetingId: meeting.id, areaCode: 'akacieparken', heldOn: '2007-10-03', attendees: 18, interested: 9 });

    const before = [await count('information_meeting'), await count('outbox')];
    const elsewhere = await api().post(`/projects/${project.id}/information-meetings`, { areaCode: 'urbanplanen', heldOn: '2007-10-03', attendees: 5, interested: 1 }).expect(409);
    expect(elsewhere.body.code).toBe('area-not-in-project');
    const early = await api().post(`/projects/${project.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-08-31', attendees: 5, interested: 1 }).expect(409);
    expect(early.body.code).toBe('before-project-start');
    const bad = await api().post(`/projects/${project.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-10-03', attendees: 5, interested: 6 }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['interested']);
    const missing = await api().post(`/projects/${project.id}/information-meetings`, { attendees: -1 }).expect(400);
    expect(fieldsOf(missing.body)).toEqual(['areaCode', 'attendees', 'heldOn', 'interested']);
    expect([await count('information_meeting'), await count('outbox')]).toEqual(before);
  });

  it('records bus tours and company visits by the companies service’s ids and publishes CompanyVisitHeld; retries count once', async () => {
    const project = await createFromTemplate('stafetten', KBH, { startDate: '2007-09-01' });
    const careHomes = [randomUUID(), randomUUID()];
    const body = { kind: 'bus-tour', heldOn: '2007-10-20', companyIds: careHomes, participants: 22 };
    const first = await api().post(`/projects/${project.id}/company-visits`, body, 'bus-tour-1').expect(201);
    const again = await api().post(`/projects/${project.id}/company-visits`, body, 'bus-tour-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ kind: 'bus-tour', companyIds: careHomes, participants: 22 });
    const [event] = await testbed.probe.waitFor(CompanyVisitHeld, project.id);
    expect(event.data).toEqual({ projectId: project.id, visitId: first.body.id, kind: 'bus-tour', heldOn: '2007-10-20', companyIds: careHomes, participants: 22 });
    expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, CompanyVisitHeld.type]);
    await api().post(`/projects/${project.id}/company-visits`, { kind: 'company-visit', heldOn: '2007-10-25', participants: 4 }).expect(201);
    expect((await api().get(`/projects/${project.id}/company-visits`).expect(200)).body.map((v: { kind: string }) => v.kind)).toEqual(['bus-tour', 'company-visit']);
    const bad = await api().post(`/projects/${project.id}/company-visits`, { kind: 'boat-trip', heldOn: '2007-10-25', companyIds: ['x'], participants: 1 }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['companyIds', 'kind']);
  });

  it('takes applications, selects and rejects, and links the application to the enrolment', async () => {
    const project = await createFromTemplate('stafetten', KBH, { startDate: '2007-09-01' });
    const meeting = (await api().post(`/projects/${project.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-10-03', attendees: 10, interested: 4 }).expect(201)).body;
    const [amina, leyla] = [await registerCitizen(), await registerCitizen()];
    const application = (await api().post(`/projects/${project.id}/applications`, { citizenId: amina, appliedOn: '2007-10-05', meetingId: meeting.id }).expect(201)).body;
    expect(application).toEqual({ id: expect.any(String), projectId: project.id, citizenId: amina, appliedOn: '2007-10-05', meetingId: meeting.id, status: 'applied', decidedOn: null });
    const other = (await api().post(`/projects/${project.id}/applications`, { citizenId: leyla, appliedOn: '2007-10-06' }).expect(201)).body;
    expect((await api().post(`/projects/${project.id}/applications`, { citizenId: amina, appliedOn: '2007-10-07' }).expect(409)).body.code).toBe('already-applied');
    expect((await api().post(`/projects/${project.id}/applications`, { citizenId: randomUUID(), appliedOn: '2007-10-07', meetingId: UNKNOWN_ID }).expect(409)).body.code).toBe('meeting-unknown');

    const selected = (await api().post(`/applications/${application.id}/decision`, { decision: 'selected', decidedOn: '2007-10-15' }).expect(200)).body;
    expect(selected).toMatchObject({ status: 'selected', decidedOn: '2007-10-15' });
    await api().post(`/applications/${other.id}/decision`, { decision: 'rejected', decidedOn: '2007-10-15' }).expect(200);
    expect((await api().post(`/applications/${other.id}/decision`, { decision: 'selected', decidedOn: '2007-10-16' }).expect(409)).body.code).toBe('application-decided');
    expect((await api().get(`/projects/${project.id}/applications?status=selected`).expect(200)).body.map((a: { id: string }) => a.id)).toEqual([application.id]);
    const bad = await api().post(`/applications/${other.id}/decision`, { decision: 'maybe' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['decidedOn', 'decision']);
    await api(SLAGELSE).post(`/applications/${application.id}/decision`, { decision: 'rejected', decidedOn: '2007-10-16' }).expect(404);

    const enrolled = (await api().post(`/projects/${project.id}/enrolments`, { citizenId: amina, enrolledOn: '2007-12-01', phaseCode: 'introduction' }).expect(201)).body;
    expect(enrolled.applicationId).toBe(application.id);
  });
});
