import { PartnerJoined, ProjectChanged, ProjectCreated, ProjectGoalsDefined } from '@fremskudt/contracts';
import { fieldsOf, KBH, projectsTestbed, simpleProjectBody, SLAGELSE, UNKNOWN_ID } from './support/projects-testbed';

describe('projects: partners, projects, phases, templates and goals (real PostgreSQL and Kafka)', () => {
  const testbed = projectsTestbed('projects');
  const { api, count, createProject, createFromTemplate, createPartner, nextCode } = testbed;

  describe('templates', () => {
    it('lists Stafetten, the job package with its target jobs and the company-preparation course, in Danish or English', async () => {
      const danish = (await api().get('/templates').expect(200)).body;
      expect(danish.map((template: { code: string }) => template.code)).toEqual(['stafetten', 'job-package', 'company-preparation-course']);
      expect(danish[1]).toMatchObject({ name: 'Jobpakke', variants: expect.arrayContaining([{ code: 'care-home-helper', name: 'Plejehjemsmedhjælper' }]) });
      expect(danish[0].eligibility).toMatchObject({ genders: ['female'], notChecked: ['genders'] });
      const english = (await api().get('/templates/job-package').set('accept-language', 'en').expect(200)).body;
      expect(english).toMatchObject({ name: 'Job package', variants: expect.arrayContaining([{ code: 'bus-driver', name: 'Bus driver' }]) });
      await api().get('/templates/no-such-template').expect(404);
    });
  });

  describe('creating projects', () => {
    it('creates a project of its own with ordered phases and milestones, and publishes ProjectCreated', async () => {
      const code = nextCode('own');
      const body = simpleProjectBody(code, { capacity: 10, budgetDkk: 2_120_000, eligibility: { minAge: 30, readiness: ['activity-ready'] }, endDate: '2008-12-31' });
      const created = (await api().post('/projects', body).expect(201)).body;
      expect(created).toMatchObject({
        code,
        templateCode: null,
        capacity: 10,
        budgetDkk: 2_120_000,
        startDate: '2007-11-01',
        endDate: '2008-12-31',
        eligibility: { minAge: 30, maxAge: null, readiness: ['activity-ready'], benefitTypes: [], languageRequirement: 'any', notChecked: [] },
        phases: [
          { code: 'intro', position: 1, plannedWeeks: 4, completedBy: 'duration', completionMilestoneCode: null },
          { code: 'training', position: 2, plannedWeeks: null, completedBy: 'milestone', completionMilestoneCode: 'exam' },
        ],
        milestones: [{ code: 'exam', kind: 'exam', phaseCode: 'training' }],
        goals: [],
        partners: [],
      });
      await api().get(`/projects/${created.id}`).expect(200, created);

      const [event] = await testbed.probe.waitFor(ProjectCreated, created.id);
      expect(event.data).toEqual({
        projectId: created.id,
        projectCode: code,
        templateCode: null,
        variantCode: null,
        startDate: '2007-11-01',
        endDate: '2008-12-31',
        capacity: 10,
        areaCodes: ['tingbjerg'],
        eligibility: { minAge: 30, maxAge: null, genders: [], languageRequirement: 'any', benefitTypes: [], readiness: ['activity-ready'], areaCodes: [], matchGroups: [], steps: [] },
        phases: [
          { phaseCode: 'intro', position: 1, plannedWeeks: 4, completedBy: 'duration', completionMilestoneCode: null },
          { phaseCode: 'training', position: 2, plannedWeeks: null, completedBy: 'milestone', completionMilestoneCode: 'exam' },
        ],
        milestones: [{ milestoneCode: 'exam', kind: 'exam', phaseCode: 'training' }],
        createdAt: created.createdAt,
      });
      expect(await testbed.outboxTypes(created.id)).toEqual([ProjectCreated.type]);
    });

    it('instantiates Stafetten from its template with the project’s areas as the eligible areas', async () => {
      const project = await createFromTemplate('stafetten', KBH, { areaCodes: ['tingbjerg', 'akacieparken', 'mjoelnerparken'], endDate: '2008-12-31' });
      expect(project).toMatchObject({
        name: 'Stafetten',
        templateCode: 'stafetten',
        capacity: 25,
        eligibility: { genders: ['female'], areaCodes: ['tingbjerg', 'akacieparken', 'mjoelnerparken'], notChecked: ['genders'] },
      });
      expect(project.phases.map((phase) => phase.code)).toEqual(['introduction', 'integration-position', 'permanent-position']);
      const [event] = await testbed.probe.waitFor(ProjectCreated, project.id);
      expect(event.data).toMatchObject({ templateCode: 'stafetten', variantCode: null, capacity: 25 });
    });

    it('instantiates a job package for one target job, named after it', async () => {
      const project = await createFromTemplate('job-package', KBH, { variantCode: 'hospital-service-assistant' });
      expect(project).toMatchObject({ name: 'Jobpakke: Hospitalsserviceassistent', variantCode: 'hospital-service-assistant', capacity: null });
      const [event] = await testbed.probe.waitFor(ProjectCreated, project.id);
      expect(event.data).toMatchObject({ templateCode: 'job-package', variantCode: 'hospital-service-assistant' });
    });

    it('hands the company-preparation course’s two cohort goals to reporting (ProjectGoalsDefined)', async () => {
      const project = await createFromTemplate('company-preparation-course', KBH, { areaCodes: ['tingbjerg', 'urbanplanen'], startDate: '2016-01-25' });
      expect(project.goals.map((goal) => goal.code)).toEqual(['company-placement-26-weeks', 'job-or-education-52-weeks']);
      const [event] = await testbed.probe.waitFor(ProjectGoalsDefined, project.id);
      expect(event.data).toEqual({
        projectId: project.id,
        projectCode: project.code,
        goals: [
          {
            goalCode: 'company-placement-26-weeks',
            kind: 'cohort',
            outcome: 'company-placement',
            placementTypes: ['company-internship', 'wage-subsidy-job'],
            exitReasons: [],
            windowWeeks: 26,
            targetPercent: 70,
            direction: 'at-least',
          },
          {
            goalCode: 'job-or-education-52-weeks',
            kind: 'cohort',
            outcome: 'job-or-education',
            placementTypes: ['ordinary-job', 'part-time-job', 'flex-job'],
            exitReasons: ['job', 'education', 'flex-job'],
            windowWeeks: 52,
            targetPercent: 5,
            direction: 'at-least',
          },
        ],
        definedAt: expect.any(String),
      });
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, ProjectGoalsDefined.type]);
    });

    it('a retried create (same Idempotency-Key) creates one project and one event, and answers the same', async () => {
      const body = simpleProjectBody(nextCode('retried'));
      const before = await count('project');
      const first = await api().post('/projects', body, 'create-project-1').expect(201);
      const second = await api().post('/projects', body, 'create-project-1').expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await count('project')).toBe(before + 1);
      expect(await testbed.outboxTypes(first.body.id)).toEqual([ProjectCreated.type]);
      await api().post('/projects', { ...body, name: 'Andet' }, 'create-project-1').expect(422);

      const template = { templateCode: 'stafetten', code: nextCode('retried'), startDate: '2007-11-01' };
      const fromTemplate = await api().post('/projects/from-template', template, 'from-template-1').expect(201);
      const again = await api().post('/projects/from-template', template, 'from-template-1').expect(201);
      expect(again.body).toEqual(fromTemplate.body);
      expect(await testbed.outboxTypes(fromTemplate.body.id)).toEqual([ProjectCreated.type]);
    });

    it('a code already taken → 409 project-code-taken, nothing written', async () => {
      const project = await createProject();
      const [projects, outbox] = [await count('project'), await count('outbox')];
      const refused = await api().post('/projects', simpleProjectBody(project.code)).expect(409);
      expect(refused.body).toMatchObject({ status: 409, code: 'project-code-taken' });
      await api().post('/projects/from-template', { templateCode: 'stafetten', code: project.code, startDate: '2007-11-01' }).expect(409);
      expect([await count('project'), await count('outbox')]).toEqual([projects, outbox]);
      // Codes are per municipality.
      await api(SLAGELSE).post('/projects', simpleProjectBody(project.code)).expect(201);
    });

    it.each([
      ['missing fields', {}, ['code', 'name', 'phases', 'startDate']],
      [
        'bad codes, no phases, a bad date and unknown fields',
        { code: 'Stafetten 2007', name: 'S', startDate: '1-1-2008', phases: [], capacity: 0, colour: 'red' },
        ['capacity', 'code', 'colour', 'phases', 'startDate'],
      ],
      [
        'bad parts of phases, milestones, eligibility and goals',
        {
          ...simpleProjectBody('bad-parts'),
          phases: [{ code: 'intro', name: '', completedBy: 'never' }],
          milestones: [{ code: 'exam', name: 'Eksamen', kind: 'party' }],
          eligibility: { minAge: -1, benefitTypes: ['lottery'], matchGroups: [6], genders: ['other'] },
          goals: [{ code: 'g', nameDa: 'Mål', outcome: 'happiness', windowWeeks: 0, targetPercent: 101 }],
        },
        [
          'eligibility.benefitTypes',
          'eligibility.genders',
          'eligibility.matchGroups',
          'eligibility.minAge',
          'goals.0.outcome',
          'goals.0.targetPercent',
          'goals.0.windowWeeks',
          'milestones.0.kind',
          'phases.0.completedBy',
          'phases.0.name',
        ],
      ],
      [
        'rules across the parts',
        {
          ...simpleProjectBody('cross-rules'),
          endDate: '2007-01-01',
          eligibility: { minAge: 40, maxAge: 30 },
          phases: [
            { code: 'intro', name: 'Intro', completedBy: 'milestone' },
            { code: 'intro', name: 'Igen', completedBy: 'decision', completionMilestoneCode: 'exam' },
          ],
          milestones: [{ code: 'exam', name: 'Eksamen', kind: 'exam', phaseCode: 'nowhere' }],
        },
        ['eligibility.maxAge', 'endDate', 'milestones.0.phaseCode', 'phases.0.completionMilestoneCode', 'phases.1.code', 'phases.1.completionMilestoneCode'],
      ],
    ])('creating with %s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const before = [await count('project'), await count('outbox')];
      const response = await api().post('/projects', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect([await count('project'), await count('outbox')]).toEqual(before);
    });

    it.each([
      ['a job package without a target job', { templateCode: 'job-package' }, ['variantCode']],
      ['a target job the template lacks', { templateCode: 'job-package', variantCode: 'astronaut' }, ['variantCode']],
      ['an unknown template', { templateCode: 'moon-landing' }, ['templateCode']],
    ])('instantiating %s → 400 naming the field', async (_case, body, fields) => {
      const response = await api().post('/projects/from-template', { code: nextCode('bad-template'), startDate: '2007-11-01', ...body }).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
    });
  });

  describe('changing projects', () => {
    it('changes capacity and phases and publishes ProjectChanged with the whole definition and what changed', async () => {
      const project = await createProject();
      const phases = [
        { code: 'intro', name: 'Introduktion', plannedWeeks: 6, completedBy: 'duration' },
        { code: 'training', name: 'Oplæring', completedBy: 'milestone', completionMilestoneCode: 'exam' },
        { code: 'job', name: 'Job', completedBy: 'decision' },
      ];
      const changed = (await api().patch(`/projects/${project.id}`, { capacity: 12, phases, name: 'Nyt navn' }).expect(200)).body;
      expect(changed).toMatchObject({ capacity: 12, name: 'Nyt navn' });
      expect(changed.phases.map((phase: { code: string; position: number; plannedWeeks: number | null }) => [phase.code, phase.position, phase.plannedWeeks])).toEqual([
        ['intro', 1, 6],
        ['training', 2, null],
        ['job', 3, null],
      ]);
      const [event] = await testbed.probe.waitFor(ProjectChanged, project.id);
      expect(event.data).toMatchObject({ projectId: project.id, capacity: 12, changed: ['name', 'capacity', 'phases'] });
      expect(event.data.phases.map((phase) => phase.phaseCode)).toEqual(['intro', 'training', 'job']);

      // The same values again change nothing and publish nothing.
      await api().patch(`/projects/${project.id}`, { capacity: 12 }).expect(200);
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, ProjectChanged.type]);
    });

    it('a phase that refers to a milestone being removed → 400 naming it; nothing to change → 400', async () => {
      const project = await createProject();
      const refused = await api().patch(`/projects/${project.id}`, { milestones: [] }).expect(400);
      expect(fieldsOf(refused.body)).toEqual(['phases.1.completionMilestoneCode']);
      const empty = await api().patch(`/projects/${project.id}`, {}).expect(400);
      expect(fieldsOf(empty.body)).toEqual(['areaCodes', 'budgetDkk', 'capacity', 'eligibility', 'endDate', 'milestones', 'name', 'phases', 'targetGroup']);
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type]);
    });

    it('replaces the goals and hands them to reporting again', async () => {
      const project = await createProject();
      const goals = [{ code: 'placement-26', nameDa: 'Virksomhedsplacering inden for 26 uger', outcome: 'company-placement', windowWeeks: 26, targetPercent: 70 }];
      const updated = (await api().put(`/projects/${project.id}/goals`, { goals }).expect(200)).body;
      expect(updated.goals).toEqual([
        {
          code: 'placement-26',
          nameDa: 'Virksomhedsplacering inden for 26 uger',
          nameEn: 'Virksomhedsplacering inden for 26 uger',
          outcome: 'company-placement',
          placementTypes: ['company-internship', 'wage-subsidy-job'],
          exitReasons: [],
          windowWeeks: 26,
          targetPercent: 70,
          direction: 'at-least',
        },
      ]);
      const [event] = await testbed.probe.waitFor(ProjectGoalsDefined, project.id);
      expect(event.data.goals).toEqual([expect.objectContaining({ goalCode: 'placement-26', windowWeeks: 26, targetPercent: 70 })]);
      const bad = await api().put(`/projects/${project.id}/goals`, { goals: [...goals, goals[0]] }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['goals.1.code']);
    });

    it('unknown projects and other municipalities’ projects are 404', async () => {
      const project = await createProject(KBH);
      await api(SLAGELSE).get(`/projects/${project.id}`).expect(404);
      await api(SLAGELSE).patch(`/projects/${project.id}`, { capacity: 3 }).expect(404);
      await api().get(`/projects/${UNKNOWN_ID}`).expect(404);
      await api().get('/projects/not-a-uuid').expect(400);
      const slagelseList = (await api(SLAGELSE).get('/projects').expect(200)).body;
      expect(slagelseList.map((p: { id: string }) => p.id)).not.toContain(project.id);
    });

    it('lists the projects by template and area', async () => {
      const stafetten = await createFromTemplate('stafetten', KBH, { areaCodes: ['lundtoftegade'] });
      const own = await createProject(KBH, { areaCodes: ['aldersrogade'] });
      const byTemplate = (await api().get('/projects?templateCode=stafetten').expect(200)).body.map((p: { id: string }) => p.id);
      expect(byTemplate).toContain(stafetten.id);
      expect(byTemplate).not.toContain(own.id);
      const byArea = (await api().get('/projects?areaCode=aldersrogade').expect(200)).body.map((p: { id: string }) => p.id);
      expect(byArea).toEqual([own.id]);
    });
  });

  describe('partners', () => {
    it('registers partners with contact persons, changes them, and lists them by kind', async () => {
      const foa = await createPartner(KBH, { name: 'FOA', kind: 'union', contacts: [{ name: 'Hanne Jensen', role: 'Konsulent', email: 'hanne@example.dk' }] });
      expect(foa.contacts).toEqual([{ name: 'Hanne Jensen', role: 'Konsulent', email: 'hanne@example.dk', phone: null }]);
      const cbsi = await createPartner(KBH, { name: 'CBSI', kind: 'training-centre' });
      const changed = (await api().patch(`/partners/${cbsi.id}`, { contacts: [{ name: 'Ali Hassan', phone: '+45 33 33 33 33' }] }).expect(200)).body;
      expect(changed).toMatchObject({ name: 'CBSI', contacts: [{ name: 'Ali Hassan', role: null, email: null, phone: '+45 33 33 33 33' }] });
      await api().get(`/partners/${cbsi.id}`).expect(200, changed);
      const unions = (await api().get('/partners?kind=union').expect(200)).body.map((p: { id: string }) => p.id);
      expect(unions).toContain(foa.id);
      expect(unions).not.toContain(cbsi.id);
      expect((await api().post('/partners', { code: foa.code, name: 'Igen', kind: 'ngo' }).expect(409)).body.code).toBe('partner-code-taken');
      const bad = await api().post('/partners', { code: 'X', name: '', kind: 'club', contacts: [{ email: 'nope' }] }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['code', 'contacts.0.email', 'contacts.0.name', 'kind', 'name']);
      await api(SLAGELSE).get(`/partners/${foa.id}`).expect(404);
    });

    it('joins partners to a project in their roles (PartnerJoined); the steering group is those with steering-group', async () => {
      const project = await createFromTemplate('stafetten');
      const foa = await createPartner(KBH, { code: nextCode('foa'), name: 'FOA', kind: 'union' });
      const cbsi = await createPartner(KBH, { code: nextCode('cbsi'), name: 'CBSI', kind: 'training-centre' });
      const joined = (await api().post(`/projects/${project.id}/partners`, { partnerId: foa.id, roles: ['steering-group', 'recruiter'], joinedOn: '2007-09-01' }).expect(201)).body;
      expect(joined).toEqual({ partnerId: foa.id, code: foa.code, name: 'FOA', kind: 'union', roles: ['steering-group', 'recruiter'], joinedOn: '2007-09-01' });
      await api().post(`/projects/${project.id}/partners`, { partnerId: cbsi.id, roles: ['provider'], joinedOn: '2007-10-01' }).expect(201);

      const view = (await api().get(`/projects/${project.id}`).expect(200)).body;
      expect(view.partners.map((p: { code: string }) => p.code)).toEqual([foa.code, cbsi.code]);
      expect(view.steeringGroup.map((p: { code: string }) => p.code)).toEqual([foa.code]);

      const events = await testbed.probe.waitFor(PartnerJoined, project.id, 2);
      expect(events.map((event) => event.data)).toEqual([
        { projectId: project.id, partnerId: foa.id, partnerCode: foa.code, partnerKind: 'union', roles: ['steering-group', 'recruiter'], joinedOn: '2007-09-01' },
        { projectId: project.id, partnerId: cbsi.id, partnerCode: cbsi.code, partnerKind: 'training-centre', roles: ['provider'], joinedOn: '2007-10-01' },
      ]);

      const again = await api().post(`/projects/${project.id}/partners`, { partnerId: foa.id, roles: ['provider'], joinedOn: '2007-10-01' }).expect(409);
      expect(again.body.code).toBe('partner-already-joined');
      const unknown = await api().post(`/projects/${project.id}/partners`, { partnerId: UNKNOWN_ID, roles: ['provider'], joinedOn: '2007-10-01' }).expect(409);
      expect(unknown.body.code).toBe('partner-unknown');
      const bad = await api().post(`/projects/${project.id}/partners`, { partnerId: 'x', roles: [], joinedOn: '2999-01-01' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['joinedOn', 'partnerId', 'roles']);
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, PartnerJoined.type, PartnerJoined.type]);
    });
  });
});
