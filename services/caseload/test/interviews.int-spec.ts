import {
  FollowUpInterviewHeld,
  InterviewCancelled,
  InterviewHeld,
  InterviewNoShow,
  InterviewSummoned,
  PayloadOf,
} from '@fremskudt/contracts';
import { envelopeFor, produceEvents, waitFor } from '@fremskudt/testing';
import { randomUUID } from 'node:crypto';
import { copenhagenToday } from '../src/case/calendar';
import { addDays, addWorkingDays, nextInterviewDue } from '../src/rules';
import { caseloadTestbed, fieldsOf, UNKNOWN_ID } from './support/testbed';

const settings = (interviewIntervalMonths: number) => ({ caseloadCapacity: 30, interviewIntervalMonths, noShowFollowUpWorkingDays: 2 });

describe('caseload: summonses, interviews and interviews held in open counselling (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('interviews');
  const { api, registerCitizen, inspect, markExited, openApiDocument } = testbed;
  const today = copenhagenToday();

  beforeAll(async () => {
    await api('kbh').put('/settings', settings(3)).expect(200);
    await api('slagelse').put('/settings', settings(2)).expect(200);
  });

  const summon = async (citizenId: string, body: object = {}, tenant = 'kbh') =>
    (await api(tenant).post(`/citizens/${citizenId}/summons`, { place: 'local-office', areaCode: 'tingbjerg', scheduledAt: '2025-01-06T10:00:00+01:00', ...body }).expect(201)).body;
  const recordHeld = async (interviewId: string, heldOn: string, tenant = 'kbh') =>
    (await api(tenant).post(`/interviews/${interviewId}/outcome`, { outcome: 'held', heldOn }).expect(200)).body;
  const interviewsOf = async (citizenId: string, tenant = 'kbh') => (await api(tenant).get(`/citizens/${citizenId}/interviews`).expect(200)).body;
  const outboxCount = async (citizenId: string, contract?: { type: string }) =>
    (
      await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND ($2::text IS NULL OR event_type = $2)`, [
        citizenId,
        contract?.type ?? null,
      ])
    )[0].n;

  describe('POST /citizens/:id/summons', () => {
    it('summons a citizen with the due date one interval after the case period opened, and publishes InterviewSummoned', async () => {
      const citizenId = await registerCitizen();
      const body = await summon(citizenId, { place: 'open-counselling', areaCode: 'tingbjerg', scheduledAt: '2026-03-02T09:30:00+01:00' });
      // No held interview in this period yet: due one interval after the period opened (registration today).
      const due = nextInterviewDue(today, 3);
      expect(body).toMatchObject({
        id: expect.any(String),
        citizenId,
        source: 'summons',
        place: 'open-counselling',
        areaCode: 'tingbjerg',
        scheduledAt: '2026-03-02T08:30:00.000Z',
        dueDate: due,
        outcome: null,
        heldOn: null,
        followUpTaskId: null,
      });

      const state = await interviewsOf(citizenId);
      expect(state).toMatchObject({ citizenId, lastHeldOn: null, nextDueDate: due, overdue: false, interviews: [body] });
      expect(await api().get(`/interviews/${body.id}`).expect(200).then((r) => r.body)).toEqual(body);

      const [event] = await testbed.probe.waitFor(InterviewSummoned, citizenId);
      expect(event.subject).toBe(citizenId);
      expect(event.data).toEqual({
        citizenId,
        interviewId: body.id,
        place: 'open-counselling',
        areaCode: 'tingbjerg',
        dueDate: due,
        scheduledAt: '2026-03-02T08:30:00.000Z',
      });

      const [status] = await inspect(`SELECT last_held_on, next_due_date::text, open_summonses FROM citizen_interview_status WHERE citizen_id = $1`, [citizenId]);
      expect(status).toEqual({ last_held_on: null, next_due_date: due, open_summonses: 1 });
    });

    it('answers a retry with the same Idempotency-Key from the log: same body, one summons, one event', async () => {
      const citizenId = await registerCitizen();
      const first = await api().post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: '2026-02-02T10:00:00Z' }, `summon-${citizenId}`).expect(201);
      const again = await api().post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: '2026-02-02T10:00:00Z' }, `summon-${citizenId}`).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(first.body).toMatchObject({ place: 'home-visit', areaCode: null });

      // A later summons' event arrives after anything published before it (same key, same partition).
      const later = await summon(citizenId, { place: 'central-job-centre', areaCode: undefined });
      const events = await testbed.probe.waitFor(InterviewSummoned, citizenId, 2);
      expect(events.map((e) => e.data.interviewId)).toEqual([first.body.id, later.id]);
      expect((await interviewsOf(citizenId)).interviews).toHaveLength(2);
    });

    it('refuses bad input with 400 naming every field', async () => {
      const citizenId = await registerCitizen();
      const missing = await api().post(`/citizens/${citizenId}/summons`, {}).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['place', 'scheduledAt']);

      const bad = await api()
        .post(`/citizens/${citizenId}/summons`, { place: 'cafe', scheduledAt: '2026-02-30T10:00:00Z', room: '12' })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['place', 'room', 'scheduledAt']);

      const noZone = await api().post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: '2026-02-03T10:00:00' }).expect(400);
      expect(fieldsOf(noZone.body)).toEqual(['scheduledAt']);

      const areaMissing = await api().post(`/citizens/${citizenId}/summons`, { place: 'local-office', scheduledAt: '2026-02-03T10:00:00Z' }).expect(400);
      expect(areaMissing.body.errors).toEqual([expect.objectContaining({ field: 'areaCode', code: 'requiredOnlyWhen' })]);
      const areaNotAllowed = await api()
        .post(`/citizens/${citizenId}/summons`, { place: 'central-job-centre', areaCode: 'tingbjerg', scheduledAt: '2026-02-03T10:00:00Z' })
        .expect(400);
      expect(fieldsOf(areaNotAllowed.body)).toEqual(['areaCode']);
      const areaInvalid = await api()
        .post(`/citizens/${citizenId}/summons`, { place: 'open-counselling', areaCode: 'Ting Bjerg', scheduledAt: '2026-02-03T10:00:00Z' })
        .expect(400);
      expect(fieldsOf(areaInvalid.body)).toEqual(['areaCode']);

      await api().post('/citizens/not-a-uuid/summons', { place: 'home-visit', scheduledAt: '2026-02-03T10:00:00Z' }).expect(400);
      expect(await outboxCount(citizenId, InterviewSummoned)).toBe(0);
    });

    it('answers 404 for an unknown citizen and for another tenant’s citizen', async () => {
      const citizenId = await registerCitizen('slagelse');
      const body = { place: 'home-visit', scheduledAt: '2026-02-03T10:00:00Z' };
      await api().post(`/citizens/${UNKNOWN_ID}/summons`, body).expect(404);
      await api('kbh').post(`/citizens/${citizenId}/summons`, body).expect(404);
      await api('kbh').get(`/citizens/${citizenId}/interviews`).expect(404);
      expect(await outboxCount(citizenId, InterviewSummoned)).toBe(0);
    });

    it('refuses to summon an exited citizen with 409 and writes nothing', async () => {
      const citizenId = await registerCitizen();
      await markExited(citizenId, 'job');
      const refused = await api().post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: '2026-02-03T10:00:00Z' }).expect(409);
      expect(refused.body.code).toBe('citizen-exited');
      expect(await inspect(`SELECT id FROM interview WHERE citizen_id = $1`, [citizenId])).toEqual([]);
      expect(await inspect(`SELECT 1 FROM citizen_interview_status WHERE citizen_id = $1`, [citizenId])).toEqual([]);
      expect(await outboxCount(citizenId, InterviewSummoned)).toBe(0);
    });
  });

  describe('due dates (tenant interval 3 months) across month ends', () => {
    it('counts each next interview from the last held one, clamped to month end, with timeliness', async () => {
      const citizenId = await registerCitizen();
      const first = await summon(citizenId, { scheduledAt: '2023-11-30T09:00:00+01:00' });
      const held1 = await recordHeld(first.id, '2023-11-30');
      // The first interview of the period is measured from the opening (today), so it is on time.
      expect(held1).toMatchObject({ outcome: 'held', heldOn: '2023-11-30', heldPlace: 'local-office', dueDate: nextInterviewDue(today, 3), onTime: true, nextDueDate: '2024-02-29' });

      const second = await summon(citizenId, { scheduledAt: '2024-02-29T09:00:00+01:00' });
      expect(second.dueDate).toBe('2024-02-29');
      const held2 = await recordHeld(second.id, '2024-02-29');
      expect(held2).toMatchObject({ dueDate: '2024-02-29', onTime: true, nextDueDate: '2024-05-29' });

      const third = await summon(citizenId, { scheduledAt: '2024-05-31T09:00:00+02:00' });
      expect(third.dueDate).toBe('2024-05-29');
      const held3 = await recordHeld(third.id, '2024-05-31');
      expect(held3).toMatchObject({ dueDate: '2024-05-29', onTime: false, nextDueDate: '2024-08-31' });

      const fourth = await summon(citizenId, { scheduledAt: '2024-11-29T09:00:00+01:00' });
      const held4 = await recordHeld(fourth.id, '2024-11-30');
      expect(held4).toMatchObject({ dueDate: '2024-08-31', onTime: false, nextDueDate: '2025-02-28' });

      const events = await testbed.probe.waitFor(InterviewHeld, citizenId, 4);
      expect(events.map((e) => [e.data.heldOn, e.data.dueDate, e.data.onTime, e.data.nextDueDate])).toEqual([
        ['2023-11-30', nextInterviewDue(today, 3), true, '2024-02-29'],
        ['2024-02-29', '2024-02-29', true, '2024-05-29'],
        ['2024-05-31', '2024-05-29', false, '2024-08-31'],
        ['2024-11-30', '2024-08-31', false, '2025-02-28'],
      ]);
      expect(events[0].data).toEqual({
        citizenId,
        interviewId: first.id,
        place: 'local-office',
        areaCode: 'tingbjerg',
        dueDate: nextInterviewDue(today, 3),
        heldOn: '2023-11-30',
        onTime: true,
        nextDueDate: '2024-02-29',
      });

      const state = await interviewsOf(citizenId);
      expect(state).toMatchObject({ lastHeldOn: '2024-11-30', nextDueDate: '2025-02-28', overdue: true });
      const [status] = await inspect(`SELECT last_held_on::text, next_due_date::text, open_summonses FROM citizen_interview_status WHERE citizen_id = $1`, [citizenId]);
      expect(status).toEqual({ last_held_on: '2024-11-30', next_due_date: '2025-02-28', open_summonses: 0 });
      const [due] = await inspect(`SELECT next_due_date::text FROM citizen_interview_due WHERE citizen_id = $1`, [citizenId]);
      expect(due).toEqual({ next_due_date: '2025-02-28' });
    });

    it('uses the tenant’s own interval (2 months in slagelse)', async () => {
      const citizenId = await registerCitizen('slagelse');
      const summons = await summon(citizenId, { scheduledAt: '2024-12-31T09:00:00+01:00' }, 'slagelse');
      expect(summons.dueDate).toBe(nextInterviewDue(today, 2));
      const held = await recordHeld(summons.id, '2024-12-31', 'slagelse');
      expect(held.nextDueDate).toBe('2025-02-28');
    });

    it('gives every active citizen a due date in the view, also without any interview', async () => {
      const citizenId = await registerCitizen();
      const [due] = await inspect(`SELECT next_due_date::text, last_held_on FROM citizen_interview_due WHERE citizen_id = $1`, [citizenId]);
      expect(due).toEqual({ next_due_date: nextInterviewDue(today, 3), last_held_on: null });
      expect(await interviewsOf(citizenId)).toEqual({ citizenId, periodId: expect.any(String), lastHeldOn: null, nextDueDate: nextInterviewDue(today, 3), overdue: false, interviews: [] });
    });
  });

  describe('POST /interviews/:id/outcome', () => {
    it('records a no-show, publishes InterviewNoShow and creates a follow-up task due in 2 working days', async () => {
      const citizenId = await registerCitizen();
      // Tuesday 23 December 2025: 24 December (closed), 25-26 (holidays) and the weekend do not count.
      const summons = await summon(citizenId, { scheduledAt: '2025-12-23T10:00:00+01:00' });
      const noShow = await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }, `no-show-${summons.id}`).expect(200);
      expect(addWorkingDays('2025-12-23', 2)).toBe('2025-12-30');
      expect(noShow.body).toMatchObject({ outcome: 'no-show', followUpDue: '2025-12-30', followUpTaskId: expect.any(String), heldOn: null });

      const tasks = await api().get(`/tasks?citizenId=${citizenId}`).expect(200);
      expect(tasks.body).toEqual([
        {
          id: noShow.body.followUpTaskId,
          citizenId,
          kind: 'no-show-follow-up',
          dueDate: '2025-12-30',
          status: 'open',
          interviewId: summons.id,
          noticeId: null,
          createdOn: today,
          completedOn: null,
          outcome: null,
        },
      ]);

      const [event] = await testbed.probe.waitFor(InterviewNoShow, citizenId);
      expect(event.data).toEqual({
        citizenId,
        interviewId: summons.id,
        place: 'local-office',
        areaCode: 'tingbjerg',
        dueDate: nextInterviewDue(today, 3),
        scheduledAt: '2025-12-23T09:00:00.000Z',
        followUpDue: '2025-12-30',
      });

      // The retry is answered from the log: same body, no second task, no second event.
      const again = await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }, `no-show-${summons.id}`).expect(200);
      expect(again.body).toEqual(noShow.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await api().get(`/tasks?citizenId=${citizenId}`).expect(200)).body).toHaveLength(1);
      expect(await outboxCount(citizenId, InterviewNoShow)).toBe(1);
      // A no-show does not move the clock.
      expect(await interviewsOf(citizenId)).toMatchObject({ lastHeldOn: null, nextDueDate: nextInterviewDue(today, 3) });
    });

    it('records a cancellation and publishes InterviewCancelled', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId, { place: 'home-visit', areaCode: undefined, scheduledAt: addDays(today, 7) + 'T10:00:00Z' });
      const cancelled = await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'cancelled', cancelledBy: 'citizen' }).expect(200);
      expect(cancelled.body).toMatchObject({ outcome: 'cancelled', cancelledBy: 'citizen', heldOn: null, followUpDue: null });
      const [event] = await testbed.probe.waitFor(InterviewCancelled, citizenId);
      expect(event.data).toEqual({
        citizenId,
        interviewId: summons.id,
        place: 'home-visit',
        areaCode: null,
        dueDate: nextInterviewDue(today, 3),
        scheduledAt: `${addDays(today, 7)}T10:00:00.000Z`,
        cancelledBy: 'citizen',
      });
      const [status] = await inspect(`SELECT open_summonses FROM citizen_interview_status WHERE citizen_id = $1`, [citizenId]);
      expect(status).toEqual({ open_summonses: 0 });
    });

    it('refuses a second outcome with 409 outcome-already-recorded and writes nothing', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId, { scheduledAt: '2025-06-02T10:00:00+02:00' });
      const held = await recordHeld(summons.id, '2025-06-02');

      for (const body of [{ outcome: 'held', heldOn: '2025-06-03' }, { outcome: 'no-show' }, { outcome: 'cancelled', cancelledBy: 'job-centre' }]) {
        const refused = await api().post(`/interviews/${summons.id}/outcome`, body).expect(409);
        expect(refused.body.code).toBe('outcome-already-recorded');
      }
      expect((await api().get(`/interviews/${summons.id}`).expect(200)).body).toEqual(held);
      expect((await api().get(`/tasks?citizenId=${citizenId}`).expect(200)).body).toEqual([]);

      // A later command's event arrives after anything the refusals could have published.
      const later = await summon(citizenId, { scheduledAt: '2025-09-01T10:00:00+02:00' });
      await testbed.probe.waitFor(InterviewSummoned, citizenId, 2);
      expect(testbed.probe.of(InterviewHeld, citizenId)).toHaveLength(1);
      expect(testbed.probe.of(InterviewNoShow, citizenId)).toHaveLength(0);
      expect(testbed.probe.of(InterviewCancelled, citizenId)).toHaveLength(0);
      expect(later.dueDate).toBe('2025-09-02');
    });

    it('refuses a no-show before the scheduled day with 409 and writes nothing', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId, { scheduledAt: `${addDays(today, 3)}T10:00:00Z` });
      const refused = await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }).expect(409);
      expect(refused.body.code).toBe('interview-not-yet-scheduled');
      expect((await api().get(`/interviews/${summons.id}`).expect(200)).body.outcome).toBeNull();
      expect(await outboxCount(citizenId, InterviewNoShow)).toBe(0);
    });

    it('refuses an outcome on an exited citizen with 409', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId);
      await markExited(citizenId, 'job');
      const refused = await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'held', heldOn: '2025-01-06' }).expect(409);
      expect(refused.body.code).toBe('citizen-exited');
      expect(await outboxCount(citizenId, InterviewHeld)).toBe(0);
    });

    it('refuses bad input with 400 naming every field', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId);
      const path = `/interviews/${summons.id}/outcome`;
      expect(fieldsOf((await api().post(path, {}).expect(400)).body)).toEqual(['outcome']);
      expect(fieldsOf((await api().post(path, { outcome: 'held' }).expect(400)).body)).toEqual(['heldOn']);
      expect(fieldsOf((await api().post(path, { outcome: 'held', heldOn: '2025-02-30' }).expect(400)).body)).toEqual(['heldOn']);
      expect(fieldsOf((await api().post(path, { outcome: 'cancelled' }).expect(400)).body)).toEqual(['cancelledBy']);
      expect(fieldsOf((await api().post(path, { outcome: 'cancelled', cancelledBy: 'weather' }).expect(400)).body)).toEqual(['cancelledBy']);
      expect(fieldsOf((await api().post(path, { outcome: 'no-show', heldOn: '2025-01-06', cancelledBy: 'citizen', note: 'x' }).expect(400)).body)).toEqual([
        'cancelledBy',
        'heldOn',
        'note',
      ]);
      const future = await api().post(path, { outcome: 'held', heldOn: addDays(today, 1) }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'heldOn', code: 'notInFuture' })]);
      await api().post('/interviews/nope/outcome', { outcome: 'no-show' }).expect(400);
      expect((await api().get(`/interviews/${summons.id}`).expect(200)).body.outcome).toBeNull();
    });

    it('answers 404 for an unknown interview and another tenant’s interview', async () => {
      const citizenId = await registerCitizen('slagelse');
      const summons = await summon(citizenId, {}, 'slagelse');
      await api().post(`/interviews/${UNKNOWN_ID}/outcome`, { outcome: 'no-show' }).expect(404);
      await api('kbh').post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }).expect(404);
      await api('kbh').get(`/interviews/${summons.id}`).expect(404);
      expect((await api('slagelse').get(`/interviews/${summons.id}`).expect(200)).body.outcome).toBeNull();
    });
  });

  describe('FollowUpInterviewHeld from open counselling', () => {
    const counsellingEvent = (citizenId: string, heldOn: string, visitId = randomUUID()): PayloadOf<typeof FollowUpInterviewHeld> => ({
      visitId,
      citizenId,
      areaCode: 'urbanplanen',
      deskId: randomUUID(),
      heldOn,
      heldAt: `${heldOn}T10:15:00.000Z`,
      staffId: randomUUID(),
    });
    const processed = (eventId: string) =>
      waitFor(async () => (await inspect(`SELECT 1 FROM processed_event WHERE event_id = $1`, [eventId])).length > 0, {
        timeoutMs: 20_000,
        what: `event ${eventId} processed`,
      });

    it('closes the open summons as held in counselling before its date, on time, and publishes InterviewHeld once per delivery', async () => {
      const citizenId = await registerCitizen();
      const summons = await summon(citizenId, { scheduledAt: `${addDays(today, 10)}T09:00:00Z` });
      const payload = counsellingEvent(citizenId, today);
      const envelope = envelopeFor(FollowUpInterviewHeld, payload, 'kbh');
      // Delivered twice (a redelivery has the same event id), then a sentinel with the same key
      // (the visit) behind them in the partition: once it is processed, so are both deliveries.
      const sentinel = envelopeFor(FollowUpInterviewHeld, payload, 'kbh');
      await produceEvents(testbed.prefix, [
        { contract: FollowUpInterviewHeld, envelope },
        { contract: FollowUpInterviewHeld, envelope },
        { contract: FollowUpInterviewHeld, envelope: sentinel },
      ]);

      const [event] = await testbed.probe.waitFor(InterviewHeld, citizenId);
      const nextDueDate = nextInterviewDue(today, 3);
      expect(event.data).toEqual({
        citizenId,
        interviewId: summons.id,
        place: 'open-counselling',
        areaCode: 'urbanplanen',
        dueDate: nextInterviewDue(today, 3),
        heldOn: today,
        onTime: true,
        nextDueDate,
      });

      const interview = (await api().get(`/interviews/${summons.id}`).expect(200)).body;
      expect(interview).toMatchObject({
        source: 'summons',
        place: 'local-office',
        outcome: 'held',
        heldOn: today,
        heldPlace: 'open-counselling',
        heldAreaCode: 'urbanplanen',
        onTime: true,
        nextDueDate,
      });
      expect(await interviewsOf(citizenId)).toMatchObject({ lastHeldOn: today, nextDueDate, overdue: false, interviews: [interview] });
      const [status] = await inspect(`SELECT open_summonses, next_scheduled_at FROM citizen_interview_status WHERE citizen_id = $1`, [citizenId]);
      expect(status).toEqual({ open_summonses: 0, next_scheduled_at: null });

      const timeline = await inspect<{ source: string; event_type: string; event_id: string }>(
        `SELECT source, event_type, event_id FROM timeline_entry WHERE citizen_id = $1 ORDER BY seq`,
        [citizenId],
      );
      expect(timeline.filter((entry) => entry.source === 'counselling')).toEqual([{ source: 'counselling', event_type: FollowUpInterviewHeld.type, event_id: envelope.id }]);
      expect(timeline.filter((entry) => entry.event_type === InterviewHeld.type)).toHaveLength(1);

      // The recorded summons can no longer get an outcome.
      expect((await api().post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }).expect(409)).body.code).toBe('outcome-already-recorded');
      await processed(sentinel.id);
      expect(await outboxCount(citizenId, InterviewHeld)).toBe(1);
    });

    it('creates a held interview when there is no open summons, and counts a visit once even under a new event id', async () => {
      const citizenId = await registerCitizen();
      const payload = counsellingEvent(citizenId, '2025-11-30');
      const first = envelopeFor(FollowUpInterviewHeld, payload, 'kbh');
      const republished = envelopeFor(FollowUpInterviewHeld, payload, 'kbh');
      await produceEvents(testbed.prefix, [
        { contract: FollowUpInterviewHeld, envelope: first },
        { contract: FollowUpInterviewHeld, envelope: republished },
      ]);
      const [event] = await testbed.probe.waitFor(InterviewHeld, citizenId);
      expect(event.data).toMatchObject({ place: 'open-counselling', areaCode: 'urbanplanen', heldOn: '2025-11-30', onTime: true, nextDueDate: '2026-02-28' });
      await processed(republished.id);

      const state = await interviewsOf(citizenId);
      expect(state.interviews).toEqual([
        expect.objectContaining({
          id: event.data.interviewId,
          source: 'counselling',
          place: 'open-counselling',
          scheduledAt: null,
          outcome: 'held',
          heldOn: '2025-11-30',
          heldPlace: 'open-counselling',
        }),
      ]);
      expect(state).toMatchObject({ lastHeldOn: '2025-11-30', nextDueDate: '2026-02-28' });
      expect(await outboxCount(citizenId, InterviewHeld)).toBe(1);
    });

    it('skips (logs) a citizen unknown to the tenant and an exited citizen, without effect', async () => {
      const otherTenantsCitizen = await registerCitizen('slagelse');
      const exited = await registerCitizen();
      await markExited(exited, 'job');
      const unknown = envelopeFor(FollowUpInterviewHeld, counsellingEvent(otherTenantsCitizen, today), 'kbh');
      const gone = envelopeFor(FollowUpInterviewHeld, counsellingEvent(exited, today), 'kbh');
      await produceEvents(testbed.prefix, [
        { contract: FollowUpInterviewHeld, envelope: unknown },
        { contract: FollowUpInterviewHeld, envelope: gone },
      ]);
      await processed(unknown.id);
      await processed(gone.id);
      expect(await inspect(`SELECT id FROM interview WHERE citizen_id = ANY($1)`, [[otherTenantsCitizen, exited]])).toEqual([]);
      expect(await outboxCount(otherTenantsCitizen, InterviewHeld)).toBe(0);
      expect(await outboxCount(exited, InterviewHeld)).toBe(0);
      expect(await inspect(`SELECT 1 FROM timeline_entry WHERE event_id = ANY($1)`, [[unknown.id, gone.id]])).toEqual([]);
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/citizens/{id}/summons', '/citizens/{id}/interviews', '/interviews/{interviewId}/outcome', '/interviews/{interviewId}']),
    );
  });
});
