import { randomUUID } from 'node:crypto';
import { JobPlanCreated, JobPlanRevised } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addCalendarMonths, addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const goal = (overrides: Record<string, unknown> = {}) => ({
  kind: 'job',
  description: 'Fast job som køkkenmedhjælper på et plejehjem',
  targetDate: '2027-06-30',
  ...overrides,
});

describe('caseload: job plans (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('job-plans');
  const { api, registerCitizen, inspect, openApiDocument } = testbed;

  const createPlan = (citizenId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/citizens/${citizenId}/job-plans`, body, key);
  const revise = (planId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/job-plans/${planId}/revisions`, body, key);
  const rowsOf = async (citizenId: string) => {
    const [row] = await inspect<{ plans: number; revisions: number; goals: number; events: number }>(
      `SELECT (SELECT count(*) FROM job_plan WHERE citizen_id = $1)::int AS plans,
              (SELECT count(*) FROM job_plan_revision r JOIN job_plan p ON p.id = r.job_plan_id WHERE p.citizen_id = $1)::int AS revisions,
              (SELECT count(*) FROM job_plan_goal g JOIN job_plan p ON p.id = g.job_plan_id WHERE p.citizen_id = $1)::int AS goals,
              (SELECT count(*) FROM outbox WHERE message_key = $1::text AND event_type LIKE '%job-plan%')::int AS events`,
      [citizenId],
    );
    return row;
  };
  /** Simulates an exit (the exits package owns the command): status and period as it leaves them. */
  const exit = (citizenId: string) =>
    inspect(
      `WITH c AS (UPDATE citizen SET status = 'exited' WHERE id = $1 RETURNING current_period_id)
       UPDATE case_period SET closed_on = current_date, exit_reason = 'job' WHERE id = (SELECT current_period_id FROM c)`,
      [citizenId],
    );
  /** Simulates a re-entry: a new open period becomes the current one. */
  const reenter = async (citizenId: string) => {
    const periodId = randomUUID();
    await inspect(
      `INSERT INTO case_period (id, tenant_id, citizen_id, opened_on) SELECT $2, tenant_id, id, current_date FROM citizen WHERE id = $1`,
      [citizenId, periodId],
    );
    await inspect(`UPDATE citizen SET status = 'active', current_period_id = $2 WHERE id = $1`, [citizenId, periodId]);
    return periodId;
  };

  it('documents the plans endpoints in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/citizens/{id}/job-plans',
        '/job-plans/missing',
        '/job-plans/{planId}',
        '/job-plans/{planId}/revisions',
        '/citizens/{id}/offers',
        '/offers/{offerId}',
        '/offers/{offerId}/start',
        '/offers/{offerId}/complete',
        '/offers/{offerId}/drop',
        '/citizens/{id}/placements',
        '/citizens/{id}/activations',
        '/citizens/{id}/home-visits',
        '/citizens/{id}/round-table-meetings',
        '/citizens/{id}/activities',
      ]),
    );
    const revise = docs.paths['/job-plans/{planId}/revisions'].post;
    expect(Object.keys(revise.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(revise.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
  });

  describe('creating a job plan', () => {
    it('makes revision 1 with goal ids, defaults the dates, stores it and publishes JobPlanCreated keyed by the citizen', async () => {
      const citizenId = await registerCitizen();
      const response = await createPlan(citizenId, { goals: [goal(), goal({ kind: 'language', description: 'Dansk 3', targetDate: '2027-01-31' })] }).expect(201);
      const today = copenhagenToday();
      expect(response.body).toMatchObject({
        citizenId,
        createdOn: today,
        currentRevision: 1,
        lastRevisedOn: today,
        nextRevisionDue: addCalendarMonths(today, 3),
        current: true,
      });
      const goals = response.body.goals;
      expect(goals).toHaveLength(2);
      expect(goals[0]).toEqual({ goalId: expect.any(String), kind: 'job', description: goal().description, targetDate: '2027-06-30' });
      expect(goals[0].goalId).not.toBe(goals[1].goalId);
      expect(response.body.revisions).toEqual([{ revision: 1, revisedOn: today, nextRevisionDue: addCalendarMonths(today, 3), goals }]);

      const fetched = await api().get(`/job-plans/${response.body.id}`).expect(200);
      expect(fetched.body).toEqual(response.body);
      const ofCitizen = await api().get(`/citizens/${citizenId}/job-plans`).expect(200);
      expect(ofCitizen.body).toEqual({ citizenId, jobPlans: [response.body] });

      const [event] = await testbed.probe.waitFor(JobPlanCreated, citizenId);
      expect(event).toMatchObject({ type: JobPlanCreated.type, subject: citizenId, tenant: KBH });
      expect(event.data).toEqual({
        citizenId,
        jobPlanId: response.body.id,
        createdOn: today,
        nextRevisionDue: addCalendarMonths(today, 3),
        goals: goals.map((g: { goalId: string; kind: string; targetDate: string }) => ({ goalId: g.goalId, kind: g.kind, targetDate: g.targetDate })),
      });
      // The goals' wording stays here.
      expect(JSON.stringify(event)).not.toContain('plejehjem');

      const timeline = await inspect(`SELECT event_type, source, to_char(occurred_on, 'YYYY-MM-DD') AS occurred FROM timeline_entry WHERE event_id = $1`, [event.id]);
      expect(timeline).toEqual([{ event_type: JobPlanCreated.type, source: 'caseload', occurred: today }]);
    });

    it.each([
      ['31 January', '2025-01-31', '2025-04-30'],
      ['30 November before a leap year', '2023-11-30', '2024-02-29'],
      ['30 November before a common year', '2024-11-30', '2025-02-28'],
    ])('clamps the default revision date to the month end (%s)', async (_case, createdOn, due) => {
      const citizenId = await registerCitizen();
      const response = await createPlan(citizenId, { goals: [goal()], createdOn }).expect(201);
      expect(response.body).toMatchObject({ createdOn, nextRevisionDue: due, lastRevisedOn: createdOn });
    });

    it('takes an explicit revision date', async () => {
      const citizenId = await registerCitizen();
      const response = await createPlan(citizenId, { goals: [goal()], createdOn: '2026-01-10', nextRevisionDue: '2026-02-10' }).expect(201);
      expect(response.body.nextRevisionDue).toBe('2026-02-10');
    });

    it('refuses a second plan in the same case period with 409 job-plan-exists, writing nothing', async () => {
      const citizenId = await registerCitizen();
      const first = await createPlan(citizenId, { goals: [goal()] }).expect(201);
      const before = await rowsOf(citizenId);
      const again = await createPlan(citizenId, { goals: [goal({ kind: 'education' })] }).expect(409);
      expect(again.body).toMatchObject({ status: 409, code: 'job-plan-exists' });
      expect(again.body.detail).toContain(first.body.id);
      expect(await rowsOf(citizenId)).toEqual(before);
      // A later command on the citizen arrives; the refused one never does.
      await revise(first.body.id, { goals: [goal()] }).expect(201);
      await testbed.probe.waitFor(JobPlanRevised, citizenId);
      expect(testbed.probe.of(JobPlanCreated, citizenId)).toHaveLength(1);
    });

    it('is idempotent: the same Idempotency-Key answers the first result again, with exactly one plan and one event', async () => {
      const citizenId = await registerCitizen();
      const key = `create-plan-${citizenId}`;
      const first = await createPlan(citizenId, { goals: [goal()] }, KBH, key).expect(201);
      const second = await createPlan(citizenId, { goals: [goal()] }, KBH, key).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await rowsOf(citizenId)).toEqual({ plans: 1, revisions: 1, goals: 1, events: 1 });
      await testbed.probe.waitFor(JobPlanCreated, citizenId);
      await revise(first.body.id, { goals: [goal()] }).expect(201);
      await testbed.probe.waitFor(JobPlanRevised, citizenId);
      expect(testbed.probe.of(JobPlanCreated, citizenId)).toHaveLength(1);
    });

    it.each([
      ['no goals', { goals: [] }, ['goals']],
      ['goals missing', {}, ['goals']],
      ['21 goals', { goals: Array.from({ length: 21 }, () => goal()) }, ['goals']],
      ['a goal with a bad kind, no description and an impossible date', { goals: [goal(), { kind: 'fame', targetDate: '2027-02-30' }] }, ['goals.1.description', 'goals.1.kind', 'goals.1.targetDate']],
      ['a goal id on a new plan', { goals: [goal({ goalId: UNKNOWN_ID })] }, ['goals.0.goalId']],
      ['unknown fields', { goals: [goal()], owner: 'x' }, ['owner']],
      ['dates that are not YYYY-MM-DD', { goals: [goal()], createdOn: '2026-1-5', nextRevisionDue: '2026-05-01T10:00:00Z' }, ['createdOn', 'nextRevisionDue']],
      ['a creation date in the future', { goals: [goal()], createdOn: addDays(copenhagenToday(), 1) }, ['createdOn']],
      ['a revision date before the creation date', { goals: [goal()], createdOn: '2026-03-01', nextRevisionDue: '2026-02-28' }, ['nextRevisionDue']],
    ])('refuses %s with 400 naming the fields, writing nothing', async (_case, body, fields) => {
      const citizenId = await registerCitizen();
      const response = await createPlan(citizenId, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await rowsOf(citizenId)).toEqual({ plans: 0, revisions: 0, goals: 0, events: 0 });
    });

    it("answers 404 for an unknown citizen and for another tenant's citizen", async () => {
      await createPlan(UNKNOWN_ID, { goals: [goal()] }).expect(404);
      const theirs = await registerCitizen(SLAGELSE);
      const response = await createPlan(theirs, { goals: [goal()] }, KBH).expect(404);
      expect(response.body.code).toBe('not-found');
      await api().get(`/citizens/${theirs}/job-plans`).expect(404);
      await api().get(`/citizens/${UNKNOWN_ID}/job-plans`).expect(404);
      expect(await rowsOf(theirs)).toEqual({ plans: 0, revisions: 0, goals: 0, events: 0 });
    });

    it('refuses a plan for an exited citizen with 409 citizen-exited', async () => {
      const citizenId = await registerCitizen();
      await exit(citizenId);
      const response = await createPlan(citizenId, { goals: [goal()] }).expect(409);
      expect(response.body.code).toBe('citizen-exited');
      expect(await rowsOf(citizenId)).toEqual({ plans: 0, revisions: 0, goals: 0, events: 0 });
    });

    it('allows a new plan in a new case period after re-entry; the old one is kept and no longer current', async () => {
      const citizenId = await registerCitizen();
      const old = await createPlan(citizenId, { goals: [goal()], createdOn: '2026-02-01' }).expect(201);
      await exit(citizenId);
      const periodId = await reenter(citizenId);
      const fresh = await createPlan(citizenId, { goals: [goal({ kind: 'education' })] }).expect(201);
      expect(fresh.body).toMatchObject({ periodId, current: true });
      const plans = await api().get(`/citizens/${citizenId}/job-plans`).expect(200);
      expect(plans.body.jobPlans.map((p: { id: string; current: boolean }) => [p.id, p.current])).toEqual([
        [fresh.body.id, true],
        [old.body.id, false],
      ]);
      const revised = await revise(old.body.id, { goals: [goal()] }).expect(409);
      expect(revised.body.code).toBe('job-plan-not-current');
    });
  });

  describe('revising a job plan', () => {
    const planFor = async (createdOn = '2026-09-01') => {
      const citizenId = await registerCitizen();
      const plan = await createPlan(citizenId, {
        goals: [goal(), goal({ kind: 'health', description: 'Afklaring af ryg', targetDate: '2026-12-31' })],
        createdOn,
      }).expect(201);
      return { citizenId, plan: plan.body };
    };

    it('keeps the ids of goals the client sends, gives new goals new ids, numbers the revision and publishes JobPlanRevised', async () => {
      const { citizenId, plan } = await planFor();
      const [jobGoal, healthGoal] = plan.goals;
      const response = await revise(plan.id, {
        revisedOn: '2026-10-15',
        goals: [
          { goalId: jobGoal.goalId, kind: 'job', description: 'Fast job som køkkenmedhjælper (omformuleret)', targetDate: '2027-03-31' },
          goal({ kind: 'company-placement', description: 'Praktik i et køkken', targetDate: '2026-12-15' }),
        ],
      }).expect(201);
      expect(response.body).toMatchObject({ id: plan.id, currentRevision: 2, lastRevisedOn: '2026-10-15', nextRevisionDue: '2027-01-15', createdOn: '2026-09-01' });
      const goals = response.body.goals;
      expect(goals[0]).toEqual({ goalId: jobGoal.goalId, kind: 'job', description: 'Fast job som køkkenmedhjælper (omformuleret)', targetDate: '2027-03-31' });
      expect([jobGoal.goalId, healthGoal.goalId]).not.toContain(goals[1].goalId);
      expect(response.body.revisions.map((r: { revision: number; revisedOn: string }) => [r.revision, r.revisedOn])).toEqual([
        [1, '2026-09-01'],
        [2, '2026-10-15'],
      ]);
      // Revision 1 is kept as it was.
      expect(response.body.revisions[0].goals).toEqual(plan.goals);

      const [event] = await testbed.probe.waitFor(JobPlanRevised, citizenId);
      expect(event.subject).toBe(citizenId);
      expect(event.data).toEqual({
        citizenId,
        jobPlanId: plan.id,
        revision: 2,
        revisedOn: '2026-10-15',
        nextRevisionDue: '2027-01-15',
        goals: [
          { goalId: jobGoal.goalId, kind: 'job', targetDate: '2027-03-31' },
          { goalId: goals[1].goalId, kind: 'company-placement', targetDate: '2026-12-15' },
        ],
      });

      // A goal dropped in revision 2 can come back with its id in revision 3; the same day as the last revision is fine.
      const third = await revise(plan.id, { revisedOn: '2026-10-15', nextRevisionDue: '2026-11-30', goals: [{ ...healthGoal }] }).expect(201);
      expect(third.body).toMatchObject({ currentRevision: 3, nextRevisionDue: '2026-11-30', goals: [healthGoal] });
      const events = await testbed.probe.waitFor(JobPlanRevised, citizenId, 2);
      expect(events.map((e) => e.data.revision)).toEqual([2, 3]);
      const fetched = await api().get(`/job-plans/${plan.id}`).expect(200);
      expect(fetched.body).toEqual(third.body);
    });

    it('refuses a revision dated before the last revision with 409, writing nothing', async () => {
      const { citizenId, plan } = await planFor('2026-09-01');
      await revise(plan.id, { revisedOn: '2026-10-01', goals: [goal()] }).expect(201);
      const before = await rowsOf(citizenId);
      const early = await revise(plan.id, { revisedOn: '2026-09-30', goals: [goal()] }).expect(409);
      expect(early.body.code).toBe('job-plan-revision-before-last');
      const beforeCreation = await revise(plan.id, { revisedOn: '2026-08-31', goals: [goal()] }).expect(409);
      expect(beforeCreation.body.code).toBe('job-plan-revision-before-last');
      expect(await rowsOf(citizenId)).toEqual(before);
      const fetched = await api().get(`/job-plans/${plan.id}`).expect(200);
      expect(fetched.body).toMatchObject({ currentRevision: 2, lastRevisedOn: '2026-10-01' });
      // The next accepted revision is number 3: the refusals used no number and sent nothing.
      await revise(plan.id, { revisedOn: '2026-10-02', goals: [goal()] }).expect(201);
      const events = await testbed.probe.waitFor(JobPlanRevised, citizenId, 2);
      expect(events.map((e) => e.data.revision)).toEqual([2, 3]);
    });

    it('is idempotent: a retried revision answers the same and revises once', async () => {
      const { citizenId, plan } = await planFor();
      const key = `revise-${plan.id}`;
      const body = { revisedOn: '2026-10-01', goals: [goal()] };
      const first = await revise(plan.id, body, KBH, key).expect(201);
      const second = await revise(plan.id, body, KBH, key).expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(first.body.currentRevision).toBe(2);
      expect(await rowsOf(citizenId)).toMatchObject({ revisions: 2, events: 2 });
      await testbed.probe.waitFor(JobPlanRevised, citizenId);
      await revise(plan.id, { revisedOn: '2026-10-02', goals: [goal()] }).expect(201);
      const events = await testbed.probe.waitFor(JobPlanRevised, citizenId, 2);
      expect(events.map((e) => e.data.revision)).toEqual([2, 3]);
    });

    it.each([
      ['no goals', { goals: [] }, ['goals']],
      ['a malformed goal id and a bad target date', { goals: [goal({ goalId: 'abc', targetDate: 'tomorrow' })] }, ['goals.0.goalId', 'goals.0.targetDate']],
      ['a revision date in the future', { goals: [goal()], revisedOn: addDays(copenhagenToday(), 1) }, ['revisedOn']],
      ['a next revision date before the revision', { goals: [goal()], revisedOn: '2026-10-01', nextRevisionDue: '2026-09-30' }, ['nextRevisionDue']],
      ['unknown fields', { goals: [goal()], createdOn: '2026-10-01' }, ['createdOn']],
    ])('refuses %s with 400 naming the fields', async (_case, body, fields) => {
      const { citizenId, plan } = await planFor();
      const response = await revise(plan.id, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await rowsOf(citizenId)).toMatchObject({ revisions: 1, events: 1 });
    });

    it('refuses goal ids the plan never had and the same goal twice with 400 naming each goal, writing nothing', async () => {
      const { citizenId, plan } = await planFor();
      const kept = plan.goals[0];
      const response = await revise(plan.id, {
        goals: [{ ...kept }, goal({ goalId: UNKNOWN_ID }), { ...kept }],
      }).expect(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'goals.1.goalId', code: 'unknownGoal' }),
        expect.objectContaining({ field: 'goals.2.goalId', code: 'duplicateGoal' }),
      ]);
      expect(await rowsOf(citizenId)).toMatchObject({ revisions: 1, goals: 2, events: 1 });
    });

    it("answers 404 for an unknown plan and for another tenant's plan", async () => {
      await revise(UNKNOWN_ID, { goals: [goal()] }).expect(404);
      await api().get(`/job-plans/${UNKNOWN_ID}`).expect(404);
      const theirs = await registerCitizen(SLAGELSE);
      const plan = await createPlan(theirs, { goals: [goal()] }, SLAGELSE).expect(201);
      await revise(plan.body.id, { goals: [goal()] }, KBH).expect(404);
      await api().get(`/job-plans/${plan.body.id}`).expect(404);
      expect(await rowsOf(theirs)).toMatchObject({ revisions: 1, events: 1 });
    });

    it('refuses revising the plan of an exited citizen with 409 citizen-exited', async () => {
      const { citizenId, plan } = await planFor();
      await exit(citizenId);
      const response = await revise(plan.id, { goals: [goal()] }).expect(409);
      expect(response.body.code).toBe('citizen-exited');
      expect(await rowsOf(citizenId)).toMatchObject({ revisions: 1, events: 1 });
    });
  });
});
