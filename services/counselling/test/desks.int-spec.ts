import { desksTestbed, fieldsOf, KBH, MORNINGS_MON_THU, SLAGELSE, UNKNOWN_ID } from './support/desks-testbed';

describe('counselling: desks, opening hours and exceptions (real PostgreSQL and Kafka)', () => {
  const testbed = desksTestbed('desks', { probe: false });
  const { api, inspect, createDesk } = testbed;
  const deskCount = async (tenant = KBH) => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM desk WHERE tenant_id = $1`, [tenant]))[0].n;

  describe('desks', () => {
    it('creates a desk, reads it and lists it per area; desk commands publish no events', async () => {
      const created = await api().post('/desks', { areaCode: 'urbanplanen', name: 'Åben Rådgivning Urbanplanen', location: 'Lokalkontoret' }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        areaCode: 'urbanplanen',
        name: 'Åben Rådgivning Urbanplanen',
        location: 'Lokalkontoret',
        active: true,
        openSessionId: null,
      });
      await api().get(`/desks/${created.body.id}`).expect(200, created.body);
      const other = await createDesk(KBH, { areaCode: 'akacieparken' });
      const inArea = await api().get('/desks?areaCode=urbanplanen').expect(200);
      expect(inArea.body.map((desk: { id: string }) => desk.id)).toContain(created.body.id);
      expect(inArea.body.map((desk: { id: string }) => desk.id)).not.toContain(other.id);
      expect(inArea.body.every((desk: { areaCode: string }) => desk.areaCode === 'urbanplanen')).toBe(true);
      expect(await testbed.outboxTypes(created.body.id)).toEqual([]);
    });

    it('changes name, location and active state', async () => {
      const desk = await createDesk();
      const changed = await api().patch(`/desks/${desk.id}`, { name: 'Ny skranke', location: 'Biblioteket', active: false }).expect(200);
      expect(changed.body).toEqual({ ...desk, name: 'Ny skranke', location: 'Biblioteket', active: false });
      await api().get(`/desks/${desk.id}`).expect(200, changed.body);
      const inactive = await api().get('/desks?active=false').expect(200);
      expect(inactive.body.map((d: { id: string }) => d.id)).toContain(desk.id);
    });

    it('a retried create (same Idempotency-Key) creates one desk and answers the same', async () => {
      const body = { areaCode: 'tingbjerg', name: 'Idempotent skranke', location: 'Et sted' };
      const before = await deskCount();
      const first = await api().post('/desks', body, 'create-desk-1').expect(201);
      const second = await api().post('/desks', body, 'create-desk-1').expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await deskCount()).toBe(before + 1);

      const patchFirst = await api().patch(`/desks/${first.body.id}`, { location: 'Et andet sted' }, 'patch-desk-1').expect(200);
      const patchSecond = await api().patch(`/desks/${first.body.id}`, { location: 'Et andet sted' }, 'patch-desk-1').expect(200);
      expect(patchSecond.headers['idempotent-replayed']).toBe('true');
      expect(patchSecond.body).toEqual(patchFirst.body);
    });

    it('a second desk with the same name in the area → 409 desk-exists, nothing written (the name is free in another area)', async () => {
      const desk = await createDesk(KBH, { areaCode: 'lundtoftegade', name: 'Skranken' });
      const before = await deskCount();
      const refused = await api().post('/desks', { areaCode: 'lundtoftegade', name: 'Skranken', location: 'X' }).expect(409);
      expect(refused.body).toMatchObject({ status: 409, code: 'desk-exists' });
      expect(await deskCount()).toBe(before);
      await api().post('/desks', { areaCode: 'aldersrogade', name: 'Skranken', location: 'X' }).expect(201);
      const other = await createDesk(KBH, { areaCode: 'lundtoftegade' });
      expect((await api().patch(`/desks/${other.id}`, { name: 'Skranken' }).expect(409)).body.code).toBe('desk-exists');
      await api().get(`/desks/${other.id}`).expect(200, other);
      await api().get(`/desks/${desk.id}`).expect(200, desk);
    });

    it.each([
      ['missing fields', {}, ['areaCode', 'location', 'name']],
      ['a bad area code and empty name', { areaCode: 'Tingbjerg Øst', name: '', location: 'X' }, ['areaCode', 'name']],
      ['unknown fields and wrong types', { areaCode: 'tingbjerg', name: 42, location: 'X', opensAt: '09:30' }, ['name', 'opensAt']],
    ])('creating with %s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const before = await deskCount();
      const response = await api().post('/desks', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await deskCount()).toBe(before);
    });

    it.each([
      ['nothing to change', {}, ['active', 'location', 'name']],
      ['nulls and wrong types', { name: null, active: 'yes' }, ['active', 'name']],
    ])('changing with %s → 400', async (_case, body, fields) => {
      const desk = await createDesk();
      expect(fieldsOf((await api().patch(`/desks/${desk.id}`, body).expect(400)).body)).toEqual(fields);
      await api().get(`/desks/${desk.id}`).expect(200, desk);
    });

    it("unknown ids and other tenants' desks are 404 (and not listed)", async () => {
      const theirs = await createDesk(SLAGELSE, { areaCode: 'nordbyen' });
      await api().get(`/desks/${UNKNOWN_ID}`).expect(404);
      expect((await api(KBH).get(`/desks/${theirs.id}`).expect(404)).body.code).toBe('not-found');
      await api(KBH).patch(`/desks/${theirs.id}`, { name: 'Overtaget' }).expect(404);
      expect((await api(KBH).get('/desks?areaCode=nordbyen').expect(200)).body).toEqual([]);
      await api(SLAGELSE).get(`/desks/${theirs.id}`).expect(200, theirs);
      await api().get('/desks/not-a-uuid').expect(400);
    });
  });

  describe('weekly opening hours', () => {
    it('replaces the weekly schedule (sorted by weekday and time), keeping the replaced rows', async () => {
      const desk = await createDesk();
      await api().put(`/desks/${desk.id}/opening-hours`, { weekly: MORNINGS_MON_THU }).expect(200);
      const weekly = [
        { weekday: 5, opens: '13:00', closes: '16:00' },
        { weekday: 2, opens: '13:00', closes: '15:00' },
        { weekday: 2, opens: '09:30', closes: '12:30' },
      ];
      const replaced = await api().put(`/desks/${desk.id}/opening-hours`, { weekly }).expect(200);
      expect(replaced.body).toEqual({
        deskId: desk.id,
        timeZone: 'Europe/Copenhagen',
        weekly: [weekly[2], weekly[1], weekly[0]],
        exceptions: [],
      });
      await api().get(`/desks/${desk.id}/opening-hours`).expect(200, replaced.body);
      const rows = await inspect<{ current: number; replaced: number }>(
        `SELECT count(*) FILTER (WHERE replaced_at IS NULL)::int AS current, count(*) FILTER (WHERE replaced_at IS NOT NULL)::int AS replaced
           FROM desk_opening_hours WHERE desk_id = $1`,
        [desk.id],
      );
      expect(rows).toEqual([{ current: 3, replaced: 4 }]);
      // An empty schedule is allowed: a desk that only opens for extra sessions.
      expect((await api().put(`/desks/${desk.id}/opening-hours`, { weekly: [] }).expect(200)).body.weekly).toEqual([]);
      expect(await testbed.outboxTypes(desk.id)).toEqual([]);
    });

    it('a retried replacement answers the same and replaces once', async () => {
      const desk = await createDesk();
      const first = await api().put(`/desks/${desk.id}/opening-hours`, { weekly: MORNINGS_MON_THU }, `hours-${desk.id}`).expect(200);
      const second = await api().put(`/desks/${desk.id}/opening-hours`, { weekly: MORNINGS_MON_THU }, `hours-${desk.id}`).expect(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await inspect(`SELECT id FROM desk_opening_hours WHERE desk_id = $1`, [desk.id])).toHaveLength(4);
    });

    it.each([
      ['no weekly', {}, ['weekly']],
      [
        'bad weekday and times',
        { weekly: [{ weekday: 8, opens: '9:30', closes: '24:00' }, { weekday: 0, opens: '09:30', closes: '12:30', note: 'x' }] },
        ['weekly.0.closes', 'weekly.0.opens', 'weekly.0.weekday', 'weekly.1.note', 'weekly.1.weekday'],
      ],
      ['closing before opening', { weekly: [{ weekday: 1, opens: '12:30', closes: '09:30' }] }, ['weekly.0.closes']],
      [
        'overlapping openings of one weekday',
        { weekly: [{ weekday: 1, opens: '09:30', closes: '12:30' }, { weekday: 2, opens: '10:00', closes: '11:00' }, { weekday: 1, opens: '12:00', closes: '14:00' }] },
        ['weekly.2.opens'],
      ],
    ])('%s → 400 naming the fields, the schedule unchanged', async (_case, body, fields) => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      const response = await api().put(`/desks/${desk.id}/opening-hours`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await api().get(`/desks/${desk.id}/opening-hours`).expect(200)).body.weekly).toEqual(MORNINGS_MON_THU);
    });

    it("unknown and other tenants' desks → 404, their schedule untouched", async () => {
      const theirs = await createDesk(SLAGELSE, { areaCode: 'nordbyen', weekly: MORNINGS_MON_THU });
      await api().put(`/desks/${UNKNOWN_ID}/opening-hours`, { weekly: [] }).expect(404);
      await api().put(`/desks/${theirs.id}/opening-hours`, { weekly: [] }).expect(404);
      await api().get(`/desks/${theirs.id}/opening-hours`).expect(404);
      expect((await api(SLAGELSE).get(`/desks/${theirs.id}/opening-hours`).expect(200)).body.weekly).toEqual(MORNINGS_MON_THU);
    });
  });

  describe('exceptions: closed days and extra sessions', () => {
    const exceptionRows = async (deskId: string) =>
      (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM desk_exception WHERE desk_id = $1 AND removed_at IS NULL`, [deskId]))[0].n;

    it('records a closed day and an extra session, lists them, and removes one', async () => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      const closed = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-24', kind: 'closed', reason: 'Juleaften' }).expect(201);
      expect(closed.body).toEqual({ id: expect.any(String), deskId: desk.id, date: '2026-12-24', kind: 'closed', opens: null, closes: null, reason: 'Juleaften' });
      const extra = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-21', kind: 'extra', opens: '13:00', closes: '16:00' }).expect(201);
      expect(extra.body).toMatchObject({ kind: 'extra', opens: '13:00', closes: '16:00', reason: null });
      const hours = await api().get(`/desks/${desk.id}/opening-hours`).expect(200);
      expect(hours.body.exceptions).toEqual([extra.body, closed.body]);

      await api().delete(`/desks/${desk.id}/exceptions/${extra.body.id}`).expect(204);
      expect((await api().get(`/desks/${desk.id}/opening-hours`).expect(200)).body.exceptions).toEqual([closed.body]);
      // Removed, not deleted.
      expect(await inspect(`SELECT id FROM desk_exception WHERE id = $1 AND removed_at IS NOT NULL`, [extra.body.id])).toHaveLength(1);
      await api().delete(`/desks/${desk.id}/exceptions/${extra.body.id}`).expect(404);
      expect(await testbed.outboxTypes(desk.id)).toEqual([]);
    });

    it('a closed day may carry a moved session: closed plus an extra session on the same date', async () => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-22', kind: 'closed' }).expect(201);
      // 09:30-12:30 would clash with the weekly session, but that one is closed that day.
      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-22', kind: 'extra', opens: '10:00', closes: '13:00' }).expect(201);
      const calendar = await api().get(`/desks/${desk.id}/calendar?from=2026-12-22&to=2026-12-22`).expect(200);
      expect(calendar.body.days).toEqual([
        {
          date: '2026-12-22',
          weekday: 2,
          closed: true,
          closedReason: null,
          sessions: [{ opens: '10:00', closes: '13:00', startsAt: '2026-12-22T10:00:00+01:00', endsAt: '2026-12-22T13:00:00+01:00', extra: true, exceptionId: expect.any(String) }],
        },
      ]);
    });

    it('retries (same Idempotency-Key) add once and remove once', async () => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      const body = { date: '2026-12-31', kind: 'closed', reason: 'Nytårsaften' };
      const first = await api().post(`/desks/${desk.id}/exceptions`, body, `exc-${desk.id}`).expect(201);
      const second = await api().post(`/desks/${desk.id}/exceptions`, body, `exc-${desk.id}`).expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await exceptionRows(desk.id)).toBe(1);
      await api().delete(`/desks/${desk.id}/exceptions/${first.body.id}`, `del-${desk.id}`).expect(204);
      const again = await api().delete(`/desks/${desk.id}/exceptions/${first.body.id}`, `del-${desk.id}`).expect(204);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await exceptionRows(desk.id)).toBe(0);
    });

    it.each([
      ['nothing', {}, ['date', 'kind']],
      ['a bad date and kind', { date: '2026-02-30', kind: 'holiday' }, ['date', 'kind']],
      ['times on a closed day', { date: '2026-12-24', kind: 'closed', opens: '09:00', closes: '10:00' }, ['closes', 'opens']],
      ['an extra session without times', { date: '2026-12-24', kind: 'extra' }, ['closes', 'opens']],
      ['an extra session closing before it opens', { date: '2026-12-24', kind: 'extra', opens: '14:00', closes: '13:00' }, ['closes']],
      ['unknown fields and bad times', { date: '2026-12-24', kind: 'extra', opens: '1400', closes: '15:00', staff: [] }, ['opens', 'staff']],
    ])('%s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      expect(fieldsOf((await api().post(`/desks/${desk.id}/exceptions`, body).expect(400)).body)).toEqual(fields);
      expect(await exceptionRows(desk.id)).toBe(0);
    });

    it('409 with nothing written: a day closed twice, an extra session overlapping another session', async () => {
      const desk = await createDesk(KBH, { weekly: MORNINGS_MON_THU });
      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-24', kind: 'closed' }).expect(201);
      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-28', kind: 'extra', opens: '13:00', closes: '15:00' }).expect(201);
      const twice = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-24', kind: 'closed', reason: 'igen' }).expect(409);
      expect(twice.body).toMatchObject({ status: 409, code: 'closed-day-exists' });
      // Monday 21 December: the weekly 09:30-12:30.
      const weeklyClash = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-21', kind: 'extra', opens: '12:00', closes: '14:00' }).expect(409);
      expect(weeklyClash.body.code).toBe('exception-overlaps');
      const extraClash = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-12-28', kind: 'extra', opens: '14:30', closes: '16:00' }).expect(409);
      expect(extraClash.body.code).toBe('exception-overlaps');
      expect(await exceptionRows(desk.id)).toBe(2);
    });

    it("unknown and other tenants' desks and exceptions → 404", async () => {
      const theirs = await createDesk(SLAGELSE, { areaCode: 'nordbyen' });
      const exception = await api(SLAGELSE).post(`/desks/${theirs.id}/exceptions`, { date: '2026-12-24', kind: 'closed' }).expect(201);
      await api().post(`/desks/${UNKNOWN_ID}/exceptions`, { date: '2026-12-24', kind: 'closed' }).expect(404);
      await api().post(`/desks/${theirs.id}/exceptions`, { date: '2026-12-25', kind: 'closed' }).expect(404);
      await api().delete(`/desks/${theirs.id}/exceptions/${exception.body.id}`).expect(404);
      const mine = await createDesk();
      await api().delete(`/desks/${mine.id}/exceptions/${exception.body.id}`).expect(404);
      await api().delete(`/desks/${mine.id}/exceptions/${UNKNOWN_ID}`).expect(404);
      expect(await exceptionRows(theirs.id)).toBe(1);
    });
  });

  describe('calendar', () => {
    it('plans the weekly sessions minus closed days plus extras, per day, in Copenhagen time', async () => {
      const desk = await createDesk(KBH, { areaCode: 'urbanplanen', weekly: [{ weekday: 1, opens: '09:30', closes: '12:30' }, { weekday: 4, opens: '09:30', closes: '12:30' }] });
      await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-02-05', kind: 'closed', reason: 'Personalemøde' }).expect(201);
      const extra = await api().post(`/desks/${desk.id}/exceptions`, { date: '2026-02-06', kind: 'extra', opens: '13:00', closes: '15:00', reason: 'Infomøde' }).expect(201);
      const response = await api().get(`/desks/${desk.id}/calendar?from=2026-02-02&to=2026-02-12`).expect(200);
      const session = (date: string, opens: string, closes: string, exceptionId: string | null = null) => ({
        opens,
        closes,
        startsAt: `${date}T${opens}:00+01:00`,
        endsAt: `${date}T${closes}:00+01:00`,
        extra: exceptionId !== null,
        exceptionId,
      });
      expect(response.body).toEqual({
        deskId: desk.id,
        areaCode: 'urbanplanen',
        from: '2026-02-02',
        to: '2026-02-12',
        timeZone: 'Europe/Copenhagen',
        days: [
          { date: '2026-02-02', weekday: 1, closed: false, closedReason: null, sessions: [session('2026-02-02', '09:30', '12:30')] },
          { date: '2026-02-05', weekday: 4, closed: true, closedReason: 'Personalemøde', sessions: [] },
          { date: '2026-02-06', weekday: 5, closed: false, closedReason: null, sessions: [session('2026-02-06', '13:00', '15:00', extra.body.id)] },
          { date: '2026-02-09', weekday: 1, closed: false, closedReason: null, sessions: [session('2026-02-09', '09:30', '12:30')] },
          { date: '2026-02-12', weekday: 4, closed: false, closedReason: null, sessions: [session('2026-02-12', '09:30', '12:30')] },
        ],
      });
    });

    it('keeps local hours across the daylight-saving changes: the offset moves, not the opening time', async () => {
      const desk = await createDesk(KBH, { weekly: [{ weekday: 5, opens: '09:30', closes: '12:30' }, { weekday: 1, opens: '09:30', closes: '12:30' }] });
      const spring = await api().get(`/desks/${desk.id}/calendar?from=2026-03-27&to=2026-03-30`).expect(200);
      expect(spring.body.days.map((day: { sessions: Array<{ startsAt: string; endsAt: string }> }) => [day.sessions[0].startsAt, day.sessions[0].endsAt])).toEqual([
        ['2026-03-27T09:30:00+01:00', '2026-03-27T12:30:00+01:00'],
        ['2026-03-30T09:30:00+02:00', '2026-03-30T12:30:00+02:00'],
      ]);
      const autumn = await api().get(`/desks/${desk.id}/calendar?from=2026-10-23&to=2026-10-26`).expect(200);
      expect(autumn.body.days.map((day: { sessions: Array<{ startsAt: string }> }) => day.sessions[0].startsAt)).toEqual([
        '2026-10-23T09:30:00+02:00',
        '2026-10-26T09:30:00+01:00',
      ]);
    });

    it('defaults to the coming week from today', async () => {
      const desk = await createDesk(KBH, { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '10:00', closes: '11:00' })) });
      const response = await api().get(`/desks/${desk.id}/calendar`).expect(200);
      expect(response.body.days).toHaveLength(7);
      expect(response.body.days[0].date).toBe(response.body.from);
      expect(response.body.days[6].date).toBe(response.body.to);
    });

    it.each([
      ['a bad date', '?from=2026-02-30', ['from']],
      ['to before from', '?from=2026-03-02&to=2026-03-01', ['to']],
      ['more than 366 days', '?from=2026-01-01&to=2027-01-02', ['to']],
      ['an unknown parameter', '?from=2026-01-01&days=3', ['days']],
    ])('%s → 400', async (_case, query, fields) => {
      const desk = await createDesk();
      expect(fieldsOf((await api().get(`/desks/${desk.id}/calendar${query}`).expect(400)).body)).toEqual(fields);
    });

    it("unknown and other tenants' desks → 404", async () => {
      const theirs = await createDesk(SLAGELSE, { areaCode: 'nordbyen' });
      await api().get(`/desks/${UNKNOWN_ID}/calendar`).expect(404);
      await api().get(`/desks/${theirs.id}/calendar`).expect(404);
    });
  });
});
