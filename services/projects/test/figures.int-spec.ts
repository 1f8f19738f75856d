import { KBH, projectsTestbed, SLAGELSE } from './support/projects-testbed';

describe('projects: a project’s figures, on a date (real PostgreSQL and Kafka)', () => {
  const testbed = projectsTestbed('figures', { probe: false });
  const { api, createProject, registerCitizen } = testbed;

  it('counts participants, phases, milestones and recruitment, each fact from its date on', async () => {
    const project = await createProject(KBH, { capacity: 5, areaCodes: ['tingbjerg', 'akacieparken'], startDate: '2007-09-01' });
    const post = (path: string, body: object, status = 201) => api().post(path, body).expect(status).then((response) => response.body);

    await post(`/projects/${project.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-10-01', attendees: 20, interested: 8 });
    await post(`/projects/${project.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-10-08', attendees: 12, interested: 5 });
    await post(`/projects/${project.id}/information-meetings`, { areaCode: 'akacieparken', heldOn: '2007-10-02', attendees: 9, interested: 4 });
    await post(`/projects/${project.id}/company-visits`, { kind: 'bus-tour', heldOn: '2007-10-20', participants: 15 });

    const citizens = [
      await registerCitizen(KBH, { areaCode: 'tingbjerg' }),
      await registerCitizen(KBH, { areaCode: 'tingbjerg' }),
      await registerCitizen(KBH, { areaCode: 'akacieparken' }),
      await registerCitizen(KBH, { areaCode: 'tingbjerg' }),
    ];
    const [first, second] = [
      await post(`/projects/${project.id}/applications`, { citizenId: citizens[0], appliedOn: '2007-10-10' }),
      await post(`/projects/${project.id}/applications`, { citizenId: citizens[1], appliedOn: '2007-10-10' }),
    ];
    await post(`/projects/${project.id}/applications`, { citizenId: citizens[2], appliedOn: '2007-10-11' });
    await post(`/applications/${first.id}/decision`, { decision: 'selected', decidedOn: '2007-10-15' }, 200);
    await post(`/applications/${second.id}/decision`, { decision: 'rejected', decidedOn: '2007-10-15' }, 200);

    const enrolments = [];
    for (const citizenId of citizens.slice(0, 3)) enrolments.push(await post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-01', phaseCode: 'intro' }));
    const [a, b, c] = enrolments.map((enrolment) => enrolment.id);
    await post(`/enrolments/${a}/phases/intro/complete`, { completedOn: '2007-11-30' }, 200);
    await post(`/enrolments/${a}/phases/training/start`, { startedOn: '2007-12-01' }, 200);
    await post(`/enrolments/${b}/phases/intro/complete`, { completedOn: '2007-11-30' }, 200);
    await post(`/enrolments/${b}/phases/training/start`, { startedOn: '2007-12-01' }, 200);
    await post(`/enrolments/${a}/milestones`, { milestoneCode: 'exam', reachedOn: '2008-02-01', result: 'passed' });
    await post(`/enrolments/${b}/milestones`, { milestoneCode: 'exam', reachedOn: '2008-02-01', result: 'failed' });
    await post(`/enrolments/${c}/leave`, { leftOn: '2007-11-20', reason: 'job' }, 200);
    await post(`/enrolments/${c}/replacement`, { citizenId: citizens[3], enrolledOn: '2007-12-03' });

    const figures = (await api().get(`/projects/${project.id}/figures`).expect(200)).body;
    expect(figures).toEqual({
      projectId: project.id,
      code: project.code,
      name: project.name,
      on: null,
      participants: { enrolled: 4, active: 3, left: 1, replaced: 1, replacements: 1, capacity: 5 },
      leftByReason: [{ reason: 'job', count: 1 }],
      enrolledByArea: [
        { areaCode: 'akacieparken', enrolled: 1 },
        { areaCode: 'tingbjerg', enrolled: 3 },
      ],
      phases: [
        // The replacement stepped into the phase the leaver was in (intro).
        { phaseCode: 'intro', name: 'Introduktion', position: 1, started: 4, inProgress: 1, completed: 2, interrupted: 1 },
        // Passing the exam completes the training phase; the one who failed is still in it.
        { phaseCode: 'training', name: 'Oplæring', position: 2, started: 2, inProgress: 1, completed: 1, interrupted: 0 },
      ],
      milestones: [{ milestoneCode: 'exam', name: 'Eksamen', kind: 'exam', participants: 2, records: 2, passed: 1, failed: 1 }],
      recruitment: {
        informationMeetings: 3,
        attendees: 41,
        interested: 17,
        byArea: [
          { areaCode: 'akacieparken', meetings: 1, attendees: 9, interested: 4 },
          { areaCode: 'tingbjerg', meetings: 2, attendees: 32, interested: 13 },
        ],
        companyVisits: 0,
        busTours: 1,
        visitParticipants: 15,
        applications: 3,
        selected: 1,
        rejected: 1,
        pending: 1,
      },
    });

    // On 25 November: three enrolled, one of them left and not yet replaced, no exams sat; recruitment was all in October.
    const november = (await api().get(`/projects/${project.id}/figures?on=2007-11-25`).expect(200)).body;
    expect(november).toMatchObject({
      on: '2007-11-25',
      participants: { enrolled: 3, active: 2, left: 1, replaced: 0, replacements: 0 },
      phases: [
        { phaseCode: 'intro', started: 3, inProgress: 2, completed: 0, interrupted: 1 },
        { phaseCode: 'training', started: 0, inProgress: 0, completed: 0 },
      ],
      milestones: [{ milestoneCode: 'exam', participants: 0, passed: 0 }],
      recruitment: { informationMeetings: 3, busTours: 1, applications: 3, selected: 1, rejected: 1 },
    });
    const before = (await api().get(`/projects/${project.id}/figures?on=2007-10-05`).expect(200)).body;
    expect(before.recruitment).toMatchObject({ informationMeetings: 2, attendees: 29, interested: 12, busTours: 0, applications: 0, pending: 0 });

    await api().get(`/projects/${project.id}/figures?on=tomorrow`).expect(400);
    await api(SLAGELSE).get(`/projects/${project.id}/figures`).expect(404);
  });
});
