import { FollowUpInterviewHeld, ReferralMade, TalkStarted, VisitCheckedIn, VisitCompleted } from '@fremskudt/contracts';
import { fieldsOf, HOUR, KBH, SLAGELSE, UNKNOWN_ID, visitsTestbed } from './support/visits-testbed';

const UUID = /^[0-9a-f-]{36}$/;

describe('counselling: visits at a desk (real PostgreSQL and Kafka)', () => {
  const testbed = visitsTestbed('visits');
  const { api, inspect, outboxTypes, visitRow, visitCount } = testbed;

  const checkIn = (deskId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/desks/${deskId}/visits`, body, key);
  const act = (visitId: string, action: 'talk' | 'leave' | 'complete', body: object, tenant = KBH, key?: string) =>
    api(tenant).post(`/visits/${visitId}/${action}`, body, key);
  const getVisit = (visitId: string, tenant = KBH) => api(tenant).get(`/visits/${visitId}`);

  /** An open desk, an active consultant and a citizen with a case. */
  const setting = async (tenant = KBH) => {
    const { deskId, sessionId } = await testbed.openDesk(tenant);
    return { deskId, sessionId, staffId: await testbed.staff(tenant), citizenId: await testbed.caseCitizen(tenant) };
  };
  const waitingVisit = async (body?: object) => {
    const s = await setting();
    const visit = await checkIn(s.deskId, body ?? { visitorKind: 'citizen-with-case', citizenId: s.citizenId, arrival: 'walk-in' }).expect(201);
    return { ...s, visitId: visit.body.id as string };
  };
  const visitInTalk = async (body?: object) => {
    const s = await waitingVisit(body);
    await act(s.visitId, 'talk', { staffId: s.staffId }).expect(200);
    return s;
  };

  describe('check-in', () => {
    it('puts a citizen with a case in the queue and publishes VisitCheckedIn', async () => {
      const { deskId, sessionId, staffId, citizenId } = await setting();
      const before = Date.now();
      const response = await checkIn(deskId, { visitorKind: 'citizen-with-case', citizenId, arrival: 'summoned', requestedStaffId: staffId }).expect(201);
      expect(response.body).toMatchObject({
        id: expect.stringMatching(UUID),
        deskId,
        sessionId,
        areaCode: 'tingbjerg',
        visitorKind: 'citizen-with-case',
        citizenId,
        arrival: 'summoned',
        requestedStaffId: staffId,
        status: 'waiting',
        talkStartedAt: null,
        staffId: null,
        endedAt: null,
        waitedSeconds: null,
        topics: [],
        actions: [],
        referrals: [],
      });
      expect(Date.parse(response.body.checkedInAt)).toBeGreaterThanOrEqual(before - 1000);
      await getVisit(response.body.id).expect(200, response.body);

      const [event] = await testbed.probe.waitFor(VisitCheckedIn, response.body.id);
      expect(event).toMatchObject({ subject: response.body.id, tenant: KBH });
      expect(event.data).toEqual({
        visitId: response.body.id,
        deskId,
        areaCode: 'tingbjerg',
        visitorKind: 'citizen-with-case',
        citizenId,
        arrival: 'summoned',
        checkedInAt: response.body.checkedInAt,
        requestedStaffId: staffId,
      });
    });

    it.each(['citizen-without-case', 'anonymous'] as const)('a visitor who is %s is stored and published without any person id', async (visitorKind) => {
      const { deskId } = await setting();
      const response = await checkIn(deskId, { visitorKind, arrival: 'walk-in' }).expect(201);
      expect(response.body).toMatchObject({ visitorKind, citizenId: null, requestedStaffId: null, status: 'waiting' });
      expect(await visitRow(response.body.id)).toMatchObject({ citizen_id: null });
      const [event] = await testbed.probe.waitFor(VisitCheckedIn, response.body.id);
      expect(event.data).toMatchObject({ visitorKind, citizenId: null, requestedStaffId: null });
    });

    it('refuses a closed desk (desk-closed), a citizen without an active case and an inactive consultant, writing nothing', async () => {
      const { deskId, citizenId } = await setting();
      const closed = await testbed.desk();
      await testbed.session(closed, new Date(Date.now() - 3 * HOUR), new Date(Date.now() - HOUR));
      const refusals: Array<[string, object, string]> = [
        [closed, { visitorKind: 'anonymous', arrival: 'walk-in' }, 'desk-closed'],
        [deskId, { visitorKind: 'citizen-with-case', citizenId: UNKNOWN_ID, arrival: 'walk-in' }, 'citizen-has-no-case'],
        [deskId, { visitorKind: 'citizen-with-case', citizenId: await testbed.caseCitizen(KBH, false), arrival: 'walk-in' }, 'citizen-has-no-case'],
        [deskId, { visitorKind: 'citizen-with-case', citizenId: await testbed.caseCitizen(SLAGELSE), arrival: 'walk-in' }, 'citizen-has-no-case'],
        [deskId, { visitorKind: 'anonymous', arrival: 'walk-in', requestedStaffId: await testbed.staff(KBH, false) }, 'staff-not-active'],
        [deskId, { visitorKind: 'anonymous', arrival: 'walk-in', requestedStaffId: await testbed.staff(SLAGELSE) }, 'staff-not-active'],
        [deskId, { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in', requestedStaffId: UNKNOWN_ID }, 'staff-not-active'],
      ];
      for (const [desk, body, code] of refusals) {
        const response = await checkIn(desk, body).expect(409);
        expect(response.body).toMatchObject({ status: 409, code, detail: expect.any(String) });
      }
      expect(await visitCount(deskId)).toBe(0);
      expect(await visitCount(closed)).toBe(0);
      const outbox = await inspect(`SELECT 1 FROM outbox WHERE value::text LIKE '%' || $1 || '%' OR value::text LIKE '%' || $2 || '%'`, [deskId, closed]);
      expect(outbox).toEqual([]);
    });

    it('refuses a citizen who already stands in a queue (citizen-already-in-queue), also under parallel check-ins', async () => {
      const { deskId, citizenId } = await setting();
      const other = await testbed.openDesk();
      const body = { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in' };
      const answers = await Promise.all([checkIn(deskId, body), checkIn(other.deskId, body), checkIn(deskId, body)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
      expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.code === 'citizen-already-in-queue')).toBe(true);
      // Once the visit is done, the citizen may queue again.
      const visitId = answers.find((answer) => answer.status === 201)!.body.id;
      await act(visitId, 'leave', {}).expect(200);
      await checkIn(deskId, body).expect(201);
    });

    it('a retry with the same Idempotency-Key checks in once and answers the same', async () => {
      const { deskId } = await setting();
      const key = `check-in-${deskId}`;
      const first = await checkIn(deskId, { visitorKind: 'anonymous', arrival: 'walk-in' }, KBH, key).expect(201);
      const second = await checkIn(deskId, { visitorKind: 'anonymous', arrival: 'walk-in' }, KBH, key).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await visitCount(deskId)).toBe(1);
      expect(await outboxTypes(first.body.id)).toEqual([VisitCheckedIn.type]);
    });

    it.each([
      ['missing fields', {}, ['arrival', 'visitorKind']],
      ['a citizen with a case without the id', { visitorKind: 'citizen-with-case', arrival: 'walk-in' }, ['citizenId']],
      ['a person id for a citizen without a case', { visitorKind: 'citizen-without-case', citizenId: UNKNOWN_ID, arrival: 'walk-in' }, ['citizenId']],
      ['a person id for an anonymous visitor', { visitorKind: 'anonymous', citizenId: UNKNOWN_ID, arrival: 'walk-in' }, ['citizenId']],
      ['an anonymous visitor summoned', { visitorKind: 'anonymous', arrival: 'summoned' }, ['arrival']],
      ['bad values', { visitorKind: 'tourist', arrival: 'by-bus', requestedStaffId: 'jens' }, ['arrival', 'requestedStaffId', 'visitorKind']],
      ['unknown fields', { visitorKind: 'anonymous', arrival: 'walk-in', cpr: '010190-1234', name: 'Jens' }, ['cpr', 'name']],
    ])('400 for %s, naming the fields', async (_case, body, fields) => {
      const { deskId } = await setting();
      const response = await checkIn(deskId, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await visitCount(deskId)).toBe(0);
    });

    it("404 for an unknown desk and another municipality's desk", async () => {
      await checkIn(UNKNOWN_ID, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(404);
      const theirs = await testbed.openDesk(SLAGELSE);
      expect((await checkIn(theirs.deskId, { visitorKind: 'anonymous', arrival: 'walk-in' }).expect(404)).body.code).toBe('not-found');
      expect(await visitCount(theirs.deskId)).toBe(0);
    });
  });

  describe('starting a talk with a given visitor', () => {
    it('sets the visit in talk and publishes TalkStarted with the wait', async () => {
      const { visitId, staffId, deskId } = await waitingVisit();
      await inspect(`UPDATE visit SET checked_in_at = checked_in_at - interval '7 minutes' WHERE id = $1`, [visitId]);
      const response = await act(visitId, 'talk', { staffId }).expect(200);
      expect(response.body).toMatchObject({ status: 'in-talk', staffId, talkStartedAt: expect.any(String) });
      expect(response.body.waitedSeconds).toBeGreaterThanOrEqual(7 * 60);
      expect(response.body.waitedSeconds).toBeLessThan(8 * 60);
      const [event] = await testbed.probe.waitFor(TalkStarted, visitId);
      expect(event.data).toEqual({
        visitId,
        deskId,
        areaCode: 'tingbjerg',
        staffId,
        startedAt: response.body.talkStartedAt,
        waitedSeconds: response.body.waitedSeconds,
      });
    });

    it('a talk started twice → 409 talk-already-started, nothing written; a retry with the key answers the first', async () => {
      const { visitId, staffId } = await waitingVisit();
      const other = await testbed.staff();
      const first = await act(visitId, 'talk', { staffId }, KBH, `talk-${visitId}`).expect(200);
      const replay = await act(visitId, 'talk', { staffId }, KBH, `talk-${visitId}`).expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const twice = await act(visitId, 'talk', { staffId: other }).expect(409);
      expect(twice.body).toMatchObject({ code: 'talk-already-started', detail: expect.any(String) });
      await getVisit(visitId).expect(200, first.body);
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type]);
    });

    it('refuses an inactive consultant and a visitor who left, and answers 400 and 404', async () => {
      const { visitId } = await waitingVisit();
      expect((await act(visitId, 'talk', { staffId: await testbed.staff(KBH, false) }).expect(409)).body.code).toBe('staff-not-active');
      expect(fieldsOf((await act(visitId, 'talk', { staffId: 'x', extra: 1 }).expect(400)).body)).toEqual(['extra', 'staffId']);
      await act(visitId, 'leave', {}).expect(200);
      expect((await act(visitId, 'talk', { staffId: await testbed.staff() }).expect(409)).body.code).toBe('visit-left');
      await act(UNKNOWN_ID, 'talk', { staffId: await testbed.staff() }).expect(404);
      await act(visitId, 'talk', { staffId: await testbed.staff(SLAGELSE) }, SLAGELSE).expect(404);
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type]);
    });
  });

  describe('leaving without a talk', () => {
    it('ends the visit as left (no event), only from the queue', async () => {
      const { visitId, deskId } = await waitingVisit();
      const response = await act(visitId, 'leave', {}, KBH, `leave-${visitId}`).expect(200);
      expect(response.body).toMatchObject({ status: 'left', talkStartedAt: null, endedAt: expect.any(String) });
      const replay = await act(visitId, 'leave', {}, KBH, `leave-${visitId}`).expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(response.body);
      expect((await act(visitId, 'leave', {}).expect(409)).body.code).toBe('visit-left');
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type]);
      const queue = await api().get(`/desks/${deskId}/queue`).expect(200);
      expect(queue.body.endedToday).toEqual([expect.objectContaining({ visitId, status: 'left', staffId: null, waitedSeconds: null })]);
    });

    it('refuses a visit in talk, a time before the check-in, bad input and unknown ids', async () => {
      const { visitId } = await visitInTalk();
      expect((await act(visitId, 'leave', {}).expect(409)).body.code).toBe('talk-already-started');
      const waiting = await waitingVisit({ visitorKind: 'anonymous', arrival: 'walk-in' });
      expect(fieldsOf((await act(waiting.visitId, 'leave', { leftAt: '2015-03-03T10:00:00+01:00' }).expect(400)).body)).toEqual(['leftAt']);
      expect(fieldsOf((await act(waiting.visitId, 'leave', { leftAt: '2015-03-03 10:00' }).expect(400)).body)).toEqual(['leftAt']);
      await act(UNKNOWN_ID, 'leave', {}).expect(404);
      await act(waiting.visitId, 'leave', {}, SLAGELSE).expect(404);
      expect((await visitRow(waiting.visitId)).status).toBe('waiting');
    });
  });

  describe('completing a talk', () => {
    it('records topics, actions and referrals; publishes VisitCompleted, then ReferralMade per referral', async () => {
      const { visitId, staffId, deskId, citizenId } = await visitInTalk();
      await testbed.partner('helhedsplan-tingbjerg');
      await testbed.partner('boligsocial');
      await inspect(`UPDATE visit SET checked_in_at = checked_in_at - interval '20 minutes', talk_started_at = talk_started_at - interval '10 minutes' WHERE id = $1`, [visitId]);
      const endedAt = new Date(Date.now() - 1000).toISOString();
      const response = await act(visitId, 'complete', {
        topics: ['hours-rule', 'letters-from-authorities'],
        actions: ['advice', 'referral'],
        referrals: [{ partnerCode: 'helhedsplan-tingbjerg' }, { partnerCode: 'boligsocial' }],
        endedAt,
      }).expect(200);
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(endedAt));
      expect(response.body).toMatchObject({
        status: 'done',
        staffId,
        endedAt,
        topics: ['hours-rule', 'letters-from-authorities'],
        actions: ['advice', 'referral'],
        referrals: [
          { partnerCode: 'boligsocial', referredOn: today },
          { partnerCode: 'helhedsplan-tingbjerg', referredOn: today },
        ],
      });
      await getVisit(visitId).expect(200, response.body);

      const [completed] = await testbed.probe.waitFor(VisitCompleted, visitId);
      expect(completed.data).toEqual({
        visitId,
        deskId,
        areaCode: 'tingbjerg',
        visitorKind: 'citizen-with-case',
        citizenId,
        arrival: 'walk-in',
        staffId,
        checkedInAt: response.body.checkedInAt,
        talkStartedAt: response.body.talkStartedAt,
        endedAt,
        waitedSeconds: response.body.waitedSeconds,
        topics: ['hours-rule', 'letters-from-authorities'],
        actions: ['advice', 'referral'],
      });
      const referrals = await testbed.probe.waitFor(ReferralMade, visitId, 2);
      expect(referrals.map((event) => event.data)).toEqual([
        { visitId, deskId, areaCode: 'tingbjerg', citizenId, partnerCode: 'helhedsplan-tingbjerg', referredOn: today },
        { visitId, deskId, areaCode: 'tingbjerg', citizenId, partnerCode: 'boligsocial', referredOn: today },
      ]);
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type, ReferralMade.type, ReferralMade.type]);
    });

    it('an interview held at the desk publishes FollowUpInterviewHeld with the Copenhagen date of the end', async () => {
      const { visitId, staffId, deskId, citizenId } = await visitInTalk();
      // Talk from 23:40 to 00:20 UTC in winter: ends 01:20 in Copenhagen, the next day there.
      await inspect(
        `UPDATE visit SET checked_in_at = '2025-01-14T23:30:00Z', talk_started_at = '2025-01-14T23:40:00Z' WHERE id = $1`,
        [visitId],
      );
      const response = await act(visitId, 'complete', {
        topics: ['job-plan-revision'],
        actions: ['follow-up-interview-held', 'job-plan-revised'],
        endedAt: '2025-01-15T00:20:00Z',
      }).expect(200);
      expect(response.body).toMatchObject({ status: 'done', waitedSeconds: 600, endedAt: '2025-01-15T00:20:00.000Z' });
      const [held] = await testbed.probe.waitFor(FollowUpInterviewHeld, visitId);
      expect(held.data).toEqual({
        visitId,
        citizenId,
        areaCode: 'tingbjerg',
        deskId,
        heldOn: '2025-01-15',
        heldAt: '2025-01-15T00:20:00.000Z',
        staffId,
      });
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type, FollowUpInterviewHeld.type]);
    });

    it.each(['citizen-without-case', 'anonymous'] as const)(
      'a %s gets advice only: case actions → 409 case-action-without-case, nothing written; then completes with advice and no person id',
      async (visitorKind) => {
        const { visitId } = await visitInTalk({ visitorKind, arrival: 'walk-in' });
        for (const actions of [['follow-up-interview-held'], ['advice', 'job-plan-revised']]) {
          const refused = await act(visitId, 'complete', { topics: ['debt'], actions }).expect(409);
          expect(refused.body).toMatchObject({ code: 'case-action-without-case', detail: expect.stringContaining('advice only') });
        }
        expect((await visitRow(visitId)).status).toBe('in-talk');
        expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type]);

        await testbed.partner('gaeldsraadgivning');
        await act(visitId, 'complete', { topics: ['debt'], actions: ['advice', 'referral'], referrals: [{ partnerCode: 'gaeldsraadgivning' }] }).expect(200);
        const [completed] = await testbed.probe.waitFor(VisitCompleted, visitId);
        expect(completed.data).toMatchObject({ visitorKind, citizenId: null, actions: ['advice', 'referral'] });
        const [referral] = await testbed.probe.waitFor(ReferralMade, visitId);
        expect(referral.data.citizenId).toBeNull();
        expect(await inspect(`SELECT citizen_id FROM referral WHERE visit_id = $1`, [visitId])).toEqual([{ citizen_id: null }]);
      },
    );

    it('a citizen whose case closed meanwhile can not get case actions either', async () => {
      const { visitId, citizenId } = await visitInTalk();
      await inspect(`UPDATE case_citizen SET active = false WHERE citizen_id = $1`, [citizenId]);
      const refused = await act(visitId, 'complete', { topics: ['health'], actions: ['follow-up-interview-held'] }).expect(409);
      expect(refused.body.code).toBe('case-action-without-case');
      await act(visitId, 'complete', { topics: ['health'], actions: ['advice'] }).expect(200);
    });

    it('completing twice → 409 visit-already-completed; a retry with the key answers the first with one event', async () => {
      const { visitId } = await visitInTalk();
      const body = { topics: ['housing'], actions: ['advice'] };
      const first = await act(visitId, 'complete', body, KBH, `complete-${visitId}`).expect(200);
      const replay = await act(visitId, 'complete', body, KBH, `complete-${visitId}`).expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect((await act(visitId, 'complete', body).expect(409)).body.code).toBe('visit-already-completed');
      await getVisit(visitId).expect(200, first.body);
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type]);
      await testbed.probe.waitFor(VisitCompleted, visitId);
      expect(testbed.probe.of(VisitCompleted, visitId)).toHaveLength(1);
    });

    it('a visitor still waiting → 409 talk-not-started', async () => {
      const { visitId } = await waitingVisit();
      expect((await act(visitId, 'complete', { topics: ['housing'], actions: ['advice'] }).expect(409)).body.code).toBe('talk-not-started');
      expect((await visitRow(visitId)).status).toBe('waiting');
    });

    it.each([
      ['missing fields', {}, ['actions', 'topics']],
      ['empty lists', { topics: [], actions: [] }, ['actions', 'topics']],
      ['unknown topics, named by index', { topics: ['housing', 'weather', 'debt', 'Sports'], actions: ['advice'] }, ['topics']],
      ['unknown topics of the list', { topics: ['housing', 'weather', 'debt', 'sports'], actions: ['advice'] }, ['topics.1', 'topics.3']],
      ['an unknown action', { topics: ['housing'], actions: ['advice', 'coffee'] }, ['actions']],
      ['repeated entries', { topics: ['housing', 'housing'], actions: ['advice', 'advice'] }, ['actions', 'topics']],
      ["'referral' without referrals", { topics: ['housing'], actions: ['referral'] }, ['referrals']],
      ["referrals without 'referral'", { topics: ['housing'], actions: ['advice'], referrals: [{ partnerCode: 'helhedsplan-tingbjerg' }] }, ['actions']],
      ['a partner of another area or none', { topics: ['housing'], actions: ['referral'], referrals: [{ partnerCode: 'helhedsplan-tingbjerg' }, { partnerCode: 'urbanplanen-only' }, { partnerCode: 'nobody' }] }, ['referrals.1.partnerCode', 'referrals.2.partnerCode']],
      ['a malformed partner code', { topics: ['housing'], actions: ['referral'], referrals: [{ partnerCode: 'Hus Forbi' }, {}] }, ['referrals.0.partnerCode', 'referrals.1.partnerCode']],
      ['an end in the future', { topics: ['housing'], actions: ['advice'], endedAt: new Date(Date.now() + HOUR).toISOString() }, ['endedAt']],
      ['an end before the talk', { topics: ['housing'], actions: ['advice'], endedAt: '2015-03-03T10:00:00+01:00' }, ['endedAt']],
      ['an end without offset', { topics: ['housing'], actions: ['advice'], endedAt: '2015-03-03T10:00:00' }, ['endedAt']],
      ['unknown fields', { topics: ['housing'], actions: ['advice'], note: 'fri tekst' }, ['note']],
    ])('400 for %s, naming the fields, nothing written', async (_case, body, fields) => {
      await testbed.partner('helhedsplan-tingbjerg');
      await testbed.partner('urbanplanen-only', KBH, 'urbanplanen');
      const { visitId } = await visitInTalk();
      const response = await act(visitId, 'complete', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await visitRow(visitId)).status).toBe('in-talk');
      expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type]);
    });

    it("uses the municipality's own topic list when it has one", async () => {
      await inspect(`INSERT INTO counselling_topic (tenant_id, code, label_da, label_en, active) VALUES ($1, 'rent', 'Husleje', 'Rent', true), ($1, 'housing', 'Bolig', 'Housing', false)`, [SLAGELSE]);
      const { deskId } = await testbed.openDesk(SLAGELSE);
      const staffId = await testbed.staff(SLAGELSE);
      const visit = await checkIn(deskId, { visitorKind: 'anonymous', arrival: 'walk-in' }, SLAGELSE).expect(201);
      await act(visit.body.id, 'talk', { staffId }, SLAGELSE).expect(200);
      const refused = await act(visit.body.id, 'complete', { topics: ['housing', 'rent'], actions: ['advice'] }, SLAGELSE).expect(400);
      expect(fieldsOf(refused.body)).toEqual(['topics.0']);
      await act(visit.body.id, 'complete', { topics: ['rent'], actions: ['advice'] }, SLAGELSE).expect(200);
    });

    it("404 for an unknown visit and another municipality's", async () => {
      await act(UNKNOWN_ID, 'complete', { topics: ['housing'], actions: ['advice'] }).expect(404);
      const { visitId } = await visitInTalk();
      await act(visitId, 'complete', { topics: ['housing'], actions: ['advice'] }, SLAGELSE).expect(404);
      await getVisit(visitId, SLAGELSE).expect(404);
      await getVisit(UNKNOWN_ID).expect(404);
      await getVisit('not-a-uuid').expect(400);
      expect((await visitRow(visitId)).status).toBe('in-talk');
    });
  });

  describe("a desk's visits in a period", () => {
    it('lists the visits by Copenhagen check-in date, both ends included', async () => {
      const { deskId } = await setting();
      const old = await testbed.session(deskId, new Date('2015-03-02T08:00:00Z'), new Date('2015-03-04T12:00:00Z'));
      const ids: string[] = [];
      for (const at of ['2015-03-02T22:59:00Z', '2015-03-02T23:01:00Z', '2015-03-03T10:00:00Z', '2015-03-04T09:00:00Z']) {
        const [row] = await inspect<{ id: string }>(
          `INSERT INTO visit (id, tenant_id, desk_id, session_id, area_code, visitor_kind, arrival, status, checked_in_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'tingbjerg', 'anonymous', 'walk-in', 'waiting', $4) RETURNING id`,
          [KBH, deskId, old, at],
        );
        ids.push(row.id);
      }
      // 22:59 UTC on 2 March is 23:59 in Copenhagen (2 March); 23:01 UTC is 3 March there.
      const march3 = await api().get(`/desks/${deskId}/visits?from=2015-03-03&to=2015-03-03`).expect(200);
      expect(march3.body).toMatchObject({ deskId, from: '2015-03-03', to: '2015-03-03' });
      expect(march3.body.visits.map((visit: { id: string }) => visit.id)).toEqual([ids[1], ids[2]]);
      const all = await api().get(`/desks/${deskId}/visits?from=2015-03-02&to=2015-03-04`).expect(200);
      expect(all.body.visits.map((visit: { id: string }) => visit.id)).toEqual(ids);
      const single = await api().get(`/desks/${deskId}/visits?to=2015-03-04`).expect(200);
      expect(single.body).toMatchObject({ from: '2015-03-04', to: '2015-03-04', visits: [expect.objectContaining({ id: ids[3] })] });
    });

    it('400 for bad dates, 404 for unknown desks', async () => {
      const { deskId } = await setting();
      expect(fieldsOf((await api().get(`/desks/${deskId}/visits?from=2015-02-30&to=03-03-2015`).expect(400)).body)).toEqual(['from', 'to']);
      expect(fieldsOf((await api().get(`/desks/${deskId}/visits?from=2015-03-03&to=2015-03-02`).expect(400)).body)).toEqual(['to']);
      expect(fieldsOf((await api().get(`/desks/${deskId}/visits?from=2015-01-01&to=2016-12-31`).expect(400)).body)).toEqual(['to']);
      expect(fieldsOf((await api().get(`/desks/${deskId}/visits?area=x`).expect(400)).body)).toEqual(['area']);
      await api().get(`/desks/${UNKNOWN_ID}/visits`).expect(404);
      await api(SLAGELSE).get(`/desks/${deskId}/visits`).expect(404);
    });
  });

  it('documents every visits endpoint in OpenAPI, with 400/404/409 answers on the commands', async () => {
    const document = await testbed.openApiDocument();
    const commands: Array<[string, string]> = [
      ['/desks/{deskId}/visits', 'post'],
      ['/desks/{deskId}/visits/registrations', 'post'],
      ['/desks/{deskId}/queue/next', 'post'],
      ['/visits/{visitId}/talk', 'post'],
      ['/visits/{visitId}/leave', 'post'],
      ['/visits/{visitId}/complete', 'post'],
    ];
    for (const [path, method] of commands) {
      const operation = document.paths[path]?.[method];
      expect(operation).toBeDefined();
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '404', '409']));
      expect(operation.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    }
    for (const path of ['/desks/{deskId}/visits', '/desks/{deskId}/queue', '/visits/{visitId}']) expect(document.paths[path].get).toBeDefined();
    expect(document.components.schemas.VisitView.properties).toHaveProperty('waitedSeconds');
  });
});
