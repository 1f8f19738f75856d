import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, UNKNOWN_ID } from './support/testbed';

describe('caseload: consultant tasks (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('tasks', { probe: false });
  const { api, inspect, openApiDocument } = testbed;
  const today = copenhagenToday();

  const registerCitizen = (tenant = KBH) => testbed.registerCitizen(tenant, { areaCode: 'urbanplanen' });
  /** A no-show on the given day creates a follow-up task: the way tasks come into being. */
  const noShowTask = async (scheduledOn: string, tenant = KBH) => {
    const citizenId = await registerCitizen(tenant);
    const summons = await api(tenant).post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: `${scheduledOn}T10:00:00Z` }).expect(201);
    const noShow = await api(tenant).post(`/interviews/${summons.body.id}/outcome`, { outcome: 'no-show' }).expect(200);
    const task = (await api(tenant).get(`/tasks/${noShow.body.followUpTaskId}`).expect(200)).body;
    return { citizenId, interviewId: summons.body.id as string, task };
  };
  const taskRow = async (taskId: string) =>
    (await inspect(`SELECT status, completed_on::text, outcome FROM consultant_task WHERE id = $1`, [taskId]))[0];

  describe('GET /tasks', () => {
    it('lists tasks by status, citizen and due date, earliest due first', async () => {
      const early = await noShowTask('2025-03-03'); // Monday: due Wednesday 5 March
      const late = await noShowTask('2025-04-16'); // Wednesday before Easter: Maundy Thursday to Easter Monday do not count
      expect(early.task).toMatchObject({ kind: 'no-show-follow-up', dueDate: '2025-03-05', status: 'open', interviewId: early.interviewId, createdOn: today });
      expect(late.task.dueDate).toBe('2025-04-23');

      const open = (await api().get('/tasks?status=open').expect(200)).body as Array<{ id: string; dueDate: string }>;
      const mine = open.filter((task) => [early.task.id, late.task.id].includes(task.id));
      expect(mine.map((task) => task.id)).toEqual([early.task.id, late.task.id]);
      expect(open.map((task) => task.dueDate)).toEqual([...open.map((task) => task.dueDate)].sort());

      expect((await api().get(`/tasks?citizenId=${late.citizenId}`).expect(200)).body).toEqual([late.task]);
      const dueBefore = (await api().get('/tasks?status=open&dueBefore=2025-04-01').expect(200)).body as Array<{ id: string }>;
      expect(dueBefore.map((task) => task.id)).toContain(early.task.id);
      expect(dueBefore.map((task) => task.id)).not.toContain(late.task.id);
      expect((await api().get(`/tasks?status=done&citizenId=${early.citizenId}`).expect(200)).body).toEqual([]);
      expect((await api().get('/tasks?limit=1').expect(200)).body).toHaveLength(1);
    });

    it('shows no other tenant’s tasks', async () => {
      const theirs = await noShowTask('2025-05-05', 'slagelse');
      expect((await api('kbh').get(`/tasks?citizenId=${theirs.citizenId}`).expect(200)).body).toEqual([]);
      await api('kbh').get(`/tasks/${theirs.task.id}`).expect(404);
    });

    it('refuses bad filters with 400 naming each', async () => {
      const bad = await api().get('/tasks?status=later&citizenId=42&dueBefore=2025-13-01&limit=0&mine=1').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['citizenId', 'dueBefore', 'limit', 'mine', 'status']);
    });
  });

  describe('POST /tasks/:id/complete', () => {
    it('completes an open task with the outcome, today by default', async () => {
      const { citizenId, task } = await noShowTask('2025-06-02');
      const done = await api().post(`/tasks/${task.id}/complete`, { outcome: 'phoned' }).expect(200);
      expect(done.body).toEqual({ ...task, status: 'done', completedOn: today, outcome: 'phoned' });
      expect((await api().get(`/tasks/${task.id}`).expect(200)).body).toEqual(done.body);
      expect((await api().get(`/tasks?status=open&citizenId=${citizenId}`).expect(200)).body).toEqual([]);
      expect((await api().get(`/tasks?status=done&citizenId=${citizenId}`).expect(200)).body).toEqual([done.body]);
    });

    it('answers a retry with the same Idempotency-Key from the log', async () => {
      const { task } = await noShowTask('2025-06-03');
      const body = { completedOn: today, outcome: 'visited' };
      const first = await api().post(`/tasks/${task.id}/complete`, body, `complete-${task.id}`).expect(200);
      const again = await api().post(`/tasks/${task.id}/complete`, body, `complete-${task.id}`).expect(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await taskRow(task.id)).toEqual({ status: 'done', completed_on: today, outcome: 'visited' });
    });

    it('refuses completing a done task with 409 task-already-done and changes nothing', async () => {
      const { task } = await noShowTask('2025-06-04');
      await api().post(`/tasks/${task.id}/complete`, { outcome: 'not-reached' }).expect(200);
      const refused = await api().post(`/tasks/${task.id}/complete`, { outcome: 'phoned' }).expect(409);
      expect(refused.body.code).toBe('task-already-done');
      expect(await taskRow(task.id)).toEqual({ status: 'done', completed_on: today, outcome: 'not-reached' });
    });

    it('refuses a completion dated before the task was created with 409', async () => {
      const { task } = await noShowTask('2025-06-05');
      const refused = await api().post(`/tasks/${task.id}/complete`, { completedOn: addDays(today, -1) }).expect(409);
      expect(refused.body.code).toBe('task-completed-before-created');
      expect(await taskRow(task.id)).toEqual({ status: 'open', completed_on: null, outcome: null });
    });

    it('refuses bad input with 400 naming every field', async () => {
      const { task } = await noShowTask('2025-06-06');
      const bad = await api().post(`/tasks/${task.id}/complete`, { completedOn: '06-06-2025', outcome: 'emailed', note: 'x' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['completedOn', 'note', 'outcome']);
      const future = await api().post(`/tasks/${task.id}/complete`, { completedOn: addDays(today, 1) }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'completedOn', code: 'notInFuture' })]);
      await api().post('/tasks/abc/complete', {}).expect(400);
      expect(await taskRow(task.id)).toEqual({ status: 'open', completed_on: null, outcome: null });
    });

    it('answers 404 for an unknown task and another tenant’s task', async () => {
      const theirs = await noShowTask('2025-06-09', 'slagelse');
      await api().post(`/tasks/${UNKNOWN_ID}/complete`, {}).expect(404);
      await api('kbh').post(`/tasks/${theirs.task.id}/complete`, {}).expect(404);
      expect(await taskRow(theirs.task.id)).toEqual({ status: 'open', completed_on: null, outcome: null });
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/tasks', '/tasks/{taskId}', '/tasks/{taskId}/complete']));
  });
});
