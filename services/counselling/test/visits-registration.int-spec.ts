import { FollowUpInterviewHeld, ReferralMade, TalkStarted, VisitCheckedIn, VisitCompleted } from '@fremskudt/contracts';
import { fieldsOf, HOUR, KBH, SLAGELSE, UNKNOWN_ID, visitsTestbed } from './support/visits-testbed';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('counselling: a whole visit registered in one request (real PostgreSQL and Kafka)', () => {
  const testbed = visitsTestbed('registrations');
  const { api, inspect, outboxTypes, visitCount } = testbed;

  const register = (deskId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/desks/${deskId}/visits/registrations`, body, key);

  /** An open desk, a consultant, a citizen with a case and a partner; times of a talk that just ended. */
  const setting = async () => {
    const { deskId, sessionId } = await testbed.openDesk();
    const staffId = await testbed.staff();
    const citizenId = await testbed.caseCitizen();
    await testbed.partner('jobcafe');
    const now = Date.now();
    const times = { checkedInAt: iso(now - 30 * MINUTE), talkStartedAt: iso(now - 20 * MINUTE), endedAt: iso(now - MINUTE) };
    return { deskId, sessionId, staffId, citizenId, times };
  };

  it('registers a finished visit with all its events, in order, for the open session', async () => {
    const { deskId, sessionId, staffId, citizenId, times } = await setting();
    const response = await register(deskId, {
      visitorKind: 'citizen-with-case',
      citizenId,
      arrival: 'summoned',
      requestedStaffId: staffId,
      staffId,
      ...times,
      topics: ['hours-rule', 'job-plan-revision'],
      actions: ['follow-up-interview-held', 'job-plan-revised', 'referral'],
      referrals: [{ partnerCode: 'jobcafe' }],
    }).expect(201);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(times.endedAt));
    expect(response.body).toMatchObject({
      deskId,
      sessionId,
      visitorKind: 'citizen-with-case',
      citizenId,
      arrival: 'summoned',
      requestedStaffId: staffId,
      status: 'done',
      staffId,
      checkedInAt: times.checkedInAt,
      talkStartedAt: times.talkStartedAt,
      endedAt: times.endedAt,
      waitedSeconds: 600,
      topics: ['hours-rule', 'job-plan-revision'],
      actions: ['follow-up-interview-held', 'job-plan-revised', 'referral'],
      referrals: [{ partnerCode: 'jobcafe', referredOn: day }],
    });
    const visitId = response.body.id;
    await api().get(`/visits/${visitId}`).expect(200, response.body);

    expect(await outboxTypes(visitId)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type, ReferralMade.type, FollowUpInterviewHeld.type]);
    const facts = { visitId, deskId, areaCode: 'tingbjerg', visitorKind: 'citizen-with-case', citizenId, arrival: 'summoned' };
    const [checkedIn] = await testbed.probe.waitFor(VisitCheckedIn, visitId);
    expect(checkedIn.data).toEqual({ ...facts, checkedInAt: times.checkedInAt, requestedStaffId: staffId });
    const [talk] = await testbed.probe.waitFor(TalkStarted, visitId);
    expect(talk.data).toEqual({ visitId, deskId, areaCode: 'tingbjerg', staffId, startedAt: times.talkStartedAt, waitedSeconds: 600 });
    const [completed] = await testbed.probe.waitFor(VisitCompleted, visitId);
    expect(completed.data).toEqual({
      ...facts,
      staffId,
      ...times,
      waitedSeconds: 600,
      topics: ['hours-rule', 'job-plan-revision'],
      actions: ['follow-up-interview-held', 'job-plan-revised', 'referral'],
    });
    const [referral] = await testbed.probe.waitFor(ReferralMade, visitId);
    expect(referral.data).toEqual({ visitId, deskId, areaCode: 'tingbjerg', citizenId, partnerCode: 'jobcafe', referredOn: day });
    const [held] = await testbed.probe.waitFor(FollowUpInterviewHeld, visitId);
    expect(held.data).toEqual({ visitId, citizenId, areaCode: 'tingbjerg', deskId, heldOn: day, heldAt: times.endedAt, staffId });
    // Topic order per key: the events arrive as they happened.
    expect(testbed.probe.events.filter((event) => event.subject === visitId).map((event) => event.type)).toEqual(await outboxTypes(visitId));
  });

  it('enters history in the closed session that covered the check-in, with the Copenhagen date of the end as heldOn', async () => {
    const deskId = await testbed.desk();
    const staffId = await testbed.staff();
    const citizenId = await testbed.caseCitizen();
    const march3 = await testbed.session(deskId, new Date('2015-03-03T08:00:00Z'), new Date('2015-03-03T11:00:00Z'));
    await testbed.session(deskId, new Date('2015-03-05T08:00:00Z'), new Date('2015-03-05T11:00:00Z'));
    const response = await register(deskId, {
      visitorKind: 'citizen-with-case',
      citizenId,
      arrival: 'walk-in',
      staffId,
      // Checked in at the last minute of the session; the talk went on after closing.
      checkedInAt: '2015-03-03T12:00:00+01:00',
      talkStartedAt: '2015-03-03T12:05:30+01:00',
      endedAt: '2015-03-03T12:40:00+01:00',
      topics: ['benefit-cap'],
      actions: ['follow-up-interview-held'],
    }).expect(201);
    expect(response.body).toMatchObject({ sessionId: march3, waitedSeconds: 330, checkedInAt: '2015-03-03T11:00:00.000Z' });
    const [held] = await testbed.probe.waitFor(FollowUpInterviewHeld, response.body.id);
    expect(held.data).toMatchObject({ heldOn: '2015-03-03', heldAt: '2015-03-03T11:40:00.000Z', citizenId, staffId });
    const listed = await api().get(`/desks/${deskId}/visits?from=2015-03-01&to=2015-03-31`).expect(200);
    expect(listed.body.visits).toEqual([response.body]);
  });

  it('accepts a consultant who has since left, in history; a citizen without a case and anonymous visitors carry no person id', async () => {
    const { deskId, times } = await setting();
    const former = await testbed.staff(KBH, false);
    for (const visitorKind of ['citizen-without-case', 'anonymous'] as const) {
      const response = await register(deskId, { visitorKind, arrival: 'walk-in', staffId: former, requestedStaffId: former, ...times, topics: ['debt'], actions: ['advice', 'referral'], referrals: [{ partnerCode: 'jobcafe' }] }).expect(201);
      expect(response.body).toMatchObject({ visitorKind, citizenId: null, staffId: former, status: 'done' });
      const visitId = response.body.id;
      await testbed.probe.waitFor(ReferralMade, visitId);
      const events = testbed.probe.events.filter((event) => event.subject === visitId);
      expect(events.map((event) => event.type)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type, ReferralMade.type]);
      for (const event of events) expect((event.data as { citizenId?: unknown }).citizenId ?? null).toBeNull();
      expect(await inspect(`SELECT citizen_id FROM visit WHERE id = $1 UNION ALL SELECT citizen_id FROM referral WHERE visit_id = $1`, [visitId])).toEqual([
        { citizen_id: null },
        { citizen_id: null },
      ]);
    }
  });

  describe('refusals write nothing', () => {
    const nothingWritten = async (deskId: string) => {
      expect(await visitCount(deskId)).toBe(0);
      expect(await inspect(`SELECT 1 FROM outbox WHERE value LIKE '%' || $1 || '%'`, [deskId])).toEqual([]);
    };

    it('409 desk-closed when no session of the desk covers the check-in', async () => {
      const { deskId, staffId, times } = await setting();
      await testbed.session(deskId, new Date('2015-03-03T08:00:00Z'), new Date('2015-03-03T11:00:00Z'));
      const visit = (checkedInAt: string, talkStartedAt: string, endedAt: string) => ({
        visitorKind: 'anonymous',
        arrival: 'walk-in',
        staffId,
        checkedInAt,
        talkStartedAt,
        endedAt,
        topics: ['housing'],
        actions: ['advice'],
      });
      for (const checkedInAt of ['2015-03-03T07:59:59Z', '2015-03-03T11:00:01Z', '2015-03-04T09:00:00Z']) {
        const response = await register(deskId, visit(checkedInAt, '2015-03-04T09:30:00Z', '2015-03-04T10:00:00Z')).expect(409);
        expect(response.body).toMatchObject({ code: 'desk-closed', detail: expect.any(String) });
      }
      // The open session began an hour ago: before that the desk was closed.
      const beforeOpening = iso(Date.now() - 2 * HOUR);
      expect((await register(deskId, visit(beforeOpening, times.talkStartedAt, times.endedAt)).expect(409)).body.code).toBe('desk-closed');
      await nothingWritten(deskId);
      const unopened = await testbed.desk();
      expect((await register(unopened, visit(times.checkedInAt, times.talkStartedAt, times.endedAt)).expect(409)).body.code).toBe('desk-closed');
      await nothingWritten(unopened);
    });

    it('409 for a citizen without an active case, an unknown consultant and case actions without a case', async () => {
      const { deskId, staffId, citizenId, times } = await setting();
      const base = { arrival: 'walk-in', staffId, ...times, topics: ['housing'], actions: ['advice'] };
      const refusals: Array<[object, string]> = [
        [{ ...base, visitorKind: 'citizen-with-case', citizenId: UNKNOWN_ID }, 'citizen-has-no-case'],
        [{ ...base, visitorKind: 'citizen-with-case', citizenId: await testbed.caseCitizen(KBH, false) }, 'citizen-has-no-case'],
        [{ ...base, visitorKind: 'citizen-with-case', citizenId, staffId: UNKNOWN_ID }, 'staff-unknown'],
        [{ ...base, visitorKind: 'citizen-with-case', citizenId, staffId: await testbed.staff(SLAGELSE) }, 'staff-unknown'],
        [{ ...base, visitorKind: 'anonymous', requestedStaffId: UNKNOWN_ID }, 'staff-unknown'],
        [{ ...base, visitorKind: 'citizen-without-case', actions: ['follow-up-interview-held'] }, 'case-action-without-case'],
        [{ ...base, visitorKind: 'anonymous', actions: ['advice', 'job-plan-revised'] }, 'case-action-without-case'],
      ];
      for (const [body, code] of refusals) {
        const response = await register(deskId, body).expect(409);
        expect(response.body).toMatchObject({ code, detail: expect.any(String) });
      }
      await nothingWritten(deskId);
    });

    it.each([
      ['missing fields', {}, ['actions', 'arrival', 'checkedInAt', 'endedAt', 'staffId', 'talkStartedAt', 'topics', 'visitorKind']],
      ['a person id for an anonymous visitor', { visitorKind: 'anonymous', citizenId: UNKNOWN_ID }, ['citizenId']],
      ['a citizen with a case without the id', { visitorKind: 'citizen-with-case', arrival: 'summoned' }, ['citizenId']],
      ['times without offset', { checkedInAt: '2015-03-03T10:00:00', talkStartedAt: '2015-03-03', endedAt: 'soon' }, ['checkedInAt', 'endedAt', 'talkStartedAt']],
      ['a talk before the check-in', { talkStartedAt: 'checkIn-1m' }, ['talkStartedAt']],
      ['an end before the talk', { endedAt: 'talk-1m' }, ['endedAt']],
      ['an end in the future', { endedAt: 'future' }, ['endedAt']],
      ['unknown topics and partners', { topics: ['housing', 'weather'], actions: ['referral'], referrals: [{ partnerCode: 'nobody' }] }, ['referrals.0.partnerCode', 'topics.1']],
      ["'referral' without referrals", { actions: ['referral'] }, ['referrals']],
      ['unknown fields', { name: 'Jens Jensen', note: 'fri tekst' }, ['name', 'note']],
    ])('400 for %s, naming the fields', async (_case, overrides, fields) => {
      const { deskId, staffId, times } = await setting();
      const relative: Record<string, string> = {
        'checkIn-1m': iso(Date.parse(times.checkedInAt) - MINUTE),
        'talk-1m': iso(Date.parse(times.talkStartedAt) - MINUTE),
        future: iso(Date.now() + HOUR),
      };
      const body = Object.fromEntries(
        Object.entries({ visitorKind: 'anonymous', arrival: 'walk-in', staffId, ...times, topics: ['housing'], actions: ['advice'], ...overrides }).map(([field, value]) => [
          field,
          typeof value === 'string' && relative[value] ? relative[value] : value,
        ]),
      );
      const response = await register(deskId, _case === 'missing fields' ? {} : body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      await nothingWritten(deskId);
    });

    it("404 for an unknown desk and another municipality's", async () => {
      const { staffId, times } = await setting();
      const body = { visitorKind: 'anonymous', arrival: 'walk-in', staffId, ...times, topics: ['housing'], actions: ['advice'] };
      await register(UNKNOWN_ID, body).expect(404);
      const theirs = await testbed.openDesk(SLAGELSE);
      expect((await register(theirs.deskId, body).expect(404)).body.code).toBe('not-found');
      await nothingWritten(theirs.deskId);
    });
  });

  it('a retry with the same Idempotency-Key registers once and answers the same', async () => {
    const { deskId, staffId, citizenId, times } = await setting();
    const body = { visitorKind: 'citizen-with-case', citizenId, arrival: 'walk-in', staffId, ...times, topics: ['family'], actions: ['follow-up-interview-held'] };
    const first = await register(deskId, body, KBH, `register-${deskId}`).expect(201);
    const second = await register(deskId, body, KBH, `register-${deskId}`).expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await visitCount(deskId)).toBe(1);
    expect(await outboxTypes(first.body.id)).toEqual([VisitCheckedIn.type, TalkStarted.type, VisitCompleted.type, FollowUpInterviewHeld.type]);
    await testbed.probe.waitFor(FollowUpInterviewHeld, first.body.id);
    expect(testbed.probe.of(FollowUpInterviewHeld, first.body.id)).toHaveLength(1);
  });
});
