import { OfferCompleted, OfferDropped, OfferPlanned, OfferStarted } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addCalendarMonths, addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const course = {
  offerType: 'course',
  providerCode: 'amu-nord',
  plannedStart: '2026-09-01',
  plannedEnd: '2026-10-31',
  description: 'Hygiejnebevis og køkkenintro hos AMU Nord',
};

describe('caseload: offers (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('offers');
  const { api, inspect } = testbed;

  const register = (tenant = KBH) => testbed.registerCitizen(tenant, { areaCode: 'urbanplanen', readiness: 'job-ready' });
  const plan = (citizenId: string, body: object = course, tenant = KBH, key?: string) => api(tenant).post(`/citizens/${citizenId}/offers`, body, key);
  const act = (offerId: string, action: 'start' | 'complete' | 'drop', body: object, tenant = KBH, key?: string) =>
    api(tenant).post(`/offers/${offerId}/${action}`, body, key);
  const getOffer = (offerId: string, tenant = KBH) => api(tenant).get(`/offers/${offerId}`);
  const offerEvents = async (citizenId: string) => {
    const rows = await inspect<{ event_type: string }>(`SELECT event_type FROM outbox WHERE message_key = $1 AND event_type LIKE '%offer%' ORDER BY seq`, [citizenId]);
    return rows.map((row) => row.event_type);
  };
  const exit = (citizenId: string) =>
    inspect(
      `WITH c AS (UPDATE citizen SET status = 'exited' WHERE id = $1 RETURNING current_period_id)
       UPDATE case_period SET closed_on = current_date, exit_reason = 'moved' WHERE id = (SELECT current_period_id FROM c)`,
      [citizenId],
    );
  const plannedOffer = async () => {
    const citizenId = await register();
    const offer = await plan(citizenId).expect(201);
    return { citizenId, offerId: offer.body.id as string };
  };

  it('plans an offer, stores it and publishes OfferPlanned keyed by the citizen (without the description)', async () => {
    const citizenId = await register();
    const response = await plan(citizenId).expect(201);
    expect(response.body).toMatchObject({
      citizenId,
      offerType: 'course',
      providerCode: 'amu-nord',
      plannedStart: '2026-09-01',
      plannedEnd: '2026-10-31',
      description: course.description,
      status: 'planned',
      startedOn: null,
      completedOn: null,
      droppedOn: null,
      dropReason: null,
    });
    await getOffer(response.body.id).expect(200, response.body);
    const list = await api().get(`/citizens/${citizenId}/offers`).expect(200);
    expect(list.body).toEqual({ citizenId, offers: [response.body] });

    const [event] = await testbed.probe.waitFor(OfferPlanned, citizenId);
    expect(event).toMatchObject({ type: OfferPlanned.type, subject: citizenId, tenant: KBH });
    expect(event.data).toEqual({
      citizenId,
      offerId: response.body.id,
      offerType: 'course',
      providerCode: 'amu-nord',
      plannedStart: '2026-09-01',
      plannedEnd: '2026-10-31',
      // Registered today, no activation yet: an activation is due six months after the case period opened.
      activationDueDate: addCalendarMonths(copenhagenToday(), 6),
    });
    expect(JSON.stringify(event)).not.toContain('Hygiejne');
  });

  it('plans with only the required fields (provider and end unknown)', async () => {
    const citizenId = await register();
    const response = await plan(citizenId, { offerType: 'mentor', plannedStart: '2027-01-05' }).expect(201);
    expect(response.body).toMatchObject({ offerType: 'mentor', providerCode: null, plannedEnd: null, description: null });
    const [event] = await testbed.probe.waitFor(OfferPlanned, citizenId);
    expect(event.data).toMatchObject({ providerCode: null, plannedEnd: null });
  });

  it('starts and completes an offer, each a separate fact on the topic, in order', async () => {
    const { citizenId, offerId } = await plannedOffer();
    const started = await act(offerId, 'start', { startedOn: '2026-09-02' }).expect(200);
    expect(started.body).toMatchObject({ status: 'started', startedOn: '2026-09-02' });
    const completed = await act(offerId, 'complete', { completedOn: '2026-10-30' }).expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', startedOn: '2026-09-02', completedOn: '2026-10-30' });
    await getOffer(offerId).expect(200, completed.body);

    const [startEvent] = await testbed.probe.waitFor(OfferStarted, citizenId);
    expect(startEvent.data).toEqual({ citizenId, offerId, offerType: 'course', startedOn: '2026-09-02' });
    const [completeEvent] = await testbed.probe.waitFor(OfferCompleted, citizenId);
    expect(completeEvent.data).toEqual({ citizenId, offerId, offerType: 'course', completedOn: '2026-10-30' });
    expect(completeEvent.subject).toBe(citizenId);
    expect(await offerEvents(citizenId)).toEqual([OfferPlanned.type, OfferStarted.type, OfferCompleted.type]);

    const timeline = await inspect<{ event_type: string; occurred: string }>(
      `SELECT event_type, to_char(occurred_on, 'YYYY-MM-DD') AS occurred FROM timeline_entry WHERE citizen_id = $1 AND event_type LIKE '%offer%' ORDER BY seq`,
      [citizenId],
    );
    expect(timeline.slice(1)).toEqual([
      { event_type: OfferStarted.type, occurred: '2026-09-02' },
      { event_type: OfferCompleted.type, occurred: '2026-10-30' },
    ]);
  });

  it('drops a planned offer (wasStarted false) and a started one (wasStarted true), with the reason', async () => {
    const { citizenId, offerId } = await plannedOffer();
    const dropped = await act(offerId, 'drop', { droppedOn: '2026-08-20', reason: 'provider-cancelled' }).expect(200);
    expect(dropped.body).toMatchObject({ status: 'dropped', startedOn: null, droppedOn: '2026-08-20', dropReason: 'provider-cancelled' });
    const [event] = await testbed.probe.waitFor(OfferDropped, citizenId);
    expect(event.data).toEqual({ citizenId, offerId, offerType: 'course', droppedOn: '2026-08-20', reason: 'provider-cancelled', wasStarted: false });

    const second = await plan(citizenId, { offerType: 'language', plannedStart: '2026-09-01' }).expect(201);
    await act(second.body.id, 'start', { startedOn: '2026-09-01' }).expect(200);
    const droppedStarted = await act(second.body.id, 'drop', { droppedOn: '2026-09-01', reason: 'illness' }).expect(200);
    expect(droppedStarted.body).toMatchObject({ status: 'dropped', startedOn: '2026-09-01', droppedOn: '2026-09-01', dropReason: 'illness' });
    const events = await testbed.probe.waitFor(OfferDropped, citizenId, 2);
    expect(events[1].data).toMatchObject({ offerId: second.body.id, offerType: 'language', reason: 'illness', wasStarted: true });
  });

  describe('illegal transitions are 409 with a reason, and write nothing', () => {
    /** Runs a refused command and shows nothing changed: same offer, no new outbox row, and (after a later accepted command) no event. */
    const refused = async (citizenId: string, offerId: string, action: 'start' | 'complete' | 'drop', body: object, code: string) => {
      const before = (await getOffer(offerId).expect(200)).body;
      const eventsBefore = await offerEvents(citizenId);
      const response = await act(offerId, action, body).expect(409);
      expect(response.body).toMatchObject({ status: 409, code });
      expect(response.body.detail).toEqual(expect.any(String));
      await getOffer(offerId).expect(200, before);
      expect(await offerEvents(citizenId)).toEqual(eventsBefore);
    };

    it('completing an offer that never started → offer-not-started', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await refused(citizenId, offerId, 'complete', { completedOn: '2026-10-01' }, 'offer-not-started');
      // A later accepted command goes out; the refused one never did.
      await act(offerId, 'start', { startedOn: '2026-10-01' }).expect(200);
      await testbed.probe.waitFor(OfferStarted, citizenId);
      expect(testbed.probe.of(OfferCompleted, citizenId)).toHaveLength(0);
    });

    it('starting twice → offer-already-started', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await act(offerId, 'start', { startedOn: '2026-09-02' }).expect(200);
      await refused(citizenId, offerId, 'start', { startedOn: '2026-09-03' }, 'offer-already-started');
      await act(offerId, 'complete', { completedOn: '2026-09-30' }).expect(200);
      await testbed.probe.waitFor(OfferCompleted, citizenId);
      expect(testbed.probe.of(OfferStarted, citizenId)).toHaveLength(1);
    });

    it('anything after completion → offer-completed', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await act(offerId, 'start', { startedOn: '2026-09-02' }).expect(200);
      await act(offerId, 'complete', { completedOn: '2026-09-30' }).expect(200);
      await refused(citizenId, offerId, 'start', { startedOn: '2026-10-01' }, 'offer-completed');
      await refused(citizenId, offerId, 'complete', { completedOn: '2026-10-01' }, 'offer-completed');
      await refused(citizenId, offerId, 'drop', { droppedOn: '2026-10-01', reason: 'other' }, 'offer-completed');
    });

    it('anything after dropping → offer-dropped', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await act(offerId, 'drop', { droppedOn: '2026-08-01', reason: 'moved' }).expect(200);
      await refused(citizenId, offerId, 'start', { startedOn: '2026-09-01' }, 'offer-dropped');
      await refused(citizenId, offerId, 'complete', { completedOn: '2026-09-01' }, 'offer-dropped');
      await refused(citizenId, offerId, 'drop', { droppedOn: '2026-09-01', reason: 'moved' }, 'offer-dropped');
    });

    it('completing or dropping before the start date → offer-date-before-start', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await act(offerId, 'start', { startedOn: '2026-09-10' }).expect(200);
      await refused(citizenId, offerId, 'complete', { completedOn: '2026-09-09' }, 'offer-date-before-start');
      await refused(citizenId, offerId, 'drop', { droppedOn: '2026-09-09', reason: 'job' }, 'offer-date-before-start');
    });

    it('any command for an exited citizen → citizen-exited', async () => {
      const { citizenId, offerId } = await plannedOffer();
      await exit(citizenId);
      const eventsBefore = await offerEvents(citizenId);
      expect((await plan(citizenId).expect(409)).body.code).toBe('citizen-exited');
      await refused(citizenId, offerId, 'start', { startedOn: '2026-09-01' }, 'citizen-exited');
      await refused(citizenId, offerId, 'drop', { droppedOn: '2026-09-01', reason: 'moved' }, 'citizen-exited');
      expect(await offerEvents(citizenId)).toEqual(eventsBefore);
      const list = await api().get(`/citizens/${citizenId}/offers`).expect(200);
      expect(list.body.offers).toHaveLength(1);
    });
  });

  describe('idempotent retries', () => {
    it('planning with the same Idempotency-Key plans once and answers the same', async () => {
      const citizenId = await register();
      const first = await plan(citizenId, course, KBH, `plan-${citizenId}`).expect(201);
      const second = await plan(citizenId, course, KBH, `plan-${citizenId}`).expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      const list = await api().get(`/citizens/${citizenId}/offers`).expect(200);
      expect(list.body.offers).toHaveLength(1);
      expect(await offerEvents(citizenId)).toEqual([OfferPlanned.type]);
    });

    it.each([
      ['start', { startedOn: '2026-09-02' }, OfferStarted],
      ['complete', { completedOn: '2026-09-30' }, OfferCompleted],
      ['drop', { droppedOn: '2026-09-30', reason: 'job' }, OfferDropped],
    ] as const)('a retried %s answers the first result (not a 409) and has one effect', async (action, body, contract) => {
      const { citizenId, offerId } = await plannedOffer();
      if (action !== 'start') await act(offerId, 'start', { startedOn: '2026-09-02' }).expect(200);
      const key = `${action}-${offerId}`;
      const first = await act(offerId, action, body, KBH, key).expect(200);
      const second = await act(offerId, action, body, KBH, key).expect(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect((await offerEvents(citizenId)).filter((type) => type === contract.type)).toHaveLength(1);
      await testbed.probe.waitFor(contract, citizenId);
      // Plan another offer for the citizen: once its event arrived, no second copy of the retried one can follow.
      await plan(citizenId, { offerType: 'other', plannedStart: '2027-01-01' }).expect(201);
      await testbed.probe.waitFor(OfferPlanned, citizenId, 2);
      expect(testbed.probe.of(contract, citizenId)).toHaveLength(1);
    });
  });

  describe('bad input is 400 naming each field', () => {
    it.each([
      ['missing fields', {}, ['offerType', 'plannedStart']],
      ['a placement type (owned by the companies service)', { ...course, offerType: 'company-internship' }, ['offerType']],
      ['bad codes and dates', { ...course, providerCode: 'AMU Nord', plannedStart: '2026-02-30', plannedEnd: '01-10-2026' }, ['plannedEnd', 'plannedStart', 'providerCode']],
      ['an end before the start', { ...course, plannedEnd: '2026-08-31' }, ['plannedEnd']],
      ['unknown fields and a wrong type', { ...course, cpr: '010190-1234', description: 42 }, ['cpr', 'description']],
    ])('planning with %s', async (_case, body, fields) => {
      const citizenId = await register();
      const response = await plan(citizenId, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await offerEvents(citizenId)).toEqual([]);
    });

    it.each([
      ['start', {}, ['startedOn']],
      ['start', { startedOn: addDays(copenhagenToday(), 1) }, ['startedOn']],
      ['complete', { completedOn: '2026-13-01' }, ['completedOn']],
      ['complete', { completedOn: addDays(copenhagenToday(), 1) }, ['completedOn']],
      ['drop', { droppedOn: '2026-09-01', reason: 'bored' }, ['reason']],
      ['drop', { reason: 'job', extra: true }, ['droppedOn', 'extra']],
    ] as const)('%s with %j', async (action, body, fields) => {
      const { citizenId, offerId } = await plannedOffer();
      const response = await act(offerId, action, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      await getOffer(offerId).expect(200).expect((r) => expect(r.body.status).toBe('planned'));
      expect(await offerEvents(citizenId)).toEqual([OfferPlanned.type]);
    });
  });

  describe("unknown ids and other tenants' data are 404", () => {
    it('for planning and listing', async () => {
      await plan(UNKNOWN_ID).expect(404);
      await api().get(`/citizens/${UNKNOWN_ID}/offers`).expect(404);
      const theirs = await register(SLAGELSE);
      expect((await plan(theirs, course, KBH).expect(404)).body.code).toBe('not-found');
      await api().get(`/citizens/${theirs}/offers`).expect(404);
      expect(await offerEvents(theirs)).toEqual([]);
    });

    it('for reading and every transition', async () => {
      await getOffer(UNKNOWN_ID).expect(404);
      await act(UNKNOWN_ID, 'start', { startedOn: '2026-09-01' }).expect(404);
      const theirs = await register(SLAGELSE);
      const offer = await plan(theirs, course, SLAGELSE).expect(201);
      await getOffer(offer.body.id, KBH).expect(404);
      await act(offer.body.id, 'start', { startedOn: '2026-09-01' }, KBH).expect(404);
      await act(offer.body.id, 'complete', { completedOn: '2026-09-01' }, KBH).expect(404);
      await act(offer.body.id, 'drop', { droppedOn: '2026-09-01', reason: 'job' }, KBH).expect(404);
      await getOffer(offer.body.id, SLAGELSE).expect(200).expect((r) => expect(r.body.status).toBe('planned'));
      expect(await offerEvents(theirs)).toEqual([OfferPlanned.type]);
    });
  });

  it('lists started offers as activations with the last activation start', async () => {
    const citizenId = await register();
    const none = await api().get(`/citizens/${citizenId}/activations`).expect(200);
    // Registered today: the first activation is due six months on.
    const firstDue = addCalendarMonths(copenhagenToday(), 6);
    expect(none.body).toEqual({ citizenId, lastActivationStartedOn: null, activations: [], nextActivationDueDate: firstDue });

    const a = (await plan(citizenId, { offerType: 'course', plannedStart: '2026-03-01' }).expect(201)).body.id;
    const b = (await plan(citizenId, { offerType: 'mentor', plannedStart: '2026-01-01' }).expect(201)).body.id;
    const c = (await plan(citizenId, { offerType: 'language', plannedStart: '2026-05-01' }).expect(201)).body.id;
    await plan(citizenId, { offerType: 'education', plannedStart: '2026-06-01' }).expect(201); // never started: not an activation
    await act(a, 'start', { startedOn: '2026-03-02' }).expect(200);
    await act(a, 'complete', { completedOn: '2026-04-30' }).expect(200);
    await act(b, 'start', { startedOn: '2026-01-05' }).expect(200);
    await act(b, 'drop', { droppedOn: '2026-02-01', reason: 'illness' }).expect(200);
    await act(c, 'start', { startedOn: '2026-05-04' }).expect(200);

    const response = await api().get(`/citizens/${citizenId}/activations`).expect(200);
    expect(response.body).toEqual({
      citizenId,
      lastActivationStartedOn: '2026-05-04',
      activations: [
        { kind: 'offer', id: b, type: 'mentor', startedOn: '2026-01-05', completedOn: null, droppedOn: '2026-02-01', endedOn: '2026-02-01', dueDate: firstDue, onTime: true },
        { kind: 'offer', id: a, type: 'course', startedOn: '2026-03-02', completedOn: '2026-04-30', droppedOn: null, endedOn: '2026-04-30', dueDate: firstDue, onTime: true },
        { kind: 'offer', id: c, type: 'language', startedOn: '2026-05-04', completedOn: null, droppedOn: null, endedOn: null, dueDate: firstDue, onTime: true },
      ],
      // Started before the case period opened (registered today): none counts, the first is still due six months on.
      nextActivationDueDate: firstDue,
    });
    await api().get(`/citizens/${UNKNOWN_ID}/activations`).expect(404);
  });
});
