import { randomUUID } from 'node:crypto';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { CitizensStream, InterviewHeld, InterviewNoShow, InterviewSummoned, topicName } from '@fremskudt/contracts';
import { EventProbe, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { addCalendarMonths, addDays, CaseloadClient, copenhagenToday, Interview, publishCounsellingInterviewHeld, StaffMember } from './support/caseload';
import { waitForCount } from './support/platform';

/**
 * A job consultant's day on caseload's public API: cases assigned, citizens summoned, one
 * interview held, one no-show that becomes a follow-up task, and one citizen who takes the
 * interview early at the open counselling desk, which makes them on time (the fact arrives from
 * the counselling service over Kafka). Another tenant sees none of it.
 */
describe('a consultant’s day', () => {
  const prefix = uniqueTopicPrefix('e2e-consultants-day');
  let caseload: TestService;
  let reporting: TestService;
  let probe: EventProbe;
  let kbh: CaseloadClient;
  let aarhus: CaseloadClient;

  const INTERVAL_MONTHS = 3;
  const FOLLOW_UP_WORKING_DAYS = 3;
  const today = copenhagenToday();
  // The held interview a week ago; the no-show on a fixed past Thursday, so the follow-up deadline
  // (3 working days: Friday, Monday, Tuesday) is known without a holiday calendar; the third
  // citizen is summoned for a fortnight from now but comes to open counselling yesterday.
  const heldOn = addDays(today, -7);
  const noShowOn = '2026-01-08';
  const noShowFollowUpDue = '2026-01-13';
  const counsellingOn = addDays(today, -1);

  let consultant: StaffMember;
  const citizen = { held: '', noShow: '', counselling: '' };
  const summons: Record<keyof typeof citizen, Interview> = {} as never;
  // Registration opens the case period today: the first interview is due one interval later.
  const firstDueDate = addCalendarMonths(today, INTERVAL_MONTHS);

  beforeAll(async () => {
    [caseload, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    probe = await EventProbe.start(topicName(prefix, CitizensStream));
    kbh = new CaseloadClient(caseload, 'kbh');
    aarhus = new CaseloadClient(caseload, 'aarhus');
    await kbh.putSettings({ caseloadCapacity: 30, interviewIntervalMonths: INTERVAL_MONTHS, noShowFollowUpWorkingDays: FOLLOW_UP_WORKING_DAYS });
  });
  afterAll(async () => {
    await probe?.stop();
    await Promise.all([caseload?.dispose(), reporting?.dispose()]);
  });

  it('registers a consultant and three citizens and gives the consultant their cases', async () => {
    consultant = await kbh.registerConsultant('Jens Madsen', 'team-nordvest', ['tingbjerg', 'lundtoftegade']);
    citizen.held = (await kbh.registerCitizen('Amina Hassan', 'tingbjerg')).id;
    citizen.noShow = (await kbh.registerCitizen('Omar Ali', 'tingbjerg')).id;
    citizen.counselling = (await kbh.registerCitizen('Leyla Demir', 'lundtoftegade')).id;

    for (const id of Object.values(citizen)) {
      expect(await kbh.assign(id, consultant.id)).toMatchObject({ consultantId: consultant.id, fromDate: today });
    }
    const caseloadView = await kbh.send<{ count: number; capacity: number; citizens: Array<{ id: string }> }>('get', `/staff/${consultant.id}/caseload`, 200);
    expect(caseloadView).toMatchObject({ count: 3, capacity: 30 });
    expect(caseloadView.citizens.map((c) => c.id).sort()).toEqual(Object.values(citizen).sort());
    // The registrations flow on to reporting.
    await waitForCount(reporting, 'kbh', 3, 20_000);
  });

  it('summons each citizen with the due date one interval after registration', async () => {
    summons.held = await kbh.summon(citizen.held, { place: 'local-office', areaCode: 'tingbjerg', scheduledAt: `${heldOn}T08:30:00Z` });
    summons.noShow = await kbh.summon(citizen.noShow, { place: 'central-job-centre', scheduledAt: `${noShowOn}T08:30:00Z` });
    summons.counselling = await kbh.summon(citizen.counselling, {
      place: 'local-office',
      areaCode: 'lundtoftegade',
      scheduledAt: `${addDays(today, 14)}T08:30:00Z`,
    });

    for (const key of Object.keys(citizen) as Array<keyof typeof citizen>) {
      expect(summons[key]).toMatchObject({ citizenId: citizen[key], dueDate: firstDueDate, outcome: null });
      const [event] = await probe.waitFor(InterviewSummoned, citizen[key]);
      expect(event.data).toMatchObject({ interviewId: summons[key].id, dueDate: firstDueDate });
    }
    expect(await kbh.interviewsOf(citizen.counselling)).toMatchObject({ lastHeldOn: null, nextDueDate: firstDueDate, overdue: false });
  });

  it('records the interview held a week ago as on time, restarting the clock from it', async () => {
    const held = await kbh.recordOutcome(summons.held.id, { outcome: 'held', heldOn });
    const nextDueDate = addCalendarMonths(heldOn, INTERVAL_MONTHS);
    expect(held).toMatchObject({ outcome: 'held', heldOn, heldPlace: 'local-office', dueDate: firstDueDate, onTime: true, nextDueDate });
    expect(await kbh.interviewsOf(citizen.held)).toMatchObject({ lastHeldOn: heldOn, nextDueDate, overdue: false });

    const [event] = await probe.waitFor(InterviewHeld, citizen.held);
    expect(event.data).toEqual({
      citizenId: citizen.held,
      interviewId: summons.held.id,
      place: 'local-office',
      areaCode: 'tingbjerg',
      dueDate: firstDueDate,
      heldOn,
      onTime: true,
      nextDueDate,
    });
  });

  it('turns a no-show into a follow-up task due the tenant’s number of working days later, which the consultant completes', async () => {
    const noShow = await kbh.recordOutcome(summons.noShow.id, { outcome: 'no-show' });
    expect(noShow).toMatchObject({ outcome: 'no-show', followUpDue: noShowFollowUpDue, followUpTaskId: expect.any(String) });
    const [event] = await probe.waitFor(InterviewNoShow, citizen.noShow);
    expect(event.data).toMatchObject({ interviewId: summons.noShow.id, followUpDue: noShowFollowUpDue, dueDate: firstDueDate });
    // A no-show does not move the clock.
    expect(await kbh.interviewsOf(citizen.noShow)).toMatchObject({ lastHeldOn: null, nextDueDate: firstDueDate });

    const open = await kbh.openTasks();
    expect(open).toEqual([
      expect.objectContaining({
        id: noShow.followUpTaskId,
        citizenId: citizen.noShow,
        kind: 'no-show-follow-up',
        dueDate: noShowFollowUpDue,
        status: 'open',
        interviewId: summons.noShow.id,
      }),
    ]);

    const done = await kbh.completeTask(noShow.followUpTaskId!, 'phoned');
    expect(done).toMatchObject({ id: noShow.followUpTaskId, status: 'done', completedOn: today, outcome: 'phoned' });
    expect(await kbh.openTasks()).toEqual([]);
  });

  it('counts an interview held early in open counselling as the citizen’s held interview, on time', async () => {
    // This suite runs caseload alone: it plays the counselling service's part and writes the event
    // to the visits topic as its outbox does (open-counselling.e2e-spec.ts runs the real desk).
    const desk = { deskId: randomUUID(), staffId: randomUUID() };
    const visit = await publishCounsellingInterviewHeld(prefix, 'kbh', {
      visitId: randomUUID(),
      citizenId: citizen.counselling,
      areaCode: 'lundtoftegade',
      ...desk,
      heldOn: counsellingOn,
      heldAt: `${counsellingOn}T10:15:00.000Z`,
    });

    const nextDueDate = addCalendarMonths(counsellingOn, INTERVAL_MONTHS);
    const [event] = await probe.waitFor(InterviewHeld, citizen.counselling);
    expect(event.data).toEqual({
      citizenId: citizen.counselling,
      interviewId: summons.counselling.id,
      place: 'open-counselling',
      areaCode: 'lundtoftegade',
      dueDate: firstDueDate,
      heldOn: counsellingOn,
      onTime: true,
      nextDueDate,
    });

    // The summons (for a fortnight from now) is closed as held in open counselling, and the
    // clock now runs from the counselling interview.
    const state = await kbh.interviewsOf(citizen.counselling);
    expect(state).toMatchObject({ lastHeldOn: counsellingOn, nextDueDate, overdue: false });
    expect(state.interviews).toEqual([
      expect.objectContaining({
        id: summons.counselling.id,
        place: 'local-office',
        outcome: 'held',
        heldOn: counsellingOn,
        heldPlace: 'open-counselling',
        heldAreaCode: 'lundtoftegade',
        onTime: true,
        nextDueDate,
      }),
    ]);

    const timeline = await kbh.timelineOf(citizen.counselling);
    expect(timeline).toContainEqual(
      expect.objectContaining({ source: 'counselling', type: visit.type, eventId: visit.id, occurredOn: counsellingOn, data: visit.data }),
    );
    expect(timeline).toContainEqual(expect.objectContaining({ source: 'caseload', type: InterviewHeld.type, eventId: event.id }));
  });

  it('shows another tenant none of it', async () => {
    for (const id of Object.values(citizen)) {
      expect(await aarhus.statusOf(`/citizens/${id}`)).toBe(404);
      expect(await aarhus.statusOf(`/citizens/${id}/interviews`)).toBe(404);
      expect(await aarhus.statusOf(`/citizens/${id}/timeline`)).toBe(404);
    }
    expect(await aarhus.statusOf(`/staff/${consultant.id}/caseload`)).toBe(404);
    expect(await aarhus.statusOf(`/interviews/${summons.held.id}`)).toBe(404);
    expect(await aarhus.send('get', '/tasks', 200)).toEqual([]);
    expect(await aarhus.send('get', '/staff', 200)).toEqual([]);
    await waitForCount(reporting, 'aarhus', 0);
  });
});
