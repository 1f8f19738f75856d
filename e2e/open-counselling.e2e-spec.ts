import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as CounsellingModule, counsellingService } from '@fremskudt/counselling-service';
import {
  CitizensStream,
  CounsellingDesksStream,
  CounsellingVisitsStream,
  DeskSessionClosed,
  FollowUpInterviewHeld,
  InterviewHeld,
  topicName,
  VisitCompleted,
} from '@fremskudt/contracts';
import { EventProbe, TestService, asUser, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { addCalendarMonths, addDays, CaseloadClient, copenhagenToday, Interview, StaffMember } from './support/caseload';

/**
 * Open counselling and caseload together, each on its own database, talking only over Kafka: the
 * desk learns who has a case from caseload's citizens topic, a summoned citizen comes early to
 * the desk and has the follow-up interview there, and caseload counts it as the citizen's held
 * interview (place: open counselling), on time. A citizen whose case ended gets advice only.
 */
describe('open counselling across caseload and counselling', () => {
  const prefix = uniqueTopicPrefix('e2e-open-counselling');
  const TENANT = 'kbh';
  const INTERVAL_MONTHS = 3;
  const today = copenhagenToday();
  let caseload: TestService;
  let counselling: TestService;
  let citizensProbe: EventProbe;
  let visitsProbe: EventProbe;
  let desksProbe: EventProbe;
  let kbh: CaseloadClient;

  let consultant: StaffMember;
  let deskId: string;
  let sessionId: string;
  const citizen = { summoned: '', exited: '' };
  let summons: Interview;

  /** A request to counselling as the tenant, with an Idempotency-Key on commands. */
  const desk = (method: 'get' | 'post', path: string, body?: object, tenant = TENANT) => {
    const call = request(counselling.http)[method](path).use(asUser(tenant));
    return method === 'post' ? call.set('idempotency-key', randomUUID()).send(body ?? {}) : call;
  };

  beforeAll(async () => {
    [caseload, counselling] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(counsellingService, CounsellingModule.forRoot, { topicPrefix: prefix }),
    ]);
    [citizensProbe, visitsProbe, desksProbe] = await Promise.all([
      EventProbe.start(topicName(prefix, CitizensStream)),
      EventProbe.start(topicName(prefix, CounsellingVisitsStream)),
      EventProbe.start(topicName(prefix, CounsellingDesksStream)),
    ]);
    kbh = new CaseloadClient(caseload, TENANT);
    await kbh.putSettings({ caseloadCapacity: 30, interviewIntervalMonths: INTERVAL_MONTHS, noShowFollowUpWorkingDays: 3 });
  });
  afterAll(async () => {
    await Promise.all([citizensProbe?.stop(), visitsProbe?.stop(), desksProbe?.stop()]);
    await Promise.all([caseload?.dispose(), counselling?.dispose()]);
  });

  it('caseload registers a consultant and two citizens; the summoned one is due one interval from today', async () => {
    consultant = await kbh.registerConsultant('Fatima Yilmaz', 'team-nordvest', ['lundtoftegade']);
    citizen.summoned = (await kbh.registerCitizen('Leyla Demir', 'lundtoftegade')).id;
    citizen.exited = (await kbh.registerCitizen('Karim Saleh', 'lundtoftegade')).id;
    await kbh.assign(citizen.summoned, consultant.id);
    summons = await kbh.summon(citizen.summoned, { place: 'local-office', areaCode: 'lundtoftegade', scheduledAt: `${addDays(today, 14)}T08:30:00Z` });
    expect(summons).toMatchObject({ dueDate: addCalendarMonths(today, INTERVAL_MONTHS), outcome: null });
  });

  it('the desk opens with the consultant on duty once counselling has heard of them from caseload', async () => {
    const setup = await desk('post', '/setup/areas', { template: 'copenhagen' }).expect(200);
    deskId = setup.body.desks.find((candidate: { areaCode: string }) => candidate.areaCode === 'lundtoftegade').id;
    // The staff read model fills from caseload's topic; until then the consultant is unknown (409).
    let opened: request.Response | undefined;
    await waitFor(
      async () => {
        opened = await desk('post', `/desks/${deskId}/sessions`, { staffIds: [consultant.id], extra: true });
        if (opened.status !== 201 && opened.status !== 409) throw new Error(`opening the desk answered ${opened.status}: ${JSON.stringify(opened.body)}`);
        return opened.status === 201;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'counselling to know the consultant from caseload' },
    );
    sessionId = opened!.body.id;
    expect(opened!.body).toMatchObject({ deskId, areaCode: 'lundtoftegade', open: true, staffIds: [consultant.id] });
  });

  it('a citizen whose case ends in caseload gets advice only: checked in as having a case is refused, as without a case it works', async () => {
    // While the case is open the desk takes the citizen as having one (once the registration has arrived) ...
    const checkIn = () => desk('post', `/desks/${deskId}/visits`, { visitorKind: 'citizen-with-case', citizenId: citizen.exited, arrival: 'walk-in' });
    let first: request.Response | undefined;
    await waitFor(async () => (first = await checkIn()).status === 201, { timeoutMs: 30_000, intervalMs: 200, what: "counselling to learn of the citizen's case" });
    await desk('post', `/visits/${first!.body.id}/leave`, {}).expect(200);
    // ... the exit in caseload reaches counselling over Kafka, and from then on it is refused.
    await kbh.send('post', `/citizens/${citizen.exited}/exit`, 200, { reason: 'job', exitDate: today });
    await waitFor(async () => (await checkIn()).status === 409, { timeoutMs: 30_000, intervalMs: 200, what: "counselling to learn of the citizen's exit" });
    const refused = await checkIn().expect(409);
    expect(refused.body.code ?? refused.body.type).toMatch(/citizen-has-no-case/);

    const visit = (await desk('post', `/desks/${deskId}/visits`, { visitorKind: 'citizen-without-case', arrival: 'walk-in' }).expect(201)).body;
    await desk('post', `/visits/${visit.id}/talk`, { staffId: consultant.id }).expect(200);
    const caseAction = await desk('post', `/visits/${visit.id}/complete`, { topics: ['letters-from-authorities'], actions: ['advice', 'follow-up-interview-held'] });
    expect(caseAction.status).toBe(409);
    expect(JSON.stringify(caseAction.body)).toMatch(/case-action-without-case/);
    const completed = (await desk('post', `/visits/${visit.id}/complete`, { topics: ['letters-from-authorities'], actions: ['advice'] }).expect(200)).body;
    expect(completed).toMatchObject({ status: 'done', citizenId: null, visitorKind: 'citizen-without-case' });
    const [event] = await visitsProbe.waitFor(VisitCompleted, visit.id);
    // No person id on the topic for a visitor without a case.
    expect(JSON.stringify(event.data)).not.toContain(citizen.exited);
  });

  it('the summoned citizen comes early, waits in the queue, has the follow-up interview at the desk, and caseload counts it on time', async () => {
    const visit = (await desk('post', `/desks/${deskId}/visits`, {
      visitorKind: 'citizen-with-case',
      citizenId: citizen.summoned,
      arrival: 'summoned',
      requestedStaffId: consultant.id,
    }).expect(201)).body;
    const queue = (await desk('get', `/desks/${deskId}/queue`).expect(200)).body;
    expect(JSON.stringify(queue.waiting)).toContain(visit.id);

    await desk('post', `/visits/${visit.id}/talk`, { staffId: consultant.id }).expect(200);
    await desk('post', `/visits/${visit.id}/talk`, { staffId: consultant.id }).expect(409);
    await desk('post', `/visits/${visit.id}/complete`, { topics: ['hours-rule', 'job-plan-revision'], actions: ['follow-up-interview-held', 'job-plan-revised'] }).expect(200);

    const [held] = await visitsProbe.waitFor(FollowUpInterviewHeld, visit.id);
    expect(held.data).toMatchObject({ visitId: visit.id, citizenId: citizen.summoned, deskId, areaCode: 'lundtoftegade', staffId: consultant.id, heldOn: today });

    // Caseload consumes it: the summons for a fortnight from now is closed as held in open counselling, on time.
    const [interviewHeld] = await citizensProbe.waitFor(InterviewHeld, citizen.summoned, 1, 30_000);
    const nextDueDate = addCalendarMonths(today, INTERVAL_MONTHS);
    expect(interviewHeld.data).toEqual({
      citizenId: citizen.summoned,
      interviewId: summons.id,
      place: 'open-counselling',
      areaCode: 'lundtoftegade',
      dueDate: summons.dueDate,
      heldOn: today,
      onTime: true,
      nextDueDate,
    });
    const state = await kbh.interviewsOf(citizen.summoned);
    expect(state).toMatchObject({ lastHeldOn: today, nextDueDate, overdue: false });
    expect(state.interviews).toEqual([expect.objectContaining({ id: summons.id, outcome: 'held', heldPlace: 'open-counselling', heldAreaCode: 'lundtoftegade', onTime: true })]);
    const timeline = await kbh.timelineOf(citizen.summoned);
    expect(timeline).toContainEqual(expect.objectContaining({ source: 'counselling', type: FollowUpInterviewHeld.type, eventId: held.id }));
  });

  it('closing the desk publishes the session with its split, and another municipality sees nothing of it', async () => {
    const closed = (await desk('post', `/desks/${deskId}/sessions/${sessionId}/close`, {}).expect(200)).body;
    expect(closed.counts).toEqual({ visits: 3, summoned: 1, walkInWithCase: 1, withoutCase: 1 });
    const [event] = await desksProbe.waitFor(DeskSessionClosed, deskId);
    expect(event.data).toMatchObject({ sessionId, visits: 3, summoned: 1, walkInWithCase: 1, withoutCase: 1 });

    const statistics = (await desk('get', '/statistics/visits').query({ from: today, to: today, deskId }).expect(200)).body;
    expect(statistics.total).toMatchObject({ visits: 3, openingDays: 1, split: { summoned: 1, walkInWithCase: 1, withoutCase: 1 } });

    await desk('get', `/desks/${deskId}`, undefined, 'aarhus').expect(404);
    expect((await desk('get', '/statistics/visits', undefined, 'aarhus').query({ from: today, to: today }).expect(200)).body.total.visits).toBe(0);
  });
});
