import { randomUUID } from 'node:crypto';
import { MilestoneReached, ParticipantEnrolled, ParticipantLeft, ParticipantReplaced, PhaseCompleted, PhaseStarted, ProjectCreated } from '@fremskudt/contracts';
import { fieldsOf, KBH, projectsTestbed, SLAGELSE, UNKNOWN_ID } from './support/projects-testbed';

describe('projects: phase progress, milestones, leaving and replacement (real PostgreSQL and Kafka)', () => {
  const testbed = projectsTestbed('progress');
  const { api, count, createProject, createFromTemplate, registerCitizen, enrol } = testbed;
  const nothingWritten = async () => [await count('enrolment'), await count('enrolment_phase'), await count('milestone_record'), await count('outbox')];

  const enrolInPhase = async (projectId: string, phaseCode: string, enrolledOn = '2007-12-01', citizenOverrides = {}) => {
    const citizenId = await registerCitizen(KBH, citizenOverrides);
    return (await api().post(`/projects/${projectId}/enrolments`, { citizenId, enrolledOn, phaseCode }).expect(201)).body;
  };

  it('takes a Stafetten participant through introduction, integration position, hygiene exam and permanent employment', async () => {
    const project = await createFromTemplate('stafetten');
    const enrolled = await enrolInPhase(project.id, 'introduction');
    expect(enrolled).toMatchObject({
      currentPhaseCode: 'introduction',
      phases: [{ phaseCode: 'introduction', position: 1, startedOn: '2007-12-01', completedOn: null, completedBy: null, interruptedOn: null }],
      milestones: [],
    });
    const id = enrolled.id;
    await api().post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2007-12-31' }).expect(200);
    const temp = (await api().post(`/enrolments/${id}/phases/integration-position/start`, { startedOn: '2008-01-01' }).expect(200)).body;
    expect(temp).toMatchObject({ currentPhaseCode: 'integration-position' });

    const exam = (await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2008-02-20', result: 'passed' }).expect(201)).body;
    expect(exam.milestones).toEqual([
      { id: expect.any(String), milestoneCode: 'hygiene-certificate-exam', kind: 'exam', reachedOn: '2008-02-20', result: 'passed', phaseCode: 'integration-position', placementId: null },
    ]);
    // The hire is the milestone that completes the integration position.
    const placementId = randomUUID();
    const hired = (await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'permanent-employment', reachedOn: '2008-06-01', placementId }).expect(201)).body;
    expect(hired).toMatchObject({
      currentPhaseCode: null,
      phases: [
        { phaseCode: 'introduction', completedOn: '2007-12-31', completedBy: 'duration' },
        { phaseCode: 'integration-position', startedOn: '2008-01-01', completedOn: '2008-06-01', completedBy: 'milestone' },
      ],
    });
    await api().post(`/enrolments/${id}/phases/permanent-position/start`, { startedOn: '2008-06-01' }).expect(200);
    await api().get(`/enrolments/${id}`).expect(200);

    const started = await testbed.probe.waitFor(PhaseStarted, project.id, 3);
    expect(started.map((event) => [event.data.phaseCode, event.data.position, event.data.startedOn])).toEqual([
      ['introduction', 1, '2007-12-01'],
      ['integration-position', 2, '2008-01-01'],
      ['permanent-position', 3, '2008-06-01'],
    ]);
    expect(started[0].data).toMatchObject({ projectId: project.id, enrolmentId: id, citizenId: enrolled.citizenId });
    const completed = await testbed.probe.waitFor(PhaseCompleted, project.id, 2);
    expect(completed.map((event) => [event.data.phaseCode, event.data.completedOn, event.data.completedBy])).toEqual([
      ['introduction', '2007-12-31', 'duration'],
      ['integration-position', '2008-06-01', 'milestone'],
    ]);
    const milestones = await testbed.probe.waitFor(MilestoneReached, project.id, 2);
    expect(milestones.map((event) => event.data)).toEqual([
      {
        projectId: project.id,
        enrolmentId: id,
        citizenId: enrolled.citizenId,
        milestoneCode: 'hygiene-certificate-exam',
        milestoneKind: 'exam',
        result: 'passed',
        reachedOn: '2008-02-20',
        phaseCode: 'integration-position',
        placementId: null,
      },
      {
        projectId: project.id,
        enrolmentId: id,
        citizenId: enrolled.citizenId,
        milestoneCode: 'permanent-employment',
        milestoneKind: 'hired',
        result: null,
        reachedOn: '2008-06-01',
        phaseCode: 'integration-position',
        placementId,
      },
    ]);
    expect(await testbed.outboxTypes(project.id)).toEqual([
      ProjectCreated.type,
      ParticipantEnrolled.type,
      PhaseStarted.type,
      PhaseCompleted.type,
      PhaseStarted.type,
      MilestoneReached.type,
      MilestoneReached.type,
      PhaseCompleted.type,
      PhaseStarted.type,
    ]);
  });

  it('refuses progress out of order with 409s (nothing written), unknown phases with 404 and bad input with 400', async () => {
    const project = await createFromTemplate('stafetten');
    const { id } = await enrolInPhase(project.id, 'introduction');
    const before = await nothingWritten();
    const refusals = [
      [await api().post(`/enrolments/${id}/phases/integration-position/start`, { startedOn: '2008-01-01' }), 'phase-in-progress'],
      [await api().post(`/enrolments/${id}/phases/introduction/start`, { startedOn: '2008-01-01' }), 'phase-already-started'],
      [await api().post(`/enrolments/${id}/phases/integration-position/complete`, { completedOn: '2008-01-01' }), 'phase-not-started'],
      [await api().post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2007-11-30' }), 'date-before-phase-start'],
      [await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'driving-licence', reachedOn: '2008-01-01' }), 'milestone-unknown'],
      [await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2007-11-01', result: 'passed' }), 'date-before-enrolment'],
    ] as const;
    expect(refusals.map(([response]) => response.status)).toEqual(refusals.map(() => 409));
    expect(refusals.map(([response]) => response.body.code)).toEqual(refusals.map(([, code]) => code));
    await api().post(`/enrolments/${id}/phases/moon-walk/start`, { startedOn: '2008-01-01' }).expect(404);
    await api().post(`/enrolments/${UNKNOWN_ID}/phases/introduction/start`, { startedOn: '2008-01-01' }).expect(404);
    await api(SLAGELSE).post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2007-12-31' }).expect(404);

    const noResult = await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2008-01-01' }).expect(400);
    expect(fieldsOf(noResult.body)).toEqual(['result']);
    const wrongShape = await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'permanent-employment', reachedOn: '2008-01-01', result: 'passed', placementId: 'x' }).expect(400);
    expect(fieldsOf(wrongShape.body)).toEqual(['placementId']);
    const future = await api().post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2999-01-01', extra: 1 }).expect(400);
    expect(fieldsOf(future.body)).toEqual(['completedOn', 'extra']);
    expect(await nothingWritten()).toEqual(before);

    // Completed, the introduction can't be completed again, nor re-entered after the next phase started.
    await api().post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2007-12-31' }).expect(200);
    expect((await api().post(`/enrolments/${id}/phases/introduction/complete`, { completedOn: '2007-12-31' }).expect(409)).body.code).toBe('phase-already-completed');
    expect((await api().post(`/enrolments/${id}/phases/integration-position/start`, { startedOn: '2007-12-30' }).expect(409)).body.code).toBe('date-before-previous-phase');
  });

  it('an exam failed may be sat again; a passed one is reached once; a retried record (same key) counts once', async () => {
    const project = await createFromTemplate('stafetten');
    const { id } = await enrolInPhase(project.id, 'introduction');
    await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2007-12-10', result: 'failed' }).expect(201);
    const body = { milestoneCode: 'hygiene-certificate-exam', reachedOn: '2007-12-20', result: 'passed' };
    const first = await api().post(`/enrolments/${id}/milestones`, body, 'exam-retry').expect(201);
    const again = await api().post(`/enrolments/${id}/milestones`, body, 'exam-retry').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(first.body.milestones.map((m: { result: string }) => m.result)).toEqual(['failed', 'passed']);
    const twice = await api().post(`/enrolments/${id}/milestones`, { ...body, reachedOn: '2007-12-21' }).expect(409);
    expect(twice.body.code).toBe('milestone-already-reached');
    expect((await testbed.outboxTypes(project.id)).filter((type) => type === MilestoneReached.type)).toHaveLength(2);
  });

  it('a participant leaves with a reason: the phase in progress ends uncompleted and nothing more can be recorded', async () => {
    const project = await createFromTemplate('stafetten');
    const enrolled = await enrolInPhase(project.id, 'introduction');
    const placementId = randomUUID();
    const left = (await api().post(`/enrolments/${enrolled.id}/leave`, { leftOn: '2007-12-12', reason: 'job', placementId }).expect(200)).body;
    expect(left).toMatchObject({
      status: 'left',
      leftOn: '2007-12-12',
      leaveReason: 'job',
      leavePlacementId: placementId,
      currentPhaseCode: null,
      phases: [{ phaseCode: 'introduction', completedOn: null, interruptedOn: '2007-12-12' }],
    });
    const [event] = await testbed.probe.waitFor(ParticipantLeft, project.id);
    expect(event.data).toEqual({ projectId: project.id, enrolmentId: enrolled.id, citizenId: enrolled.citizenId, leftOn: '2007-12-12', reason: 'job', phaseCode: 'introduction', placementId });

    expect((await api().post(`/enrolments/${enrolled.id}/leave`, { leftOn: '2007-12-13', reason: 'other' }).expect(409)).body.code).toBe('participant-left');
    expect((await api().post(`/enrolments/${enrolled.id}/phases/introduction/complete`, { completedOn: '2007-12-13' }).expect(409)).body.code).toBe('participant-left');
    const bad = await api().post(`/enrolments/${enrolled.id}/leave`, { leftOn: 'soon', reason: 'bored' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['leftOn', 'reason']);
    expect((await api().get(`/projects/${project.id}/enrolments?status=left`).expect(200)).body.map((e: { id: string }) => e.id)).toEqual([enrolled.id]);
    expect((await api().get(`/projects/${project.id}/enrolments?status=active`).expect(200)).body).toEqual([]);
  });

  it('replaces a participant who left: enrolled in the same place and phase, the two enrolments linked', async () => {
    const project = await createFromTemplate('stafetten', KBH, { capacity: 1 });
    const leaver = await enrolInPhase(project.id, 'introduction');
    await api().post(`/enrolments/${leaver.id}/phases/introduction/complete`, { completedOn: '2007-12-31' }).expect(200);
    await api().post(`/enrolments/${leaver.id}/phases/integration-position/start`, { startedOn: '2008-01-01' }).expect(200);
    const newcomer = await registerCitizen();

    // The project is full while she is there, and she can't be replaced before she leaves.
    expect((await api().post(`/enrolments/${leaver.id}/replacement`, { citizenId: newcomer, enrolledOn: '2008-02-01' }).expect(409)).body.code).toBe('participant-not-left');
    await api().post(`/enrolments/${leaver.id}/leave`, { leftOn: '2008-02-15', reason: 'job' }).expect(200);
    expect((await api().post(`/enrolments/${leaver.id}/replacement`, { citizenId: newcomer, enrolledOn: '2008-02-14' }).expect(409)).body.code).toBe('date-before-leaving');

    const replacement = (await api().post(`/enrolments/${leaver.id}/replacement`, { citizenId: newcomer, enrolledOn: '2008-02-18' }).expect(201)).body;
    expect(replacement).toMatchObject({
      citizenId: newcomer,
      enrolledOn: '2008-02-18',
      status: 'active',
      replacesEnrolmentId: leaver.id,
      currentPhaseCode: 'integration-position',
      phases: [{ phaseCode: 'integration-position', startedOn: '2008-02-18' }],
    });
    expect((await api().get(`/enrolments/${leaver.id}`).expect(200)).body).toMatchObject({ status: 'left', replacedByEnrolmentId: replacement.id });

    const enrolments = await testbed.probe.waitFor(ParticipantEnrolled, project.id, 2);
    expect(enrolments[1].data).toMatchObject({ enrolmentId: replacement.id, citizenId: newcomer, replacesEnrolmentId: leaver.id });
    const [replaced] = await testbed.probe.waitFor(ParticipantReplaced, project.id);
    expect(replaced.data).toEqual({
      projectId: project.id,
      leftEnrolmentId: leaver.id,
      leftCitizenId: leaver.citizenId,
      replacementEnrolmentId: replacement.id,
      replacementCitizenId: newcomer,
      replacedOn: '2008-02-18',
    });
    expect((await testbed.outboxTypes(project.id)).slice(-4)).toEqual([ParticipantLeft.type, ParticipantEnrolled.type, ParticipantReplaced.type, PhaseStarted.type]);

    const another = await registerCitizen();
    expect((await api().post(`/enrolments/${leaver.id}/replacement`, { citizenId: another, enrolledOn: '2008-02-20' }).expect(409)).body.code).toBe('already-replaced');
  });

  it('an ineligible replacement is refused like any enrolment, and nothing is written', async () => {
    const project = await createProject(KBH, { eligibility: { maxAge: 40 } });
    const leaverId = await enrol(project.id, await registerCitizen(KBH, { birthDate: '1980-01-01' }), '2007-12-01');
    await api().post(`/enrolments/${leaverId}/leave`, { leftOn: '2007-12-12', reason: 'illness' }).expect(200);
    const tooOld = await registerCitizen(KBH, { birthDate: '1940-01-01' });
    const before = await nothingWritten();
    const refused = await api().post(`/enrolments/${leaverId}/replacement`, { citizenId: tooOld, enrolledOn: '2007-12-13' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'enrolment-refused', errors: [{ field: 'eligibility.maxAge', code: 'tooOld' }] });
    expect(await nothingWritten()).toEqual(before);
  });

  it('phases and milestones participants have reached can’t be removed from the project', async () => {
    const project = await createProject();
    const { id } = await enrolInPhase(project.id, 'intro', '2007-12-01');
    await api().post(`/enrolments/${id}/milestones`, { milestoneCode: 'exam', reachedOn: '2007-12-05', result: 'failed' }).expect(201);
    const withoutIntro = await api()
      .patch(`/projects/${project.id}`, { phases: [{ code: 'training', name: 'Oplæring', completedBy: 'milestone', completionMilestoneCode: 'exam' }] })
      .expect(409);
    expect(withoutIntro.body.code).toBe('phase-in-use');
    const withoutExam = await api()
      .patch(`/projects/${project.id}`, { milestones: [], phases: [{ code: 'intro', name: 'Intro', completedBy: 'decision' }, { code: 'training', name: 'Oplæring', completedBy: 'decision' }] })
      .expect(409);
    expect(withoutExam.body.code).toBe('milestone-in-use');
    // Adding a phase is fine.
    await api()
      .patch(`/projects/${project.id}`, {
        phases: [
          { code: 'intro', name: 'Intro', completedBy: 'duration' },
          { code: 'training', name: 'Oplæring', completedBy: 'milestone', completionMilestoneCode: 'exam' },
          { code: 'job', name: 'Job', completedBy: 'decision' },
        ],
      })
      .expect(200);
  });
});
