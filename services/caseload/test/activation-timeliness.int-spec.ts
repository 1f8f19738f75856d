import { randomUUID } from 'node:crypto';
import { ActivationStarted, EventContract, OfferPlanned, PayloadOf, PlacementEnded, PlacementStarted } from '@fremskudt/contracts';
import { envelopeFor, produceEvents, waitFor } from '@fremskudt/testing';
import { caseloadTestbed, KBH } from './support/testbed';

/**
 * Activation timeliness on caseload's topic: a planned offer carries the activation due date it
 * answers, and every activation that starts (an offer, or an internship or wage-subsidy job from
 * the companies service) publishes ActivationStarted with its due date, whether it was on time,
 * and when the next one is due: six months after the latest start, the first six months after
 * the case period opened.
 */
describe('caseload: activation due dates on the citizens topic (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('activation-timeliness');
  const { api, inspect } = testbed;

  const register = (registeredOn: string) => testbed.registerCitizen(KBH, { registeredOn });
  const planOffer = async (citizenId: string, offerType: string, plannedStart: string): Promise<string> =>
    (await api().post(`/citizens/${citizenId}/offers`, { offerType, plannedStart }).expect(201)).body.id;
  const startOffer = (offerId: string, startedOn: string) => api().post(`/offers/${offerId}/start`, { startedOn }).expect(200);
  /** The ActivationStarted events about the citizen in the outbox, in the order they were written. */
  const activationsInOutbox = async (citizenId: string) =>
    (await inspect<{ value: string }>(`SELECT value FROM outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq`, [citizenId, ActivationStarted.type])).map(
      (row) => JSON.parse(row.value) as PayloadOf<typeof ActivationStarted>,
    );
  const produce = async <C extends EventContract>(contract: C, payload: PayloadOf<C>) => {
    const envelope = envelopeFor(contract, payload, KBH);
    await produceEvents(testbed.prefix, [{ contract, envelope }]);
    return envelope;
  };
  const processed = async (eventId: string) =>
    waitFor(async () => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1`, [eventId]))[0].n > 0, {
      timeoutMs: 20_000,
      what: `event ${eventId} processed`,
    });
  const placement = (citizenId: string, placementType: PayloadOf<typeof PlacementStarted>['placementType'], startedOn: string) => ({
    placementId: randomUUID(),
    citizenId,
    companyId: randomUUID(),
    placementType,
    hoursPerWeek: 20,
    startedOn,
  });

  it('plans an offer with the due date it answers and measures its start against it', async () => {
    const citizenId = await register('2016-01-15');
    const first = await planOffer(citizenId, 'course', '2016-06-01');
    const [planned] = await testbed.probe.waitFor(OfferPlanned, citizenId);
    expect(planned.data).toMatchObject({ offerId: first, plannedStart: '2016-06-01', activationDueDate: '2016-07-15' });

    await startOffer(first, '2016-06-01');
    const [started] = await testbed.probe.waitFor(ActivationStarted, citizenId);
    expect(started).toMatchObject({ type: ActivationStarted.type, subject: citizenId, tenant: KBH });
    expect(started.data).toEqual({
      citizenId,
      activationId: first,
      activationKind: 'offer',
      activationType: 'course',
      startedOn: '2016-06-01',
      dueDate: '2016-07-15',
      onTime: true,
      nextDueDate: '2016-12-01',
    });

    // The next one is due six months after the first started; planned and started after that, it is late.
    const second = await planOffer(citizenId, 'language', '2016-12-12');
    const plans = await testbed.probe.waitFor(OfferPlanned, citizenId, 2);
    expect(plans[1].data).toMatchObject({ offerId: second, activationDueDate: '2016-12-01' });
    await startOffer(second, '2016-12-12');
    const activations = await testbed.probe.waitFor(ActivationStarted, citizenId, 2);
    expect(activations[1].data).toMatchObject({ activationId: second, activationType: 'language', dueDate: '2016-12-01', onTime: false, nextDueDate: '2017-06-12' });

    // The offer's own events are in the timeline; the measurement is not a second entry there.
    const timeline = await inspect<{ event_type: string }>(`SELECT event_type FROM timeline_entry WHERE citizen_id = $1`, [citizenId]);
    expect(timeline.map((row) => row.event_type)).not.toContain(ActivationStarted.type);
  });

  it('a refused start publishes no measurement', async () => {
    const citizenId = await register('2016-02-01');
    const offerId = await planOffer(citizenId, 'mentor', '2016-03-01');
    await startOffer(offerId, '2016-03-01');
    expect((await api().post(`/offers/${offerId}/start`, { startedOn: '2016-03-02' }).expect(409)).body.code).toEqual(expect.any(String));
    expect(await activationsInOutbox(citizenId)).toHaveLength(1);
  });

  it('counts an internship or wage-subsidy job from the companies service as an activation, once; other placements not', async () => {
    const citizenId = await register('2016-01-15');
    const internship = placement(citizenId, 'company-internship', '2016-08-01');
    const envelope = await produce(PlacementStarted, internship);
    await processed(envelope.id);
    // The same event redelivered, the start published again under a new id, and the end: no second measurement.
    await produceEvents(testbed.prefix, [{ contract: PlacementStarted, envelope }]);
    const again = await produce(PlacementStarted, internship);
    const { startedOn: _startedOn, ...common } = internship;
    const ended = await produce(PlacementEnded, { ...common, endedOn: '2016-10-01', reason: 'completed' });
    // An ordinary job is a way off benefit, not an activation.
    const job = await produce(PlacementStarted, placement(citizenId, 'ordinary-job', '2016-09-01'));
    await Promise.all([again, ended, job].map((e) => processed(e.id)));

    // A later offer runs on the same clock: due six months after the internship started.
    const offerId = await planOffer(citizenId, 'course', '2016-12-01');
    await startOffer(offerId, '2016-12-01');
    expect(await activationsInOutbox(citizenId)).toEqual([
      {
        citizenId,
        activationId: internship.placementId,
        activationKind: 'placement',
        activationType: 'company-internship',
        startedOn: '2016-08-01',
        dueDate: '2016-07-15',
        onTime: false,
        nextDueDate: '2017-02-01',
      },
      { citizenId, activationId: offerId, activationKind: 'offer', activationType: 'course', startedOn: '2016-12-01', dueDate: '2017-02-01', onTime: true, nextDueDate: '2017-06-01' },
    ]);

    const wageSubsidy = placement(citizenId, 'wage-subsidy-job', '2017-03-01');
    await processed((await produce(PlacementStarted, wageSubsidy)).id);
    expect((await activationsInOutbox(citizenId))[2]).toMatchObject({ activationKind: 'placement', activationType: 'wage-subsidy-job', dueDate: '2017-06-01', onTime: true });
  });

  it('starts the clock afresh when the citizen re-enters', async () => {
    const citizenId = await register('2015-06-01');
    await startOffer(await planOffer(citizenId, 'course', '2015-09-01'), '2015-09-01');
    await api().post(`/citizens/${citizenId}/exit`, { reason: 'job', exitDate: '2015-10-01' }).expect(200);
    await api().post(`/citizens/${citizenId}/reentry`, { reentryDate: '2016-02-10', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' }).expect(200);

    // Measured from the re-entry, not from the offer of the earlier period.
    const offerId = await planOffer(citizenId, 'mentor', '2016-08-01');
    const plans = await testbed.probe.waitFor(OfferPlanned, citizenId, 2);
    expect(plans[1].data).toMatchObject({ offerId, activationDueDate: '2016-08-10' });
    await startOffer(offerId, '2016-08-01');
    expect((await activationsInOutbox(citizenId))[1]).toMatchObject({ activationId: offerId, dueDate: '2016-08-10', onTime: true, nextDueDate: '2017-02-01' });

    // The consultant's view shows each start against its due date, each period on its own clock, and when the next is due.
    const view = (await api().get(`/citizens/${citizenId}/activations`).expect(200)).body;
    expect(view.activations.map(({ type, startedOn, dueDate, onTime }: Record<string, unknown>) => ({ type, startedOn, dueDate, onTime }))).toEqual([
      { type: 'course', startedOn: '2015-09-01', dueDate: '2015-12-01', onTime: true },
      { type: 'mentor', startedOn: '2016-08-01', dueDate: '2016-08-10', onTime: true },
    ]);
    expect(view.nextActivationDueDate).toBe('2017-02-01');

    // Exited: no activation is due.
    await testbed.markExited(citizenId);
    expect((await api().get(`/citizens/${citizenId}/activations`).expect(200)).body).toMatchObject({ nextActivationDueDate: null, activations: [{ onTime: true }, { onTime: true }] });
  });

  it('shows a late start as late in the citizen’s activations, and the next due counting it', async () => {
    const citizenId = await register('2016-01-15');
    const first = await planOffer(citizenId, 'course', '2016-09-01');
    await startOffer(first, '2016-09-01');
    const view = (await api().get(`/citizens/${citizenId}/activations`).expect(200)).body;
    expect(view).toMatchObject({
      lastActivationStartedOn: '2016-09-01',
      activations: [{ id: first, startedOn: '2016-09-01', dueDate: '2016-07-15', onTime: false }],
      nextActivationDueDate: '2017-03-01',
    });
  });
});
