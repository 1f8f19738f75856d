import request from 'supertest';
import { TestService, asUser, startTestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { copenhagenToday } from '../src/case/calendar';
import { addCalendarMonths, nextInterviewDue } from '../src/rules';
import { accessLogMark, accessLogSince } from './support/access-log';

const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const KBH = 'kbh';
const OTHER = 'slagelse';

/**
 * The consultant's queries against state built through the public API. The week asked about is
 * ISO week 2025-W24 (Monday 9 June to Sunday 15 June 2025), well in the past, so held dates can be
 * recorded and the answers do not depend on today: a held interview on D moves the next due date
 * to D + 3 months, which puts each citizen's deadline exactly where a boundary is tested.
 */
describe('caseload: the consultant\'s queries — caseload overview, due interviews, tasks (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  const prefix = uniqueTopicPrefix('queries');
  const today = copenhagenToday();
  let serial = 0;

  const WEDNESDAY = '2025-06-11';
  const MONDAY = '2025-06-09';
  const SUNDAY = '2025-06-15';

  const http = (tenant = KBH) => ({
    post: (path: string, body: object) => request(service.http).post(path).use(asUser(tenant)).send(body),
    put: (path: string, body: object) => request(service.http).put(path).use(asUser(tenant)).send(body),
    get: (path: string) => request(service.http).get(path).use(asUser(tenant)),
  });
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();

  const registerStaff = async (name: string, teamCode: string, role = 'job-consultant', tenant = KBH): Promise<string> =>
    (await http(tenant).post('/staff', { name, role, teamCode, areaCodes: ['tingbjerg'] }).expect(201)).body.id;
  const registerCitizen = async (name: string, areaCode = 'tingbjerg', tenant = KBH): Promise<string> => {
    serial++;
    const cpr = `${String(serial).padStart(2, '0')}0488-${String(3000 + serial)}`;
    return (await http(tenant).post('/citizens', { cpr, name, areaCode, benefitType: 'cash-benefit', readiness: 'activity-ready' }).expect(201)).body.id;
  };
  const assign = (citizenId: string, consultantId: string, tenant = KBH) => http(tenant).put(`/citizens/${citizenId}/consultant`, { consultantId }).expect(200);
  const summon = async (citizenId: string, scheduledAt: string, tenant = KBH): Promise<string> =>
    (await http(tenant).post(`/citizens/${citizenId}/summons`, { place: 'local-office', areaCode: 'tingbjerg', scheduledAt }).expect(201)).body.id;
  /** An interview held on `heldOn` (so the next one is due three months later). */
  const held = async (citizenId: string, heldOn: string, tenant = KBH) => {
    const interviewId = await summon(citizenId, `${heldOn}T10:00:00+02:00`, tenant);
    await http(tenant).post(`/interviews/${interviewId}/outcome`, { outcome: 'held', heldOn }).expect(200);
  };
  /** A no-show at a past summons: a follow-up task due two working days later. */
  const noShow = async (citizenId: string, scheduledOn: string): Promise<string> => {
    const interviewId = await summon(citizenId, `${scheduledOn}T10:00:00+02:00`);
    return (await http().post(`/interviews/${interviewId}/outcome`, { outcome: 'no-show' }).expect(200)).body.followUpTaskId;
  };
  const jobPlan = (citizenId: string, createdOn: string) =>
    http()
      .post(`/citizens/${citizenId}/job-plans`, { createdOn, goals: [{ kind: 'job', description: 'Arbejde i køkken', targetDate: '2026-12-31' }] })
      .expect(201);

  // Staff
  let anna: string; // team-nord
  let bo: string; // team-nord
  let cecilie: string; // team-syd
  // Citizens, with the due date their held interview gives them
  let ali: string; // Anna, due Sun 8 June: the day before the week
  let bente: string; // Anna, due Mon 9 June: the week's first day
  let carl: string; // Anna, due Sun 15 June: the week's last day; another summons open on 13 June
  let dorte: string; // Anna, due Mon 16 June: the week after
  let emil: string; // Anna, no interview held: due three months after registration
  let frida: string; // Anna, then transferred to Bo; due Tue 10 June
  let gustav: string; // Anna, due 1 June, exited
  let hanne: string; // nobody's, urbanplanen; due Thu 12 June
  let ib: string; // Cecilie (team-syd); due Wed 11 June
  let emilTask: string;
  let benteTask: string;
  let fridaTask: string;

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: prefix });
    anna = await registerStaff('Anna Andersen', 'team-nord');
    bo = await registerStaff('Bo Berg', 'team-nord');
    cecilie = await registerStaff('Cecilie Clausen', 'team-syd');
    await registerStaff('Mads Mentor', 'team-nord', 'mentor');

    ali = await registerCitizen('Ali Ahmed');
    bente = await registerCitizen('Bente Bach');
    carl = await registerCitizen('Carl Carlsen');
    dorte = await registerCitizen('Dorte Dahl');
    emil = await registerCitizen('Emil Eriksen');
    frida = await registerCitizen('Frida Frost');
    gustav = await registerCitizen('Gustav Gram');
    hanne = await registerCitizen('Hanne Holm', 'urbanplanen');
    ib = await registerCitizen('Ib Iversen');
    for (const citizen of [ali, bente, carl, dorte, emil, frida, gustav]) await assign(citizen, anna);
    await assign(ib, cecilie);

    await held(ali, '2025-03-08');
    await held(bente, '2025-03-09');
    await held(carl, '2025-03-15');
    await held(dorte, '2025-03-16');
    await held(frida, '2025-03-10');
    await held(gustav, '2025-03-01');
    await held(hanne, '2025-03-12');
    await held(ib, '2025-03-11');
    await summon(carl, '2025-06-13T09:00:00+02:00');

    emilTask = await noShow(emil, '2025-05-20'); // follow-up due Thu 22 May
    benteTask = await noShow(bente, '2025-06-02'); // follow-up due Wed 4 June
    fridaTask = await noShow(frida, '2025-05-26'); // follow-up due Wed 28 May
    await http().post(`/tasks/${benteTask}/complete`, { outcome: 'phoned' }).expect(200);

    await jobPlan(ali, '2025-06-01');
    await jobPlan(carl, '2025-06-12');

    // Ib's benefit is at risk under the hours rule: the daily job issues the warning, a task for Cecilie.
    await http().put(`/citizens/${ib}/hours-rule-risk`, { benefitEffectDate: addCalendarMonths(today, 5) }).expect(200);
    await http().post('/jobs/hours-rule-notices', {}).expect(200);

    await assign(frida, bo);
    await http().post(`/citizens/${gustav}/exit`, { reason: 'job', exitDate: today }).expect(200);
  }, 120_000);
  afterAll(() => service?.dispose());
  afterEach(() => jest.restoreAllMocks());

  const overview = async (staffId: string, date: string, tenant = KBH) => (await http(tenant).get(`/staff/${staffId}/caseload-overview?date=${date}`).expect(200)).body;

  describe('GET /staff/:staffId/caseload-overview', () => {
    it('lists the consultant\'s citizens with what needs doing, overdue first, then by due date', async () => {
      const body = await overview(anna, WEDNESDAY);
      const emilDue = nextInterviewDue(today, 3);
      expect(body).toEqual({
        staffId: anna,
        date: WEDNESDAY,
        count: 5,
        capacity: 30,
        overdueCount: 2,
        citizens: [
          { id: ali, name: 'Ali Ahmed', areaCode: 'tingbjerg', since: today, lastHeldOn: '2025-03-08', nextDueDate: '2025-06-08', nextScheduledAt: null, overdue: true, dueThisWeek: false, openTasks: 0, hasCurrentJobPlan: true },
          { id: bente, name: 'Bente Bach', areaCode: 'tingbjerg', since: today, lastHeldOn: '2025-03-09', nextDueDate: '2025-06-09', nextScheduledAt: null, overdue: true, dueThisWeek: true, openTasks: 0, hasCurrentJobPlan: false },
          {
            id: carl,
            name: 'Carl Carlsen',
            areaCode: 'tingbjerg',
            since: today,
            lastHeldOn: '2025-03-15',
            nextDueDate: '2025-06-15',
            nextScheduledAt: '2025-06-13T07:00:00.000Z',
            overdue: false,
            dueThisWeek: true,
            openTasks: 0,
            // Made on 12 June: not yet on the 11th.
            hasCurrentJobPlan: false,
          },
          { id: dorte, name: 'Dorte Dahl', areaCode: 'tingbjerg', since: today, lastHeldOn: '2025-03-16', nextDueDate: '2025-06-16', nextScheduledAt: null, overdue: false, dueThisWeek: false, openTasks: 0, hasCurrentJobPlan: false },
          { id: emil, name: 'Emil Eriksen', areaCode: 'tingbjerg', since: today, lastHeldOn: null, nextDueDate: emilDue, nextScheduledAt: null, overdue: false, dueThisWeek: false, openTasks: 1, hasCurrentJobPlan: false },
        ],
      });
    });

    it('is in time on the due date itself and overdue from the day after', async () => {
      const onMonday = await overview(anna, MONDAY);
      const standing = (body: { citizens: Array<{ id: string; overdue: boolean; dueThisWeek: boolean }> }) =>
        Object.fromEntries(body.citizens.map((c) => [c.id, [c.overdue, c.dueThisWeek]]));
      expect(onMonday.overdueCount).toBe(1);
      expect(standing(onMonday)).toEqual({ [ali]: [true, false], [bente]: [false, true], [carl]: [false, true], [dorte]: [false, false], [emil]: [false, false] });

      const onSunday = await overview(anna, SUNDAY);
      expect(onSunday.overdueCount).toBe(2);
      expect(standing(onSunday)).toEqual({ [ali]: [true, false], [bente]: [true, true], [carl]: [false, true], [dorte]: [false, false], [emil]: [false, false] });

      const nextMonday = await overview(anna, '2025-06-16');
      expect(nextMonday.overdueCount).toBe(3);
      expect(standing(nextMonday)).toEqual({ [ali]: [true, false], [bente]: [true, false], [carl]: [true, false], [dorte]: [false, true], [emil]: [false, false] });
      // The plan made on 12 June counts from then on.
      expect(nextMonday.citizens.find((c: { id: string }) => c.id === carl).hasCurrentJobPlan).toBe(true);
    });

    it('moves a transferred citizen to the new consultant and leaves exited citizens out', async () => {
      const annas = await overview(anna, WEDNESDAY);
      expect(annas.citizens.map((c: { id: string }) => c.id)).not.toContain(frida);
      expect(annas.citizens.map((c: { id: string }) => c.id)).not.toContain(gustav);

      expect(await overview(bo, WEDNESDAY)).toEqual({
        staffId: bo,
        date: WEDNESDAY,
        count: 1,
        capacity: 30,
        overdueCount: 1,
        citizens: [
          { id: frida, name: 'Frida Frost', areaCode: 'tingbjerg', since: today, lastHeldOn: '2025-03-10', nextDueDate: '2025-06-10', nextScheduledAt: null, overdue: true, dueThisWeek: true, openTasks: 1, hasCurrentJobPlan: false },
        ],
      });
    });

    it('answers a consultant without citizens with an empty list, and defaults the date to today', async () => {
      const newcomer = await registerStaff('Nina Ny', 'team-vest');
      // In the team's task counts too, with zeros.
      const zero = { openTasks: 0, overdue: 0, byKind: { 'no-show-follow-up': 0, 'hours-rule-warning': 0, 'hours-rule-hearing': 0 } };
      expect((await http().get('/task-overview?teamCode=team-vest').expect(200)).body).toEqual({
        teamCode: 'team-vest',
        date: today,
        consultants: [{ consultantId: newcomer, name: 'Nina Ny', ...zero }],
        total: zero,
      });
      expect((await http().get(`/staff/${newcomer}/caseload-overview`).expect(200)).body).toEqual({
        staffId: newcomer,
        date: today,
        count: 0,
        capacity: 30,
        overdueCount: 0,
        citizens: [],
      });
    });

    it('refuses bad query fields with 400 naming each, and unknown or another tenant\'s staff with 404', async () => {
      const bad = await http().get(`/staff/${anna}/caseload-overview?date=2025-02-30&sort=name`).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['date', 'sort']);
      expect(fieldsOf((await http().get(`/staff/${anna}/caseload-overview?date=11-06-2025`).expect(400)).body)).toEqual(['date']);
      await http().get(`/staff/not-a-uuid/caseload-overview`).expect(400);
      await http().get(`/staff/${UNKNOWN_ID}/caseload-overview`).expect(404);
      await http(OTHER).get(`/staff/${anna}/caseload-overview?date=${WEDNESDAY}`).expect(404);
    });
  });

  describe('GET /due-interviews', () => {
    const ids = (items: Array<{ citizenId: string }>) => items.map((item) => item.citizenId);
    const due = async (query: string, tenant = KBH) => (await http(tenant).get(`/due-interviews?${query}`).expect(200)).body;

    it('lists the week\'s due interviews (Monday to Sunday) and those overdue before its Monday, with who holds the case', async () => {
      const body = await due(`date=${WEDNESDAY}`);
      const emilDue = nextInterviewDue(today, 3);
      expect(emilDue > SUNDAY).toBe(true);
      expect(body).toEqual({
        week: '2025-W24',
        from: MONDAY,
        to: SUNDAY,
        due: [
          { citizenId: bente, name: 'Bente Bach', areaCode: 'tingbjerg', consultantId: anna, teamCode: 'team-nord', nextDueDate: '2025-06-09', nextScheduledAt: null, lastHeldOn: '2025-03-09' },
          { citizenId: frida, name: 'Frida Frost', areaCode: 'tingbjerg', consultantId: bo, teamCode: 'team-nord', nextDueDate: '2025-06-10', nextScheduledAt: null, lastHeldOn: '2025-03-10' },
          { citizenId: ib, name: 'Ib Iversen', areaCode: 'tingbjerg', consultantId: cecilie, teamCode: 'team-syd', nextDueDate: '2025-06-11', nextScheduledAt: null, lastHeldOn: '2025-03-11' },
          { citizenId: hanne, name: 'Hanne Holm', areaCode: 'urbanplanen', consultantId: null, teamCode: null, nextDueDate: '2025-06-12', nextScheduledAt: null, lastHeldOn: '2025-03-12' },
          {
            citizenId: carl,
            name: 'Carl Carlsen',
            areaCode: 'tingbjerg',
            consultantId: anna,
            teamCode: 'team-nord',
            nextDueDate: '2025-06-15',
            nextScheduledAt: '2025-06-13T07:00:00.000Z',
            lastHeldOn: '2025-03-15',
          },
        ],
        // Gustav (due 1 June) has exited: not listed.
        overdue: [{ citizenId: ali, name: 'Ali Ahmed', areaCode: 'tingbjerg', consultantId: anna, teamCode: 'team-nord', nextDueDate: '2025-06-08', nextScheduledAt: null, lastHeldOn: '2025-03-08' }],
      });
    });

    it('gives the same week for its Monday and its Sunday, and the next week from the Monday after', async () => {
      const wednesday = await due(`date=${WEDNESDAY}`);
      expect(await due(`date=${MONDAY}`)).toEqual(wednesday);
      expect(await due(`date=${SUNDAY}`)).toEqual(wednesday);

      const nextWeek = await due('date=2025-06-16');
      expect({ week: nextWeek.week, from: nextWeek.from, to: nextWeek.to }).toEqual({ week: '2025-W25', from: '2025-06-16', to: '2025-06-22' });
      expect(ids(nextWeek.due)).toEqual([dorte]);
      expect(ids(nextWeek.overdue)).toEqual([ali, bente, frida, ib, hanne, carl]);

      const weekBefore = await due('date=2025-06-08');
      expect(weekBefore.week).toBe('2025-W23');
      expect(ids(weekBefore.due)).toEqual([ali]);
      expect(ids(weekBefore.overdue)).toEqual([]);
    });

    it('filters by consultant, team and area', async () => {
      const annas = await due(`date=${WEDNESDAY}&consultantId=${anna}`);
      expect([ids(annas.due), ids(annas.overdue)]).toEqual([[bente, carl], [ali]]);
      const bos = await due(`date=${WEDNESDAY}&consultantId=${bo}`);
      expect([ids(bos.due), ids(bos.overdue)]).toEqual([[frida], []]);
      const nord = await due(`date=${WEDNESDAY}&teamCode=team-nord`);
      expect([ids(nord.due), ids(nord.overdue)]).toEqual([[bente, frida, carl], [ali]]);
      const urbanplanen = await due(`date=${WEDNESDAY}&areaCode=urbanplanen`);
      expect([ids(urbanplanen.due), ids(urbanplanen.overdue)]).toEqual([[hanne], []]);
      const both = await due(`date=${WEDNESDAY}&teamCode=team-nord&areaCode=urbanplanen`);
      expect([ids(both.due), ids(both.overdue)]).toEqual([[], []]);
    });

    it('shows nothing of another tenant, and 404 for another tenant\'s consultant', async () => {
      expect(await due(`date=${WEDNESDAY}`, OTHER)).toEqual({ week: '2025-W24', from: MONDAY, to: SUNDAY, due: [], overdue: [] });
      await http(OTHER).get(`/due-interviews?date=${WEDNESDAY}&consultantId=${anna}`).expect(404);
      await http().get(`/due-interviews?consultantId=${UNKNOWN_ID}`).expect(404);
    });

    it('refuses bad query fields with 400 naming each', async () => {
      const bad = await http().get('/due-interviews?date=2025-W24&consultantId=anna&teamCode=Team%20Nord&areaCode=_x&limit=5').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['areaCode', 'consultantId', 'date', 'limit', 'teamCode']);
    });
  });

  describe('GET /staff/:staffId/tasks', () => {
    const tasks = async (staffId: string, query: string) => (await http().get(`/staff/${staffId}/tasks?${query}`).expect(200)).body;

    it('lists the open tasks about the consultant\'s citizens, earliest due first, overdue from the day after the due date', async () => {
      expect(await tasks(anna, 'date=2025-05-23')).toEqual({
        staffId: anna,
        status: 'open',
        date: '2025-05-23',
        count: 1,
        overdueCount: 1,
        tasks: [
          {
            id: emilTask,
            citizenId: emil,
            citizenName: 'Emil Eriksen',
            areaCode: 'tingbjerg',
            kind: 'no-show-follow-up',
            dueDate: '2025-05-22',
            status: 'open',
            overdue: true,
            createdOn: today,
            completedOn: null,
            outcome: null,
            interviewId: expect.any(String),
            noticeId: null,
          },
        ],
      });
      const onTheDueDate = await tasks(anna, 'date=2025-05-22');
      expect([onTheDueDate.overdueCount, onTheDueDate.tasks[0].overdue]).toEqual([0, false]);
    });

    it('lists done tasks, or all of them, and follows a transferred citizen to the new consultant', async () => {
      const done = await tasks(anna, 'status=done&date=2025-05-23');
      expect(done.tasks.map((t: { id: string }) => t.id)).toEqual([benteTask]);
      expect(done.tasks[0]).toMatchObject({ citizenId: bente, status: 'done', overdue: false, completedOn: today, outcome: 'phoned', dueDate: '2025-06-04' });

      const all = await tasks(anna, 'status=all&date=2025-06-11');
      expect(all).toMatchObject({ status: 'all', count: 2, overdueCount: 1 });
      expect(all.tasks.map((t: { id: string; overdue: boolean }) => [t.id, t.overdue])).toEqual([
        [emilTask, true],
        [benteTask, false],
      ]);

      // Frida's no-show was while Anna held the case; the follow-up is Bo's now.
      const bos = await tasks(bo, 'date=2025-05-23');
      expect(bos.tasks.map((t: { id: string; citizenId: string; overdue: boolean }) => [t.id, t.citizenId, t.overdue])).toEqual([[fridaTask, frida, false]]);
      const cecilies = await tasks(cecilie, '');
      expect(cecilies.tasks.map((t: { citizenId: string; kind: string; noticeId: string | null }) => [t.citizenId, t.kind, t.noticeId !== null])).toEqual([
        [ib, 'hours-rule-warning', true],
      ]);
    });

    it('refuses bad query fields with 400 naming each, and unknown or another tenant\'s staff with 404', async () => {
      expect(fieldsOf((await http().get(`/staff/${anna}/tasks?status=pending&date=2025-13-01&kind=x`).expect(400)).body)).toEqual(['date', 'kind', 'status']);
      await http().get(`/staff/${UNKNOWN_ID}/tasks`).expect(404);
      await http(OTHER).get(`/staff/${anna}/tasks`).expect(404);
    });
  });

  it('records each list of citizens as an auditable search, the refused ones too; the team counts name no citizen', async () => {
    const inspect = service.database.inspect;
    const mark = await accessLogMark(inspect);
    await http().get(`/staff/${anna}/caseload-overview?date=${WEDNESDAY}`).expect(200);
    await http(OTHER).get(`/staff/${anna}/caseload-overview`).expect(404);
    await http().get(`/staff/${bo}/tasks`).expect(200);
    await http().get(`/due-interviews?date=${WEDNESDAY}&teamCode=team-nord`).expect(200);
    await http().get('/task-overview?teamCode=team-nord').expect(200);
    expect((await accessLogSince(inspect, mark)).map(({ action, citizenId, criterion, outcome }) => ({ action, citizenId, criterion, outcome }))).toEqual([
      { action: 'search', citizenId: null, criterion: { list: 'caseload-overview', consultantId: anna, date: WEDNESDAY }, outcome: 'ok' },
      { action: 'search', citizenId: null, criterion: { list: 'caseload-overview', consultantId: anna }, outcome: 'not-found' },
      { action: 'search', citizenId: null, criterion: { list: 'consultant-tasks', consultantId: bo }, outcome: 'ok' },
      { action: 'search', citizenId: null, criterion: { list: 'interviews-due', date: WEDNESDAY, teamCode: 'team-nord' }, outcome: 'ok' },
    ]);
  });

  describe('GET /task-overview', () => {
    it('counts the open tasks per consultant of the team, by kind and overdue', async () => {
      const counts = (openTasks: number, overdue: number) => ({
        openTasks,
        overdue,
        byKind: { 'no-show-follow-up': openTasks, 'hours-rule-warning': 0, 'hours-rule-hearing': 0 },
      });
      const body = (await http().get('/task-overview?teamCode=team-nord&date=2025-05-23').expect(200)).body;
      // The mentor holds no cases and is left out.
      expect(body).toEqual({
        teamCode: 'team-nord',
        date: '2025-05-23',
        consultants: [
          { consultantId: anna, name: 'Anna Andersen', ...counts(1, 1) },
          { consultantId: bo, name: 'Bo Berg', ...counts(1, 0) },
        ],
        total: counts(2, 1),
      });

      const later = (await http().get('/task-overview?teamCode=team-nord&date=2025-06-11').expect(200)).body;
      expect(later.total).toEqual(counts(2, 2));
      const warning = { openTasks: 1, overdue: 0, byKind: { 'no-show-follow-up': 0, 'hours-rule-warning': 1, 'hours-rule-hearing': 0 } };
      const syd = (await http().get('/task-overview?teamCode=team-syd&date=2025-06-11').expect(200)).body;
      expect(syd).toEqual({ teamCode: 'team-syd', date: '2025-06-11', consultants: [{ consultantId: cecilie, name: 'Cecilie Clausen', ...warning }], total: warning });
    });

    it('shows nothing of another tenant and refuses bad query fields with 400 naming each', async () => {
      expect((await http(OTHER).get('/task-overview?teamCode=team-nord').expect(200)).body).toMatchObject({ teamCode: 'team-nord', consultants: [] });
      expect(fieldsOf((await http().get('/task-overview').expect(400)).body)).toEqual(['teamCode']);
      expect(fieldsOf((await http().get('/task-overview?teamCode=Nord&date=tomorrow&x=1').expect(400)).body)).toEqual(['date', 'teamCode', 'x']);
    });
  });
});
