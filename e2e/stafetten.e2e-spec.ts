import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as ProjectsModule, projectsService } from '@fremskudt/projects-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import {
  InformationMeetingHeld,
  MilestoneReached,
  ParticipantEnrolled,
  ParticipantLeft,
  ParticipantReplaced,
  PhaseCompleted,
  PhaseStarted,
  ProjectCreated,
  ProjectsStream,
  topicName,
} from '@fremskudt/contracts';
import { EventProbe, TestService, asUser, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { CaseloadClient } from './support/caseload';

/**
 * Projekt Stafetten (Jobpatruljen's status note, March 2008) replayed through the public APIs of
 * caseload and projects on one topic prefix: 26 women registered in caseload reach the projects
 * service over Kafka; information meetings in the five areas and a bus tour with FOA to the care
 * homes; 25 women enrolled for a month's introduction in December; from 1 January 2008 all 25 are
 * temps in integration positions; one leaves for a job at Hvidovre Hospital and a new temp takes her
 * place; 15 sit the hygiene-certificate exam and all 15 pass. The project's queries show those
 * figures, and the events carry what reporting needs (project, participant, phase and milestone
 * codes, dates). Reporting, on the same prefix, computes the same figures from the events as the
 * statuses of project-scoped goals. Attendance figures of the meetings and the goals' targets are
 * this fixture's own: the note gives neither.
 */
describe('Stafetten: caseload, projects and reporting together (real PostgreSQL and Kafka)', () => {
  const prefix = uniqueTopicPrefix('e2e-stafetten');
  const TENANT = 'kbh';
  const AREAS = ['tingbjerg', 'mjoelnerparken', 'akacieparken', 'lundtoftegade', 'aldersrogade'] as const;
  let caseload: TestService;
  let projects: TestService;
  let reporting: TestService;
  let probe: EventProbe;
  let kbh: CaseloadClient;

  /** The projects API as the job centre's client uses it: every call expects its documented status. */
  const send = async <T = Record<string, unknown>>(method: 'get' | 'post' | 'put', path: string, expected: number, body?: object): Promise<T> => {
    const call = request(projects.http)[method](path).use(asUser(TENANT)).set('idempotency-key', randomUUID());
    const response = body === undefined ? await call : await call.send(body);
    if (response.status !== expected) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  };

  const women: Array<{ id: string; areaCode: string }> = [];
  const partners: Record<string, string> = {};
  let projectId = '';
  const enrolmentIds: string[] = [];
  let replacementEnrolmentId = '';

  beforeAll(async () => {
    [caseload, projects, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(projectsService, ProjectsModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    probe = await EventProbe.start(topicName(prefix, ProjectsStream));
    kbh = new CaseloadClient(caseload, TENANT);
  });
  afterAll(async () => {
    await probe?.stop();
    await Promise.all([caseload?.dispose(), projects?.dispose(), reporting?.dispose()]);
  });

  it('registers 26 women in caseload, and they reach the projects service over Kafka', async () => {
    for (let i = 0; i < 26; i += 1) {
      // Women: the CPR number's last digit is even. Born 1960-1985, on benefit in one of the five areas.
      const born = new Date(Date.UTC(1960 + i, i % 12, 1 + i));
      const ddmmyy = `${String(born.getUTCDate()).padStart(2, '0')}${String(born.getUTCMonth() + 1).padStart(2, '0')}${String(born.getUTCFullYear()).slice(2)}`;
      const cpr = `${ddmmyy}-${1000 + i * 2}`;
      const areaCode = AREAS[i % AREAS.length];
      const citizen = await kbh.send<{ id: string; areaCode: string }>('post', '/citizens', 201, {
        cpr,
        name: `Kvinde ${i + 1}`,
        areaCode,
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
        registeredOn: '2007-06-01',
      });
      women.push({ id: citizen.id, areaCode });
    }
    // The projects service knows them once caseload's CitizenRegistered events are consumed.
    const stafettenTemplate = await send<{ capacity: number; phases: Array<{ code: string }> }>('get', '/templates/stafetten', 200);
    expect(stafettenTemplate).toMatchObject({ capacity: 25 });
    await waitFor(
      async () => {
        const [{ n }] = await projects.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM citizen WHERE tenant_id = $1`, [TENANT]);
        return n === 26;
      },
      { timeoutMs: 30_000, what: "the 26 women in the projects service's read model" },
    );
  });

  it('creates Stafetten from its template with the partners of the note: LO, FOA, Taskforce/BIF and CBSI', async () => {
    for (const [code, name, kind] of [
      ['lo-faelles-handling', 'LO – Fælles handling', 'union'],
      ['foa', 'FOA', 'union'],
      ['taskforce-bif', 'Taskforce/BIF', 'municipal-unit'],
      ['cbsi', 'CBSI', 'training-centre'],
    ] as const) {
      partners[code] = (await send<{ id: string }>('post', '/partners', 201, { code, name, kind })).id;
    }
    const project = await send<{ id: string; capacity: number; eligibility: { areaCodes: string[]; notChecked: string[] } }>('post', '/projects/from-template', 201, {
      templateCode: 'stafetten',
      code: 'stafetten-2007',
      startDate: '2007-09-01',
      endDate: '2008-12-31',
      areaCodes: [...AREAS],
    });
    projectId = project.id;
    expect(project).toMatchObject({ capacity: 25, eligibility: { areaCodes: [...AREAS], notChecked: ['genders'] } });
    await send('post', `/projects/${projectId}/partners`, 201, { partnerId: partners['lo-faelles-handling'], roles: ['steering-group'], joinedOn: '2007-09-01' });
    await send('post', `/projects/${projectId}/partners`, 201, { partnerId: partners.foa, roles: ['steering-group', 'recruiter'], joinedOn: '2007-09-01' });
    await send('post', `/projects/${projectId}/partners`, 201, { partnerId: partners['taskforce-bif'], roles: ['steering-group'], joinedOn: '2007-09-01' });
    await send('post', `/projects/${projectId}/partners`, 201, { partnerId: partners.cbsi, roles: ['provider'], joinedOn: '2007-09-01' });
    const view = await send<{ steeringGroup: Array<{ code: string }> }>('get', `/projects/${projectId}`, 200);
    // Partners by the day they joined, then by name.
    expect(view.steeringGroup.map((partner) => partner.code)).toEqual(['foa', 'lo-faelles-handling', 'taskforce-bif']);
    await probe.waitFor(ProjectCreated, projectId);
  });

  it('holds information meetings in the five areas and a bus tour with FOA to the care homes; the interested apply and 25 are selected', async () => {
    const attendance: Record<(typeof AREAS)[number], [number, number]> = {
      tingbjerg: [14, 7],
      mjoelnerparken: [11, 6],
      akacieparken: [9, 5],
      lundtoftegade: [10, 5],
      aldersrogade: [8, 4],
    };
    const meetings: Record<string, string> = {};
    for (const areaCode of AREAS) {
      const [attendees, interested] = attendance[areaCode];
      meetings[areaCode] = (await send<{ id: string }>('post', `/projects/${projectId}/information-meetings`, 201, { areaCode, heldOn: '2007-10-02', attendees, interested })).id;
    }
    const careHomes = [randomUUID(), randomUUID(), randomUUID()];
    await send('post', `/projects/${projectId}/company-visits`, 201, { kind: 'bus-tour', heldOn: '2007-10-16', companyIds: careHomes, participants: 27 });
    await probe.waitFor(InformationMeetingHeld, projectId, 5);

    const applications: string[] = [];
    for (const woman of women) {
      applications.push((await send<{ id: string }>('post', `/projects/${projectId}/applications`, 201, { citizenId: woman.id, appliedOn: '2007-10-20', meetingId: meetings[woman.areaCode] })).id);
    }
    for (const applicationId of applications.slice(0, 25)) await send('post', `/applications/${applicationId}/decision`, 200, { decision: 'selected', decidedOn: '2007-11-01' });
  });

  it('enrols 25 women for the introduction on 1 December; the 26th is refused: all 25 places are taken, and nothing is written', async () => {
    for (const woman of women.slice(0, 25)) {
      enrolmentIds.push((await send<{ id: string }>('post', `/projects/${projectId}/enrolments`, 201, { citizenId: woman.id, enrolledOn: '2007-12-01', phaseCode: 'introduction' })).id);
    }
    const [before] = await projects.database.inspect<{ enrolments: number; events: number }>(
      `SELECT (SELECT count(*) FROM enrolment)::int AS enrolments, (SELECT count(*) FROM outbox)::int AS events`,
    );
    const refused = await request(projects.http)
      .post(`/projects/${projectId}/enrolments`)
      .use(asUser(TENANT))
      .send({ citizenId: women[25].id, enrolledOn: '2007-12-01', phaseCode: 'introduction' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'enrolment-refused', errors: [{ field: 'capacity', code: 'capacityReached' }] });
    const [after] = await projects.database.inspect<{ enrolments: number; events: number }>(
      `SELECT (SELECT count(*) FROM enrolment)::int AS enrolments, (SELECT count(*) FROM outbox)::int AS events`,
    );
    expect(after).toEqual(before);
    await probe.waitFor(ParticipantEnrolled, projectId, 25);
  });

  it('completes the introduction on 31 December and starts all 25 as temps in integration positions on 1 January 2008', async () => {
    for (const enrolmentId of enrolmentIds) {
      await send('post', `/enrolments/${enrolmentId}/phases/introduction/complete`, 200, { completedOn: '2007-12-31' });
      await send('post', `/enrolments/${enrolmentId}/phases/integration-position/start`, 200, { startedOn: '2008-01-01' });
    }
    const started = await probe.waitFor(PhaseStarted, projectId, 50);
    expect(started.filter((event) => event.data.phaseCode === 'integration-position' && event.data.startedOn === '2008-01-01')).toHaveLength(25);
  });

  it('one leaves for another job and a new temp takes her place in the integration position', async () => {
    const left = await send<{ status: string; phases: Array<{ phaseCode: string; interruptedOn: string | null }> }>('post', `/enrolments/${enrolmentIds[0]}/leave`, 200, {
      leftOn: '2008-02-15',
      reason: 'job',
    });
    expect(left).toMatchObject({ status: 'left', phases: [{ phaseCode: 'introduction' }, { phaseCode: 'integration-position', interruptedOn: '2008-02-15' }] });
    const replacement = await send<{ id: string; replacesEnrolmentId: string; currentPhaseCode: string; applicationId: string }>(
      'post',
      `/enrolments/${enrolmentIds[0]}/replacement`,
      201,
      { citizenId: women[25].id, enrolledOn: '2008-02-18' },
    );
    replacementEnrolmentId = replacement.id;
    expect(replacement).toMatchObject({ replacesEnrolmentId: enrolmentIds[0], currentPhaseCode: 'integration-position' });
  });

  it('15 sit the hygiene-certificate exam at CBSI and all 15 pass', async () => {
    // The replacement among them: she sits it with the others.
    const sitting = [...enrolmentIds.slice(1, 15), replacementEnrolmentId];
    for (const enrolmentId of sitting) {
      await send('post', `/enrolments/${enrolmentId}/milestones`, 201, { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2008-03-05', result: 'passed' });
    }
    const reached = await probe.waitFor(MilestoneReached, projectId, 15);
    expect(reached.every((event) => event.data.result === 'passed' && event.data.phaseCode === 'integration-position')).toBe(true);
  });

  it("the project's figures in March 2008: 25 recruited, one left and replaced, 25 temps, 15 sat the hygiene exam and 15 passed", async () => {
    const figures = await send<Record<string, unknown>>('get', `/projects/${projectId}/figures?on=2008-03-31`, 200);
    expect(figures).toMatchObject({
      code: 'stafetten-2007',
      participants: { enrolled: 26, active: 25, left: 1, replaced: 1, replacements: 1, capacity: 25 },
      leftByReason: [{ reason: 'job', count: 1 }],
      enrolledByArea: AREAS.map((areaCode) => ({ areaCode, enrolled: women.filter((woman) => woman.areaCode === areaCode).length })).sort((a, b) =>
        a.areaCode.localeCompare(b.areaCode),
      ),
      phases: [
        { phaseCode: 'introduction', started: 25, inProgress: 0, completed: 25, interrupted: 0 },
        { phaseCode: 'integration-position', started: 26, inProgress: 25, completed: 0, interrupted: 1 },
        { phaseCode: 'permanent-position', started: 0, inProgress: 0, completed: 0 },
      ],
      milestones: [
        { milestoneCode: 'hygiene-certificate-exam', kind: 'exam', participants: 15, passed: 15, failed: 0 },
        { milestoneCode: 'permanent-employment', kind: 'hired', participants: 0 },
      ],
      recruitment: {
        informationMeetings: 5,
        attendees: 52,
        interested: 27,
        byArea: [
          { areaCode: 'akacieparken', meetings: 1, attendees: 9, interested: 5 },
          { areaCode: 'aldersrogade', meetings: 1, attendees: 8, interested: 4 },
          { areaCode: 'lundtoftegade', meetings: 1, attendees: 10, interested: 5 },
          { areaCode: 'mjoelnerparken', meetings: 1, attendees: 11, interested: 6 },
          { areaCode: 'tingbjerg', meetings: 1, attendees: 14, interested: 7 },
        ],
        busTours: 1,
        applications: 26,
        selected: 25,
        pending: 1,
      },
    });
    // On 1 January all 25 recruited started as temps.
    const newYear = await send<{ participants: object; phases: object[] }>('get', `/projects/${projectId}/figures?on=2008-01-01`, 200);
    expect(newYear).toMatchObject({
      participants: { enrolled: 25, active: 25, left: 0 },
      phases: [{ phaseCode: 'introduction', completed: 25 }, { phaseCode: 'integration-position', started: 25, inProgress: 25 }, {}],
    });
  });

  it('the events carry what reporting needs: project, participant, dates, phase and milestone codes', async () => {
    const enrolled = probe.of(ParticipantEnrolled, projectId);
    expect(enrolled).toHaveLength(26);
    expect(new Set(enrolled.map((event) => event.data.citizenId))).toEqual(new Set(women.map((woman) => woman.id)));
    expect(enrolled.filter((event) => event.data.enrolledOn === '2007-12-01')).toHaveLength(25);
    const [left] = await probe.waitFor(ParticipantLeft, projectId);
    expect(left.data).toMatchObject({ projectId, enrolmentId: enrolmentIds[0], citizenId: women[0].id, leftOn: '2008-02-15', reason: 'job', phaseCode: 'integration-position' });
    const [replaced] = await probe.waitFor(ParticipantReplaced, projectId);
    expect(replaced.data).toEqual({
      projectId,
      leftEnrolmentId: enrolmentIds[0],
      leftCitizenId: women[0].id,
      replacementEnrolmentId: replacementEnrolmentId,
      replacementCitizenId: women[25].id,
      replacedOn: '2008-02-18',
    });
    const completed = await probe.waitFor(PhaseCompleted, projectId, 25);
    expect(completed.every((event) => event.data.phaseCode === 'introduction' && event.data.completedOn === '2007-12-31' && event.data.position === 1)).toBe(true);
    const exams = probe.of(MilestoneReached, projectId);
    expect(exams.map((event) => event.data.milestoneCode)).toEqual(Array(15).fill('hygiene-certificate-exam'));
    expect(exams.every((event) => event.data.reachedOn === '2008-03-05' && event.subject === projectId)).toBe(true);
  });
  it('reporting shows the same figures from the events: 25 recruited, one left for a job and was replaced, 15 sat the hygiene exam and 15 passed', async () => {
    // The committee's follow-up of Stafetten up to the status note (March 2008), as goals scoped to the project by its code.
    const period = { type: 'range', from: '2007-09-01', to: '2008-03-31' };
    const goal = (id: string, da: string, en: string, rest: object) => ({ id, name: { da, en }, scope: { project: 'stafetten-2007' }, period, ...rest });
    const left = { fact: 'project-participant-left' };
    const exam = { fact: 'project-milestone-reached', where: { milestoneCode: 'hygiene-certificate-exam' } };
    const goals = [
      goal('stafetten-rekruttering', 'Rekrutterede kvinder', 'Women recruited', {
        kind: 'count',
        target: { value: 25 },
        definition: { events: { fact: 'project-participant-enrolled', where: { replacement: false } } },
      }),
      goal('stafetten-informationsmoeder', 'Informationsmøder i alle fem områder', 'Information meetings in all five areas', {
        kind: 'milestone',
        scope: { project: 'stafetten-2007', areas: [...AREAS] },
        definition: { events: { fact: 'project-information-meeting-held' }, deadline: '2007-10-31' },
      }),
      goal('stafetten-afgang-til-job', 'Udtrådte der gik i andet job', 'Leavers who left for another job', {
        kind: 'share',
        target: { value: 0.5 },
        definition: { numeratorEvents: { ...left, where: { reason: 'job' } }, denominatorEvents: left },
      }),
      goal('stafetten-erstatning', 'Udtrådte der blev erstattet', 'Leavers who were replaced', {
        kind: 'share',
        target: { value: 1 },
        definition: { numeratorEvents: { fact: 'project-participant-replaced' }, denominatorEvents: left },
      }),
      goal('stafetten-hygiejnebevis', 'Bestået hygiejnebevis af dem der gik op', 'Passed the hygiene certificate of those who sat it', {
        kind: 'share',
        target: { value: 0.9 },
        definition: { numeratorEvents: { ...exam, where: { ...exam.where, result: 'passed' } }, denominatorEvents: exam },
      }),
      goal('stafetten-fastholdelse', 'Deltagere der blev i projektet', 'Participants who stayed in the project', {
        kind: 'share',
        target: { value: 0.9 },
        definition: { population: {}, numerator: { not: { ...left, within: 'period' } } },
      }),
    ];
    const imported = await request(reporting.http).post('/goals/import').use(asUser(TENANT)).set('idempotency-key', randomUUID()).send({ tenant: TENANT, goals });
    expect(imported.status).toBe(200);

    type Status = { goalId: string; status: string; realised: number; numerator: number; denominator: number | null; populationSize: number | null; citizens?: { numerator: string[]; denominator: string[] } };
    const statusOf = async (goalId: string, query = '') => (await request(reporting.http).get(`/goals/${goalId}/status${query}`).use(asUser(TENANT)).expect(200)).body as Status;
    // Reporting has every event of the story once the participants who stayed count 25 of 26 and the exams 15 of 15.
    await waitFor(
      async () => {
        const [stayed, passed] = await Promise.all([statusOf('stafetten-fastholdelse'), statusOf('stafetten-hygiejnebevis')]);
        return stayed.numerator === 25 && stayed.denominator === 26 && passed.denominator === 15;
      },
      { timeoutMs: 30_000, what: "reporting to have Stafetten's events" },
    );
    const statuses = (await request(reporting.http).get('/goal-statuses?project=stafetten-2007').use(asUser(TENANT)).expect(200)).body.statuses as Status[];
    const figures = Object.fromEntries(statuses.map(({ goalId, status, numerator, denominator }) => [goalId, { status, numerator, denominator }]));
    expect(figures).toEqual({
      'stafetten-afgang-til-job': { status: 'met', numerator: 1, denominator: 1 },
      'stafetten-erstatning': { status: 'met', numerator: 1, denominator: 1 },
      'stafetten-fastholdelse': { status: 'met', numerator: 25, denominator: 26 },
      'stafetten-hygiejnebevis': { status: 'met', numerator: 15, denominator: 15 },
      'stafetten-informationsmoeder': { status: 'met', numerator: 5, denominator: 5 },
      'stafetten-rekruttering': { status: 'met', numerator: 25, denominator: null },
    });
    // The evidence names the participants: the one who left for a job is the one replaced; the 26 are the 25 and the replacement.
    expect((await statusOf('stafetten-erstatning', '?citizens=true')).citizens).toEqual({ numerator: [women[0].id], denominator: [women[0].id] });
    const stayed = await statusOf('stafetten-fastholdelse', '?citizens=true');
    expect(stayed.citizens!.denominator).toEqual(women.map((woman) => woman.id).sort());
    expect(stayed.citizens!.numerator).toEqual(women.slice(1).map((woman) => woman.id).sort());
    expect(stayed.realised).toBeCloseTo(25 / 26, 12);
    // On 1 January 2008, before anyone left: the 25 recruited, all still there.
    const newYear = await request(reporting.http)
      .put('/goals/stafetten-fastholdelse')
      .use(asUser(TENANT))
      .set('idempotency-key', randomUUID())
      .send({ ...goals[5], period: { type: 'range', from: '2007-09-01', to: '2008-01-01' } });
    expect(newYear.status).toBe(200);
    expect(await statusOf('stafetten-fastholdelse')).toMatchObject({ numerator: 25, denominator: 25, realised: 1 });
  });
});
