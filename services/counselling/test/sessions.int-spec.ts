import { DeskSessionClosed, DeskSessionOpened, StaffMemberChanged } from '@fremskudt/contracts';
import { TEST_ROLES } from '@fremskudt/testing';
import { randomUUID } from 'node:crypto';
import { desksTestbed, fieldsOf, KBH, MORNINGS_MON_THU, SLAGELSE, UNKNOWN_ID } from './support/desks-testbed';

// Monday 2 February 2026 (CET, UTC+1) and Monday 30 March 2026 (CEST, UTC+2, the day after the change).
const MONDAY = '2026-02-02';

describe('counselling: desk sessions (real PostgreSQL and Kafka)', () => {
  const testbed = desksTestbed('sessions');
  const { api, inspect, createDesk } = testbed;
  let staff: string;
  let colleague: string;
  let leaver: string;

  beforeAll(async () => {
    [staff, colleague, leaver] = await Promise.all([testbed.registerStaff(), testbed.registerStaff(), testbed.registerStaff()]);
    await testbed.play(KBH, [
      {
        contract: StaffMemberChanged,
        payload: { staffId: leaver, teamCode: 'team-nordvest', areaCodes: ['tingbjerg'], caseloadCapacity: 15, active: false, changedAt: new Date().toISOString() },
      },
    ]);
    await testbed.eventually(`SELECT active FROM staff_member WHERE id = $1`, [leaver], (rows) => rows[0]?.active === false);
  });

  const deskWithHours = (tenant = KBH) => createDesk(tenant, { weekly: MORNINGS_MON_THU });
  const open = (deskId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/desks/${deskId}/sessions`, body, key);
  const close = (deskId: string, sessionId: string, body: object = {}, tenant = KBH, key?: string) =>
    api(tenant).post(`/desks/${deskId}/sessions/${sessionId}/close`, body, key);
  const sessionRows = async (deskId: string) => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM desk_session WHERE desk_id = $1`, [deskId]))[0].n;
  /** Opens and closes a back-registered session; answers its id. */
  const held = async (deskId: string, opensAt: string, closesAt: string, extra = false): Promise<string> => {
    const session = await open(deskId, { staffIds: [staff], at: opensAt, ...(extra ? { extra } : {}) }).expect(201);
    await close(deskId, session.body.id, { at: closesAt }).expect(200);
    return session.body.id;
  };

  describe('opening', () => {
    it('opens a planned session (back-registered), publishes DeskSessionOpened and shows on the desk', async () => {
      const desk = await deskWithHours();
      const response = await open(desk.id, { staffIds: [staff, colleague], at: `${MONDAY}T09:35:00+01:00` }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        deskId: desk.id,
        areaCode: 'tingbjerg',
        date: MONDAY,
        openedAt: '2026-02-02T08:35:00.000Z',
        plannedCloseAt: '2026-02-02T11:30:00.000Z',
        closedAt: null,
        open: true,
        extra: false,
        staffIds: [staff, colleague],
      });
      expect((await api().get(`/desks/${desk.id}`).expect(200)).body.openSessionId).toBe(response.body.id);
      await api().get(`/desks/${desk.id}/sessions/${response.body.id}`).expect(200, response.body);

      const [event] = await testbed.probe.waitFor(DeskSessionOpened, desk.id);
      expect(event).toMatchObject({ type: DeskSessionOpened.type, subject: desk.id, tenant: KBH });
      expect(event.data).toEqual({
        deskId: desk.id,
        sessionId: response.body.id,
        areaCode: 'tingbjerg',
        date: MONDAY,
        openedAt: '2026-02-02T08:35:00.000Z',
        plannedCloseAt: '2026-02-02T11:30:00.000Z',
        staffIds: [staff, colleague],
        extra: false,
      });
    });

    it('opens up to 30 minutes early as the planned session; in summer time the planned close follows the local clock', async () => {
      const desk = await deskWithHours();
      const early = await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:00:00+01:00` }).expect(201);
      expect(early.body).toMatchObject({ extra: false, plannedCloseAt: '2026-02-02T11:30:00.000Z' });
      await close(desk.id, early.body.id, { at: `${MONDAY}T12:30:00+01:00` }).expect(200);
      const summer = await open(desk.id, { staffIds: [staff], at: '2026-03-30T07:40:00Z' }).expect(201);
      expect(summer.body).toMatchObject({ date: '2026-03-30', extra: false, plannedCloseAt: '2026-03-30T10:30:00.000Z' });
    });

    it('opens now when no time is given', async () => {
      const desk = await createDesk(KBH, { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' })) });
      const before = Date.now();
      const response = await open(desk.id, { staffIds: [staff] }).expect(201);
      expect(Date.parse(response.body.openedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(response.body.openedAt)).toBeLessThanOrEqual(Date.now());
      const closed = await close(desk.id, response.body.id).expect(200);
      expect(Date.parse(closed.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(response.body.openedAt));
    });

    it('outside the calendar only as an extra session (planned for three hours); an extra exception session counts as extra', async () => {
      const desk = await deskWithHours();
      const friday = '2026-02-06T13:00:00+01:00';
      expect((await open(desk.id, { staffIds: [staff], at: friday }).expect(409)).body).toMatchObject({ status: 409, code: 'outside-opening-hours' });
      expect((await open(desk.id, { staffIds: [staff], at: friday, extra: false }).expect(409)).body.code).toBe('outside-opening-hours');
      const extra = await open(desk.id, { staffIds: [staff], at: friday, extra: true }).expect(201);
      expect(extra.body).toMatchObject({ date: '2026-02-06', extra: true, openedAt: '2026-02-06T12:00:00.000Z', plannedCloseAt: '2026-02-06T15:00:00.000Z' });
      await close(desk.id, extra.body.id, { at: '2026-02-06T15:30:00+01:00' }).expect(200);

      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-02-07', kind: 'extra', opens: '10:00', closes: '12:00' }).expect(201);
      const planned = await open(desk.id, { staffIds: [staff], at: '2026-02-07T10:05:00+01:00' }).expect(201);
      expect(planned.body).toMatchObject({ extra: true, plannedCloseAt: '2026-02-07T11:00:00.000Z' });
      const events = await testbed.probe.waitFor(DeskSessionOpened, desk.id, 2);
      expect(events.map((event) => event.data.extra)).toEqual([true, true]);
    });

    it('a retried opening (same Idempotency-Key) opens once and answers the same, not 409', async () => {
      const desk = await deskWithHours();
      const body = { staffIds: [staff], at: `${MONDAY}T09:40:00+01:00` };
      const first = await open(desk.id, body, KBH, `open-${desk.id}`).expect(201);
      const second = await open(desk.id, body, KBH, `open-${desk.id}`).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await sessionRows(desk.id)).toBe(1);
      expect(await testbed.outboxTypes(desk.id)).toEqual([DeskSessionOpened.type]);
    });

    it.each([
      ['no staff', {}, ['staffIds']],
      ['an empty staff list', { staffIds: [] }, ['staffIds']],
      ['bad and repeated staff ids', { staffIds: ['x', UNKNOWN_ID, UNKNOWN_ID] }, ['staffIds']],
      ['a time without offset', { staffIds: [UNKNOWN_ID], at: '2026-02-02T09:35:00' }, ['at']],
      ['a time in the future', { staffIds: [UNKNOWN_ID], at: new Date(Date.now() + 3_600_000).toISOString() }, ['at']],
      ['a null time, a non-boolean extra and an unknown field', { staffIds: [UNKNOWN_ID], at: null, extra: 'yes', room: 2 }, ['at', 'extra', 'room']],
    ])('%s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const desk = await deskWithHours();
      const response = await open(desk.id, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await sessionRows(desk.id)).toBe(0);
      expect(await testbed.outboxTypes(desk.id)).toEqual([]);
    });

    describe('409 with a reason, nothing written', () => {
      const refused = async (deskId: string, body: object, code: string) => {
        const rowsBefore = await sessionRows(deskId);
        const eventsBefore = await testbed.outboxTypes(deskId);
        const response = await open(deskId, body).expect(409);
        expect(response.body).toMatchObject({ status: 409, code });
        expect(response.body.detail).toEqual(expect.any(String));
        expect(await sessionRows(deskId)).toBe(rowsBefore);
        expect(await testbed.outboxTypes(deskId)).toEqual(eventsBefore);
      };

      it('a desk with an open session → session-already-open', async () => {
        const desk = await deskWithHours();
        await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201);
        await refused(desk.id, { staffIds: [staff], at: '2026-02-03T09:35:00+01:00' }, 'session-already-open');
        await refused(desk.id, { staffIds: [staff], extra: true }, 'session-already-open');
      });

      it('a closed day → desk-closed-day, even as an extra session', async () => {
        const desk = await deskWithHours();
        await api().post(`/desks/${desk.id}/exceptions`, { date: MONDAY, kind: 'closed', reason: 'Kursus' }).expect(201);
        await refused(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }, 'desk-closed-day');
        await refused(desk.id, { staffIds: [staff], at: `${MONDAY}T15:00:00+01:00`, extra: true }, 'desk-closed-day');
      });

      it('an inactive desk → desk-inactive', async () => {
        const desk = await deskWithHours();
        await api().patch(`/desks/${desk.id}`, { active: false }).expect(200);
        await refused(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }, 'desk-inactive');
      });

      it('unknown or inactive staff (as caseload last told) → staff-not-active', async () => {
        const desk = await deskWithHours();
        await refused(desk.id, { staffIds: [staff, UNKNOWN_ID], at: `${MONDAY}T09:35:00+01:00` }, 'staff-not-active');
        await refused(desk.id, { staffIds: [leaver], at: `${MONDAY}T09:35:00+01:00` }, 'staff-not-active');
        const theirStaff = await testbed.registerStaff(SLAGELSE);
        await refused(desk.id, { staffIds: [theirStaff], at: `${MONDAY}T09:35:00+01:00` }, 'staff-not-active');
      });

      it('a time the desk was already open → session-overlaps', async () => {
        const desk = await deskWithHours();
        await held(desk.id, `${MONDAY}T09:30:00+01:00`, `${MONDAY}T12:30:00+01:00`);
        await refused(desk.id, { staffIds: [staff], at: `${MONDAY}T11:00:00+01:00` }, 'session-overlaps');
      });
    });

    it("unknown and other tenants' desks → 404", async () => {
      const theirs = await createDesk(SLAGELSE, { areaCode: 'nordbyen', weekly: MORNINGS_MON_THU });
      await open(UNKNOWN_ID, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(404);
      await open(theirs.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(404);
      expect(await sessionRows(theirs.id)).toBe(0);
    });
  });

  describe('closing', () => {
    it('closes the session and publishes DeskSessionClosed with no visits', async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const closed = await close(desk.id, session.id, { at: `${MONDAY}T12:40:00+01:00` }).expect(200);
      expect(closed.body).toEqual({
        ...session,
        closedAt: '2026-02-02T11:40:00.000Z',
        open: false,
        counts: { visits: 0, summoned: 0, walkInWithCase: 0, withoutCase: 0 },
      });
      const { counts: _counts, ...view } = closed.body;
      await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200, view);
      expect((await api().get(`/desks/${desk.id}`).expect(200)).body.openSessionId).toBeNull();
      const [event] = await testbed.probe.waitFor(DeskSessionClosed, desk.id);
      expect(event.data).toEqual({
        deskId: desk.id,
        sessionId: session.id,
        areaCode: 'tingbjerg',
        date: MONDAY,
        closedAt: '2026-02-02T11:40:00.000Z',
        visits: 0,
        summoned: 0,
        walkInWithCase: 0,
        withoutCase: 0,
      });
    });

    it("counts the session's visits from the visits table: summoned, walk-in with a case, without a case", async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const other = randomUUID();
      // The visits package owns `visit`; a stand-in with the columns this package reads takes its place for this test.
      const [{ exists }] = await inspect<{ exists: boolean }>(`SELECT to_regclass('public.visit') IS NOT NULL AS exists`);
      if (exists) await inspect(`ALTER TABLE visit RENAME TO visit_set_aside`);
      try {
        await inspect(`CREATE TABLE visit (session_id uuid NOT NULL, visitor_kind text NOT NULL, arrival text NOT NULL)`);
        await inspect(`GRANT SELECT ON visit TO ${TEST_ROLES.app}`);
        const rows: Array<[string, string, string]> = [
          ...Array.from({ length: 5 }, (): [string, string, string] => [session.id, 'citizen-with-case', 'summoned']),
          ...Array.from({ length: 8 }, (): [string, string, string] => [session.id, 'citizen-with-case', 'walk-in']),
          [session.id, 'citizen-without-case', 'walk-in'],
          [session.id, 'anonymous', 'walk-in'],
          [other, 'citizen-with-case', 'walk-in'],
        ];
        for (const row of rows) await inspect(`INSERT INTO visit VALUES ($1, $2, $3)`, row);
        const closed = await close(desk.id, session.id, { at: `${MONDAY}T12:30:00+01:00` }).expect(200);
        expect(closed.body.counts).toEqual({ visits: 15, summoned: 5, walkInWithCase: 8, withoutCase: 2 });
      } finally {
        await inspect(`DROP TABLE IF EXISTS visit`);
        if (exists) await inspect(`ALTER TABLE visit_set_aside RENAME TO visit`);
      }
      const [event] = await testbed.probe.waitFor(DeskSessionClosed, desk.id);
      expect(event.data).toMatchObject({ visits: 15, summoned: 5, walkInWithCase: 8, withoutCase: 2 });
    });

    it('a retried close (same Idempotency-Key) answers the first result and publishes once', async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const body = { at: `${MONDAY}T12:30:00+01:00` };
      const first = await close(desk.id, session.id, body, KBH, `close-${session.id}`).expect(200);
      const second = await close(desk.id, session.id, body, KBH, `close-${session.id}`).expect(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await testbed.outboxTypes(desk.id)).toEqual([DeskSessionOpened.type, DeskSessionClosed.type]);
    });

    it('409 with nothing written: closing twice, closing before the opening, closing after a later session opened', async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const early = await close(desk.id, session.id, { at: `${MONDAY}T09:34:00+01:00` }).expect(409);
      expect(early.body.code).toBe('session-close-before-open');
      const closed = await close(desk.id, session.id, { at: `${MONDAY}T12:30:00+01:00` }).expect(200);
      const twice = await close(desk.id, session.id, { at: `${MONDAY}T12:45:00+01:00` }).expect(409);
      expect(twice.body).toMatchObject({ status: 409, code: 'session-already-closed' });
      const { counts: _counts, ...view } = closed.body;
      await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200, view);

      // Tuesday's session is registered; then Monday's, back-registered later, can't run into Tuesday.
      const other = await deskWithHours();
      await held(other.id, '2026-02-10T09:30:00+01:00', '2026-02-10T12:30:00+01:00');
      const monday = (await open(other.id, { staffIds: [staff], at: '2026-02-09T09:30:00+01:00' }).expect(201)).body;
      const overlapping = await close(other.id, monday.id, { at: '2026-02-10T10:00:00+01:00' }).expect(409);
      expect(overlapping.body.code).toBe('session-overlaps');
      expect(await testbed.outboxTypes(desk.id)).toEqual([DeskSessionOpened.type, DeskSessionClosed.type]);
      expect((await testbed.outboxTypes(other.id)).filter((type) => type === DeskSessionClosed.type)).toHaveLength(1);
    });

    it.each([
      ['a time in the future', { at: new Date(Date.now() + 3_600_000).toISOString() }, ['at']],
      ['a date without time and an unknown field', { at: '2026-02-02', reason: 'done' }, ['at', 'reason']],
    ])('%s → 400', async (_case, body, fields) => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      expect(fieldsOf((await close(desk.id, session.id, body).expect(400)).body)).toEqual(fields);
      expect((await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200)).body.open).toBe(true);
    });

    it("unknown sessions, another desk's and other tenants' → 404", async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const other = await deskWithHours();
      await close(desk.id, UNKNOWN_ID).expect(404);
      await close(other.id, session.id).expect(404);
      await close(UNKNOWN_ID, session.id).expect(404);
      await close(desk.id, session.id, {}, SLAGELSE).expect(404);
      await api(SLAGELSE).get(`/desks/${desk.id}/sessions/${session.id}`).expect(404);
      expect((await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200)).body.open).toBe(true);
    });
  });

  describe('staff on duty', () => {
    const changeStaff = (deskId: string, sessionId: string, body: object, tenant = KBH, key?: string) =>
      api(tenant).put(`/desks/${deskId}/sessions/${sessionId}/staff`, body, key);

    it('replaces the staff of an open session; retried with the same key answers the same; no event', async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      const changed = await changeStaff(desk.id, session.id, { staffIds: [colleague] }, KBH, `staff-${session.id}`).expect(200);
      expect(changed.body).toEqual({ ...session, staffIds: [colleague] });
      const again = await changeStaff(desk.id, session.id, { staffIds: [colleague] }, KBH, `staff-${session.id}`).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(changed.body);
      await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200, changed.body);
      expect(await testbed.outboxTypes(desk.id)).toEqual([DeskSessionOpened.type]);
    });

    it('400, 404 and 409 (closed session, inactive staff) leave the staff as they were', async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      expect(fieldsOf((await changeStaff(desk.id, session.id, { staffIds: [] }).expect(400)).body)).toEqual(['staffIds']);
      expect(fieldsOf((await changeStaff(desk.id, session.id, {}).expect(400)).body)).toEqual(['staffIds']);
      expect((await changeStaff(desk.id, session.id, { staffIds: [leaver] }).expect(409)).body.code).toBe('staff-not-active');
      await changeStaff(desk.id, UNKNOWN_ID, { staffIds: [colleague] }).expect(404);
      await changeStaff(desk.id, session.id, { staffIds: [colleague] }, SLAGELSE).expect(404);
      expect((await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200)).body.staffIds).toEqual([staff]);
      await close(desk.id, session.id, { at: `${MONDAY}T12:30:00+01:00` }).expect(200);
      expect((await changeStaff(desk.id, session.id, { staffIds: [colleague] }).expect(409)).body.code).toBe('session-closed');
      expect((await api().get(`/desks/${desk.id}/sessions/${session.id}`).expect(200)).body.staffIds).toEqual([staff]);
    });
  });

  describe('the desk and its sessions', () => {
    it("a desk can't be closed down while a session is open (409 desk-session-open); after closing it can", async () => {
      const desk = await deskWithHours();
      const session = (await open(desk.id, { staffIds: [staff], at: `${MONDAY}T09:35:00+01:00` }).expect(201)).body;
      expect((await api().patch(`/desks/${desk.id}`, { active: false }).expect(409)).body.code).toBe('desk-session-open');
      expect((await api().get(`/desks/${desk.id}`).expect(200)).body.active).toBe(true);
      await close(desk.id, session.id, { at: `${MONDAY}T12:30:00+01:00` }).expect(200);
      await api().patch(`/desks/${desk.id}`, { active: false }).expect(200);
    });

    it("a day the desk opened can't become a closed day (409 sessions-on-day)", async () => {
      const desk = await deskWithHours();
      await held(desk.id, `${MONDAY}T09:30:00+01:00`, `${MONDAY}T12:30:00+01:00`);
      const response = await api().post(`/desks/${desk.id}/exceptions`, { date: MONDAY, kind: 'closed' }).expect(409);
      expect(response.body.code).toBe('sessions-on-day');
      expect(await inspect(`SELECT id FROM desk_exception WHERE desk_id = $1`, [desk.id])).toEqual([]);
    });

    it('back-registers a month of sessions from the calendar (across the change to summer time) and lists them per period', async () => {
      const desk = await deskWithHours();
      const calendar = await api().get(`/desks/${desk.id}/calendar?from=2026-03-01&to=2026-03-31`).expect(200);
      const planned = calendar.body.days.flatMap((day: { sessions: Array<{ startsAt: string; endsAt: string }> }) => day.sessions);
      expect(planned).toHaveLength(18);
      for (const session of planned) await held(desk.id, session.startsAt, session.endsAt);

      const march = await api().get(`/desks/${desk.id}/sessions?from=2026-03-01&to=2026-03-31`).expect(200);
      expect(march.body).toHaveLength(18);
      expect(march.body.every((s: { open: boolean; extra: boolean }) => !s.open && !s.extra)).toBe(true);
      const byDate = Object.fromEntries(march.body.map((s: { date: string; openedAt: string }) => [s.date, s.openedAt]));
      expect(byDate['2026-03-26']).toBe('2026-03-26T08:30:00.000Z');
      expect(byDate['2026-03-30']).toBe('2026-03-30T07:30:00.000Z');
      const oneWeek = await api().get(`/desks/${desk.id}/sessions?from=2026-03-23&to=2026-03-29`).expect(200);
      expect(oneWeek.body.map((s: { date: string }) => s.date)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26']);
      const closedEvents = await testbed.probe.waitFor(DeskSessionClosed, desk.id, 18);
      expect(closedEvents).toHaveLength(18);
    });

    it('lists today by default; 400 for bad periods; 404 for unknown desks', async () => {
      const desk = await deskWithHours();
      await api().get(`/desks/${desk.id}/sessions`).expect(200, []);
      expect(fieldsOf((await api().get(`/desks/${desk.id}/sessions?from=2026-03-02&to=2026-03-01`).expect(400)).body)).toEqual(['to']);
      expect(fieldsOf((await api().get(`/desks/${desk.id}/sessions?from=march`).expect(400)).body)).toEqual(['from']);
      await api().get(`/desks/${UNKNOWN_ID}/sessions`).expect(404);
      await api(SLAGELSE).get(`/desks/${desk.id}/sessions`).expect(404);
    });
  });
});
