import { TalkStarted, VisitCheckedIn, VisitCompleted } from '@fremskudt/contracts';
import { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID, visitsTestbed } from './support/visits-testbed';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('counselling: the live queue of a desk (real PostgreSQL and Kafka)', () => {
  const testbed = visitsTestbed('queue');
  const { api, inspect, outboxTypes } = testbed;

  const checkIn = (deskId: string, body: object, tenant = KBH) => api(tenant).post(`/desks/${deskId}/visits`, body);
  const next = (deskId: string, staffId: string, tenant = KBH, key?: string) => api(tenant).post(`/desks/${deskId}/queue/next`, { staffId }, key);
  const queue = (deskId: string, tenant = KBH) => api(tenant).get(`/desks/${deskId}/queue`);
  const anonymous = (requestedStaffId?: string) => ({ visitorKind: 'anonymous', arrival: 'walk-in', ...(requestedStaffId ? { requestedStaffId } : {}) });

  it('shows who waits (in check-in order, with the wait so far and the consultant asked for), who is in talk and who finished today', async () => {
    const { deskId, sessionId } = await testbed.openDesk();
    const [anna, bo] = [await testbed.staff(), await testbed.staff()];
    const citizenId = await testbed.caseCitizen();
    const first = (await checkIn(deskId, { visitorKind: 'citizen-with-case', citizenId, arrival: 'summoned', requestedStaffId: anna }).expect(201)).body;
    const second = (await checkIn(deskId, anonymous()).expect(201)).body;
    const third = (await checkIn(deskId, anonymous()).expect(201)).body;
    const fourth = (await checkIn(deskId, anonymous(bo)).expect(201)).body;
    await inspect(`UPDATE visit SET checked_in_at = checked_in_at - interval '15 minutes' WHERE id = $1`, [first.id]);
    await api().post(`/visits/${third.id}/talk`, { staffId: bo }).expect(200);
    const left = (await checkIn(deskId, anonymous()).expect(201)).body;
    await api().post(`/visits/${left.id}/leave`, {}).expect(200);

    const response = await queue(deskId).expect(200);
    expect(response.body).toMatchObject({ deskId, openSessionId: sessionId, asOf: expect.any(String) });
    expect(response.body.waiting).toEqual([
      {
        visitId: first.id,
        position: 1,
        visitorKind: 'citizen-with-case',
        citizenId,
        arrival: 'summoned',
        requestedStaffId: anna,
        checkedInAt: expect.any(String),
        waitingSeconds: expect.any(Number),
      },
      expect.objectContaining({ visitId: second.id, position: 2, requestedStaffId: null, citizenId: null }),
      expect.objectContaining({ visitId: fourth.id, position: 3, requestedStaffId: bo }),
    ]);
    expect(response.body.waiting[0].waitingSeconds).toBeGreaterThanOrEqual(15 * 60);
    expect(response.body.waiting[0].waitingSeconds).toBeLessThan(16 * 60);
    expect(response.body.waiting[1].waitingSeconds).toBeLessThan(60);
    expect(response.body.inTalk).toEqual([expect.objectContaining({ visitId: third.id, staffId: bo, talkStartedAt: expect.any(String), waitedSeconds: expect.any(Number) })]);
    expect(response.body.endedToday).toEqual([expect.objectContaining({ visitId: left.id, status: 'left' })]);

    await api().post(`/visits/${third.id}/complete`, { topics: ['housing'], actions: ['advice'] }).expect(200);
    const later = await queue(deskId).expect(200);
    expect(later.body.inTalk).toEqual([]);
    expect(later.body.endedToday.map((entry: { visitId: string; status: string }) => [entry.visitId, entry.status])).toEqual([
      [left.id, 'left'],
      [third.id, 'done'],
    ]);
  });

  it('shows the queue of a closed desk (visitors may still wait after closing), 404 for unknown desks', async () => {
    const { deskId } = await testbed.openDesk();
    const visit = (await checkIn(deskId, anonymous()).expect(201)).body;
    await testbed.closeSessions(deskId);
    const response = await queue(deskId).expect(200);
    expect(response.body).toMatchObject({ openSessionId: null, waiting: [expect.objectContaining({ visitId: visit.id })] });
    await queue(UNKNOWN_ID).expect(404);
    await queue(deskId, SLAGELSE).expect(404);
  });

  it('calls the first who waits for this consultant or for anyone, in check-in order', async () => {
    const { deskId } = await testbed.openDesk();
    const [anna, bo] = [await testbed.staff(), await testbed.staff()];
    const forAnna = (await checkIn(deskId, anonymous(anna)).expect(201)).body.id;
    const forAnyone = (await checkIn(deskId, anonymous()).expect(201)).body.id;
    const forBo = (await checkIn(deskId, anonymous(bo)).expect(201)).body.id;
    const forAnyoneToo = (await checkIn(deskId, anonymous()).expect(201)).body.id;

    const boFirst = await next(deskId, bo).expect(200);
    expect(boFirst.body).toMatchObject({ id: forAnyone, status: 'in-talk', staffId: bo });
    expect((await next(deskId, anna).expect(200)).body.id).toBe(forAnna);
    expect((await next(deskId, bo).expect(200)).body.id).toBe(forBo);
    expect((await next(deskId, anna).expect(200)).body.id).toBe(forAnyoneToo);

    const [event] = await testbed.probe.waitFor(TalkStarted, forAnyone);
    expect(event.data).toEqual({
      visitId: forAnyone,
      deskId,
      areaCode: 'tingbjerg',
      staffId: bo,
      startedAt: boFirst.body.talkStartedAt,
      waitedSeconds: boFirst.body.waitedSeconds,
    });
  });

  it('nobody waiting for the consultant → 404 queue-empty, nothing written (also when only others are asked for)', async () => {
    const { deskId } = await testbed.openDesk();
    const [anna, bo] = [await testbed.staff(), await testbed.staff()];
    const empty = await next(deskId, anna).expect(404);
    expect(empty.body).toMatchObject({ code: 'queue-empty', detail: expect.any(String) });
    const forBo = (await checkIn(deskId, anonymous(bo)).expect(201)).body.id;
    expect((await next(deskId, anna).expect(404)).body.code).toBe('queue-empty');
    expect(await outboxTypes(forBo)).toEqual([VisitCheckedIn.type]);
    // Anna can still call Bo's visitor by name.
    await api().post(`/visits/${forBo}/talk`, { staffId: anna }).expect(200);
  });

  it('a retried call with the same Idempotency-Key answers the same visitor and calls nobody else', async () => {
    const { deskId } = await testbed.openDesk();
    const anna = await testbed.staff();
    const first = (await checkIn(deskId, anonymous()).expect(201)).body.id;
    const second = (await checkIn(deskId, anonymous()).expect(201)).body.id;
    const call = await next(deskId, anna, KBH, `next-${deskId}`).expect(200);
    const retry = await next(deskId, anna, KBH, `next-${deskId}`).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(call.body);
    expect(call.body.id).toBe(first);
    expect(await outboxTypes(first)).toEqual([VisitCheckedIn.type, TalkStarted.type]);
    expect(await outboxTypes(second)).toEqual([VisitCheckedIn.type]);
    expect((await queue(deskId).expect(200)).body.waiting).toEqual([expect.objectContaining({ visitId: second })]);
  });

  it('refuses an inactive or unknown consultant (409), bad input (400) and unknown desks (404), calling nobody', async () => {
    const { deskId } = await testbed.openDesk();
    const visit = (await checkIn(deskId, anonymous()).expect(201)).body.id;
    expect((await next(deskId, await testbed.staff(KBH, false)).expect(409)).body.code).toBe('staff-not-active');
    expect((await next(deskId, UNKNOWN_ID).expect(409)).body.code).toBe('staff-not-active');
    expect((await next(deskId, await testbed.staff(SLAGELSE)).expect(409)).body.code).toBe('staff-not-active');
    expect(fieldsOf((await api().post(`/desks/${deskId}/queue/next`, {}).expect(400)).body)).toEqual(['staffId']);
    expect(fieldsOf((await api().post(`/desks/${deskId}/queue/next`, { staffId: 'anna', urgent: true }).expect(400)).body)).toEqual(['staffId', 'urgent']);
    const anna = await testbed.staff();
    expect((await next(UNKNOWN_ID, anna).expect(404)).body.code).toBe('not-found');
    await next(deskId, await testbed.staff(SLAGELSE), SLAGELSE).expect(404);
    expect(await outboxTypes(visit)).toEqual([VisitCheckedIn.type]);
  });

  it('stays consistent under 30 parallel check-ins and 3 consultants calling in parallel: everyone called exactly once, none lost, requests respected', async () => {
    const { deskId } = await testbed.openDesk();
    const consultants = [await testbed.staff(), await testbed.staff(), await testbed.staff()];
    const [anna, bo] = consultants;
    const citizens = await Promise.all(Array.from({ length: 10 }, () => testbed.caseCitizen()));
    // Every tenth visitor asks for Anna, the next one for Bo; the rest for anyone. A third are citizens with a case.
    const requestOf = (i: number) => (i % 10 === 0 ? anna : i % 10 === 1 ? bo : undefined);
    const bodies = Array.from({ length: 30 }, (_, i) => ({
      ...(i % 3 === 0 ? { visitorKind: 'citizen-with-case', citizenId: citizens[i / 3] } : { visitorKind: 'anonymous' }),
      arrival: 'walk-in',
      ...(requestOf(i) ? { requestedStaffId: requestOf(i) } : {}),
    }));

    let checkInsDone = false;
    const checkIns = Promise.all(bodies.map((body) => checkIn(deskId, body))).finally(() => {
      checkInsDone = true;
    });
    const called = new Map<string, string[]>(consultants.map((id) => [id, []]));
    const consultant = async (staffId: string) => {
      for (;;) {
        const allCheckedIn = checkInsDone;
        const response = await next(deskId, staffId);
        if (response.status === 200) {
          called.get(staffId)!.push(response.body.id);
          await api().post(`/visits/${response.body.id}/complete`, { topics: ['hours-rule'], actions: ['advice'] }).expect(200);
          continue;
        }
        expect(response.body.code).toBe('queue-empty');
        // Empty after every check-in committed: nobody is left for this consultant.
        if (allCheckedIn) return;
        await sleep(5);
      }
    };
    const [answers] = await Promise.all([checkIns, ...consultants.map(consultant)]);

    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(201));
    const checkedIn = answers.map((answer) => answer.body.id as string);
    const allCalled = [...called.values()].flat();
    expect(allCalled).toHaveLength(30);
    expect(new Set(allCalled)).toEqual(new Set(checkedIn));
    // Named requests respected: a visitor who asked for Anna or Bo was called by them and nobody else.
    answers.forEach((answer, i) => {
      const requested = requestOf(i);
      if (requested) expect(called.get(requested)).toContain(answer.body.id);
    });
    expect(called.get(consultants[2])!.filter((id) => checkedIn.indexOf(id) % 10 <= 1)).toEqual([]);

    const state = await inspect<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM visit WHERE desk_id = $1 GROUP BY status`, [deskId]);
    expect(state).toEqual([{ status: 'done', n: '30' }]);
    const talks = await inspect<{ n: string }>(
      `SELECT count(*) AS n FROM outbox WHERE event_type = $1 AND message_key = ANY($2::text[]) GROUP BY message_key HAVING count(*) <> 1`,
      [TalkStarted.type, checkedIn],
    );
    expect(talks).toEqual([]);
    expect(Number((await inspect<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE event_type = $1 AND message_key = ANY($2::text[])`, [TalkStarted.type, checkedIn]))[0].n)).toBe(30);
    const view = await queue(deskId).expect(200);
    expect(view.body).toMatchObject({ waiting: [], inTalk: [] });
    expect(view.body.endedToday).toHaveLength(30);
    await testbed.probe.waitFor(VisitCompleted, undefined, 30);
  });

  it('parallel calls on a queue filled beforehand take the first ones in the queue, each once', async () => {
    const { deskId } = await testbed.openDesk();
    const consultants = [await testbed.staff(), await testbed.staff(), await testbed.staff()];
    const checkedIn: string[] = [];
    for (let i = 0; i < 12; i += 1) checkedIn.push((await checkIn(deskId, anonymous()).expect(201)).body.id);
    const calls = await Promise.all(Array.from({ length: 9 }, (_, i) => next(deskId, consultants[i % 3])));
    expect(calls.map((call) => call.status)).toEqual(Array(9).fill(200));
    const served = calls.map((call) => call.body.id as string);
    expect(new Set(served).size).toBe(9);
    // A call skips only rows other calls hold, so the ones called are always a prefix of the queue.
    expect(new Set(served)).toEqual(new Set(checkedIn.slice(0, 9)));
    const view = await queue(deskId).expect(200);
    expect(view.body.waiting.map((entry: { visitId: string }) => entry.visitId)).toEqual(checkedIn.slice(9));
    expect(view.body.waiting.map((entry: { position: number }) => entry.position)).toEqual([1, 2, 3]);
  });
});
