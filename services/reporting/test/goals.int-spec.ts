import { openApiConventionViolations } from '@fremskudt/testing';
import { copenhagenGoalFile, fieldsOf, KBH, reportingTestbed, SLAGELSE } from './support/reporting-testbed';

const jobPlanGoal = {
  id: 'jobplaner',
  name: { da: 'Borgere med jobplan', en: 'Citizens with a job plan' },
  scope: { areas: ['tingbjerg'] },
  period: { type: 'year', year: 2007 },
  kind: 'share',
  target: { value: 0.9 },
  definition: { population: { benefitTypes: ['cash-benefit'] }, numerator: { currentJobPlan: true } },
};

describe('reporting: goals as versioned data per tenant (real PostgreSQL)', () => {
  const testbed = reportingTestbed('goals');
  const { api } = testbed;

  it('creates a goal as version 1 and refuses the same id again', async () => {
    const created = await api().post('/goals', jobPlanGoal).expect(201);
    expect(created.body).toMatchObject({ ...jobPlanGoal, direction: 'at-least', version: 1 });
    const again = await api().post('/goals', jobPlanGoal).expect(409);
    expect(again.body.code).toBe('goal-exists');
    expect((await api().get('/goals').expect(200)).body.map((g: { id: string }) => g.id)).toEqual(['jobplaner']);
  });

  it('refuses a definition that cannot be computed with 400, naming each field with the reason, in Danish or English', async () => {
    const bad = {
      ...jobPlanGoal,
      id: 'bad',
      definition: { population: { benefitTypes: ['pension'] }, numerator: { fact: 'mentor-course-started', within: 'period' } },
    };
    const danish = await api().post('/goals', bad).expect(400);
    expect(fieldsOf(danish.body)).toEqual(['definition.numerator.fact', 'definition.population.benefitTypes']);
    expect(danish.body.detail).toContain('Målet kan ikke beregnes');
    expect(danish.body.errors).toContainEqual({ field: 'definition.numerator.fact', code: 'unknown', message: 'ingen læsemodel registrerer faktummet mentor-course-started' });
    const english = await api().post('/goals', bad).set('accept-language', 'en').expect(400);
    expect(english.body.errors).toContainEqual({ field: 'definition.numerator.fact', code: 'unknown', message: 'no read model records the fact mentor-course-started' });
    // Well-formed but not computable: a milestone without areas, a place's fact counted per team.
    const milestone = await api().post('/goals', { ...jobPlanGoal, id: 'm', kind: 'milestone', scope: {}, target: undefined, definition: { events: { fact: 'desk-session-opened' } } }).expect(400);
    expect(milestone.body.errors).toEqual([expect.objectContaining({ field: 'scope.areas', code: 'cannot-compute' })]);
    const perTeam = await api().post('/goals', { ...jobPlanGoal, id: 'p', scope: { teams: ['team-nord'] }, kind: 'count', target: { value: 5 }, definition: { events: { fact: 'desk-session-opened' } } }).expect(400);
    expect(fieldsOf(perTeam.body)).toEqual(['scope.teams']);
    // The DTO's own checks name their fields too.
    const malformed = await api().post('/goals', { ...jobPlanGoal, id: 'Not An Id', kind: 'ratio', period: { type: 'year' }, extra: 1 }).expect(400);
    expect(fieldsOf(malformed.body)).toEqual(['extra', 'id', 'kind']);
    expect((await api().get('/goals').expect(200)).body).toHaveLength(1);
  });

  it('a change keeps the old version: the list as of before the change shows version 1', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const changed = await api().put('/goals/jobplaner', { ...jobPlanGoal, target: { value: 0.95 } }).expect(200);
    expect(changed.body).toMatchObject({ version: 2, target: { value: 0.95 } });
    // The same document again is no change: no new version.
    expect((await api().put('/goals/jobplaner', { ...jobPlanGoal, target: { value: 0.95 } }).expect(200)).body.version).toBe(2);

    const goal = (await api().get('/goals/jobplaner').expect(200)).body;
    expect(goal).toMatchObject({ version: 2, target: { value: 0.95 } });
    expect(goal.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await api().get('/goals/jobplaner/versions/1').expect(200)).body).toMatchObject({ version: 1, target: { value: 0.9 } });
    const asOfBefore = (await api().get(`/goals?asOf=${encodeURIComponent(before)}`).expect(200)).body;
    expect(asOfBefore).toEqual([expect.objectContaining({ id: 'jobplaner', version: 1, target: { value: 0.9 } })]);

    await api().put('/goals/unknown-goal', { ...jobPlanGoal, id: 'unknown-goal' }).expect(404);
    expect(fieldsOf((await api().put('/goals/jobplaner', { ...jobPlanGoal, id: 'other' }).expect(400)).body)).toEqual(['id']);
    await api().get('/goals/jobplaner/versions/3').expect(404);
  });

  it("loads a tenant's goal file: new goals created, changed ones versioned, the same again unchanged", async () => {
    const file = copenhagenGoalFile();
    const first = (await api().post('/goals/import', file).expect(200)).body;
    expect(first).toEqual({ created: file.goals.map((g) => g.id), changed: [], unchanged: [] });
    expect((await api().post('/goals/import', file).expect(200)).body).toEqual({ created: [], changed: [], unchanged: file.goals.map((g) => g.id) });
    const edited = { ...file, goals: file.goals.map((g) => (g.id === 'ba2007-mentorforloeb' ? { ...g, partialThreshold: 0.8 } : g)) };
    expect((await api().post('/goals/import', edited).expect(200)).body.changed).toEqual(['ba2007-mentorforloeb']);
  });

  it('refuses a whole file when one goal cannot be computed, or when it is for another tenant, storing nothing', async () => {
    const file = copenhagenGoalFile();
    const broken = { ...file, goals: [...file.goals.map((g) => ({ ...g, id: `${g.id}-v2` })), { ...file.goals[0], id: 'broken', definition: { population: {}, numerator: { fact: 'nothing' } } }] };
    const refused = await api().post('/goals/import', broken).expect(400);
    expect(fieldsOf(refused.body)).toEqual([`goals.${file.goals.length}.definition.numerator.fact`]);
    const twice = await api().post('/goals/import', { goals: [file.goals[0], file.goals[0]] }).expect(400);
    expect(fieldsOf(twice.body)).toEqual(['goals.1.id']);
    expect(fieldsOf((await api(SLAGELSE).post('/goals/import', file).expect(400)).body)).toEqual(['tenant']);
    const ids = (await api().get('/goals').expect(200)).body.map((g: { id: string }) => g.id);
    expect(ids).not.toContain('broken');
    expect(ids.filter((id: string) => id.endsWith('-v2'))).toEqual([]);
  });

  it('records manual assessments with who and when, keeping the earlier ones', async () => {
    const manual = { id: 'sygedagpenge', name: { da: 'Opfølgning på sygedagpenge', en: 'Sickness benefit follow-up' }, scope: {}, period: { type: 'year', year: 2007 }, kind: 'manual', definition: {} };
    await api().post('/goals', manual).expect(201);
    expect((await api().get('/goals/sygedagpenge/status').expect(200)).body).toMatchObject({ status: 'not-assessed', statusLabel: 'Ikke vurderet', assessment: null });
    await api().post('/goals/sygedagpenge/assessments', { status: 'not-met', comment: 'Ikke startet', assessedBy: 'ab12' }).expect(201);
    const latest = (await api().post('/goals/sygedagpenge/assessments', { status: 'partly-met', comment: 'Delvist gennemført', assessedBy: 'cd34' }).expect(201)).body;
    expect(latest).toMatchObject({ goalId: 'sygedagpenge', status: 'partly-met', assessedBy: 'cd34' });
    const status = (await api().get('/goals/sygedagpenge/status').expect(200)).body;
    expect(status).toMatchObject({ status: 'partly-met', statusLabel: 'Delvist opfyldt', assessment: { status: 'partly-met', comment: 'Delvist gennemført', assessedBy: 'cd34', assessedAt: latest.assessedAt } });
    expect((await testbed.inspect(`SELECT count(*)::int AS n FROM manual_goal_assessment`))[0]).toEqual({ n: 2 });
    const computed = await api().post('/goals/jobplaner/assessments', { status: 'met', comment: 'x', assessedBy: 'ab12' }).expect(409);
    expect(computed.body.code).toBe('goal-not-manual');
    await api().post('/goals/nope/assessments', { status: 'met', comment: 'x', assessedBy: 'ab12' }).expect(404);
  });

  it('keeps the tenant threshold setting, 0.75 by default', async () => {
    expect((await api().get('/settings').expect(200)).body).toEqual({ partialThreshold: 0.75 });
    expect((await api().put('/settings', { partialThreshold: 0.8 }).expect(200)).body).toEqual({ partialThreshold: 0.8 });
    expect((await api().get('/settings').expect(200)).body).toEqual({ partialThreshold: 0.8 });
    expect(fieldsOf((await api().put('/settings', { partialThreshold: 1.5 }).expect(400)).body)).toEqual(['partialThreshold']);
    expect((await api(SLAGELSE).get('/settings').expect(200)).body).toEqual({ partialThreshold: 0.75 });
  });

  it("shows one tenant's goals to that tenant only", async () => {
    expect((await api(SLAGELSE).get('/goals').expect(200)).body).toEqual([]);
    await api(SLAGELSE).get('/goals/jobplaner').expect(404);
    await api(SLAGELSE).post('/goals', jobPlanGoal).expect(201);
    expect((await api(KBH).get('/goals/jobplaner').expect(200)).body.version).toBe(2);
    expect((await api(SLAGELSE).get('/goals/jobplaner').expect(200)).body.version).toBe(1);
  });

  it('answers a repeated command with the same Idempotency-Key once', async () => {
    const goal = { ...jobPlanGoal, id: 'idempotent' };
    const first = await api().post('/goals', goal, 'key-1').expect(201);
    const repeat = await api().post('/goals', goal, 'key-1').expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
  });

  it('documents goals, statuses, the indicator table and the rebuild alike to the other services', async () => {
    const document = await testbed.openApiDocument();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/goals', '/goals/import', '/goals/{goalId}', '/goals/{goalId}/status', '/goal-statuses', '/indicator-table', '/read-models/rebuilds', '/settings']),
    );
    const violations = openApiConventionViolations(document);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });
});
