import { randomUUID } from 'node:crypto';
import { EventContract, PayloadOf, PlacementEnded, PlacementPlanned, PlacementStarted, topicName } from '@fremskudt/contracts';
import { envelopeFor, produceEvents, readTopic, waitFor } from '@fremskudt/testing';
import { copenhagenDateOf } from '../src/rules';
import { caseloadTestbed, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

describe('caseload: company placements consumed from the companies service (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('placements', { probe: false });
  const { api, inspect } = testbed;

  const register = (tenant = KBH) => testbed.registerCitizen(tenant, { readiness: 'job-ready' });
  const placements = (citizenId: string, tenant = KBH) => api(tenant).get(`/citizens/${citizenId}/placements`);
  const timeline = (citizenId: string) =>
    inspect<{ event_id: string; event_type: string; source: string; occurred: string }>(
      `SELECT event_id::text, event_type, source, to_char(occurred_on, 'YYYY-MM-DD') AS occurred
         FROM timeline_entry WHERE citizen_id = $1 AND source = 'companies' ORDER BY seq`,
      [citizenId],
    );
  const processed = (eventId: string) =>
    inspect<{ n: number }>(`SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1`, [eventId]).then(([row]) => row.n);
  const waitProcessed = (eventId: string) => waitFor(async () => (await processed(eventId)) > 0, { timeoutMs: 20_000, what: `event ${eventId} processed` });
  const produce = async <C extends EventContract>(contract: C, payload: PayloadOf<C>, tenant = KBH, id = randomUUID()) => {
    const envelope = envelopeFor(contract, payload, tenant, id);
    await produceEvents(testbed.prefix, [{ contract, envelope }]);
    return envelope;
  };
  const facts = (citizenId: string, placementId: string = randomUUID()) => {
    const common = { placementId, citizenId, companyId: '5d1f6c1e-2a8b-4c3d-9e0f-1a2b3c4d5e6f', placementType: 'company-internship' as const, hoursPerWeek: 20 };
    return {
      placementId,
      planned: { ...common, plannedStart: '2026-08-03', plannedEnd: '2026-10-30' } as PayloadOf<typeof PlacementPlanned>,
      started: { ...common, startedOn: '2026-08-04', hoursPerWeek: 25 } as PayloadOf<typeof PlacementStarted>,
      ended: { ...common, endedOn: '2026-10-16', reason: 'hired' as const } as PayloadOf<typeof PlacementEnded>,
    };
  };

  it('builds the read model and the timeline from planned, started and ended', async () => {
    const citizenId = await register();
    const { placementId, planned, started, ended } = facts(citizenId);

    const plannedEnvelope = await produce(PlacementPlanned, planned);
    await waitProcessed(plannedEnvelope.id);
    const afterPlanned = await placements(citizenId).expect(200);
    expect(afterPlanned.body).toEqual({
      citizenId,
      placements: [
        {
          id: placementId,
          companyId: planned.companyId,
          placementType: 'company-internship',
          hoursPerWeek: 20,
          status: 'planned',
          plannedStart: '2026-08-03',
          plannedEnd: '2026-10-30',
          startedOn: null,
          endedOn: null,
          endReason: null,
        },
      ],
    });

    const startedEnvelope = await produce(PlacementStarted, started);
    const endedEnvelope = await produce(PlacementEnded, ended);
    await waitProcessed(endedEnvelope.id);
    const afterEnded = await placements(citizenId).expect(200);
    expect(afterEnded.body.placements[0]).toMatchObject({
      status: 'ended',
      hoursPerWeek: 20,
      plannedStart: '2026-08-03',
      startedOn: '2026-08-04',
      endedOn: '2026-10-16',
      endReason: 'hired',
    });

    const entries = await timeline(citizenId);
    expect(entries.map(({ event_id, event_type, source }) => ({ event_id, event_type, source }))).toEqual([
      { event_id: plannedEnvelope.id, event_type: PlacementPlanned.type, source: 'companies' },
      { event_id: startedEnvelope.id, event_type: PlacementStarted.type, source: 'companies' },
      { event_id: endedEnvelope.id, event_type: PlacementEnded.type, source: 'companies' },
    ]);
    // Started and ended on their own dates; the agreement (no date in the contract) on the day it was published.
    expect(entries.map((entry) => entry.occurred)).toEqual([copenhagenDateOf(new Date(plannedEnvelope.time)), '2026-08-04', '2026-10-16']);
  });

  it('has one effect when the same event is delivered twice', async () => {
    const citizenId = await register();
    const { started } = facts(citizenId);
    const envelope = envelopeFor(PlacementStarted, started, KBH);
    await produceEvents(testbed.prefix, [
      { contract: PlacementStarted, envelope },
      { contract: PlacementStarted, envelope },
    ]);
    // A marker after both on the same key: once it is processed, both copies have been handled.
    const marker = await produce(PlacementEnded, { ...facts(citizenId, started.placementId).ended });
    await waitProcessed(marker.id);
    expect(await processed(envelope.id)).toBe(1);
    expect((await timeline(citizenId)).filter((entry) => entry.event_id === envelope.id)).toHaveLength(1);
    expect((await placements(citizenId).expect(200)).body.placements).toHaveLength(1);
  });

  it('reaches the same state when a placement’s events arrive out of order', async () => {
    const citizenId = await register();
    const { placementId, planned, started, ended } = facts(citizenId);
    await produce(PlacementEnded, ended);
    await produce(PlacementStarted, started);
    const last = await produce(PlacementPlanned, planned);
    await waitProcessed(last.id);
    const [placement] = (await placements(citizenId).expect(200)).body.placements;
    expect(placement).toEqual({
      id: placementId,
      companyId: planned.companyId,
      placementType: 'company-internship',
      hoursPerWeek: 20,
      status: 'ended',
      plannedStart: '2026-08-03',
      plannedEnd: '2026-10-30',
      startedOn: '2026-08-04',
      endedOn: '2026-10-16',
      endReason: 'hired',
    });
    expect(await timeline(citizenId)).toHaveLength(3);
  });

  it("skips (and does not dead-letter) events about unknown citizens and other tenants' citizens", async () => {
    const theirs = await register(SLAGELSE);
    const unknown = await produce(PlacementStarted, facts(UNKNOWN_ID).started);
    const otherTenant = await produce(PlacementStarted, facts(theirs).started, KBH);
    await waitProcessed(unknown.id);
    await waitProcessed(otherTenant.id);
    const rows = await inspect<{ n: number }>(
      `SELECT (SELECT count(*) FROM placement WHERE citizen_id IN ($1, $2))::int + (SELECT count(*) FROM timeline_entry WHERE citizen_id IN ($1, $2) AND source = 'companies')::int AS n`,
      [UNKNOWN_ID, theirs],
    );
    expect(rows[0].n).toBe(0);
    await placements(theirs, SLAGELSE).expect(200, { citizenId: theirs, placements: [] });
    // The consumer carried on: a later event for a known citizen is applied.
    const citizenId = await register();
    const later = await produce(PlacementPlanned, facts(citizenId).planned);
    await waitProcessed(later.id);
    expect((await placements(citizenId).expect(200)).body.placements).toHaveLength(1);
    // Nothing went to the dead-letter topic.
    await expect(readTopic(testbed.service.messaging.deadLetterTopic, 1, 2_000)).rejects.toThrow(/Timed out/);
  });

  it("answers 404 for an unknown citizen's and another tenant's citizen's placements", async () => {
    await placements(UNKNOWN_ID).expect(404);
    const theirs = await register(SLAGELSE);
    await placements(theirs, KBH).expect(404);
  });

  it('counts started internships and wage-subsidy jobs as activations (not ordinary jobs), with offers, in date order and on one clock', async () => {
    const citizenId = await testbed.registerCitizen(KBH, { readiness: 'job-ready', registeredOn: '2026-01-05' });
    const internship = facts(citizenId);
    const wageSubsidy = facts(citizenId);
    const ordinaryJob = facts(citizenId);
    const envelopes = [
      await produce(PlacementStarted, { ...internship.started, startedOn: '2026-02-02' }),
      await produce(PlacementEnded, { ...internship.ended, endedOn: '2026-03-27', reason: 'completed' }),
      await produce(PlacementStarted, { ...wageSubsidy.started, placementType: 'wage-subsidy-job', startedOn: '2026-06-01' }),
      await produce(PlacementStarted, { ...ordinaryJob.started, placementType: 'ordinary-job', startedOn: '2026-09-01' }),
      await produce(PlacementPlanned, { ...facts(citizenId).planned, plannedStart: '2026-12-01' }), // planned only
    ];
    const offer = await api().post(`/citizens/${citizenId}/offers`, { offerType: 'course', plannedStart: '2026-04-01' }).expect(201);
    await api().post(`/offers/${offer.body.id}/start`, { startedOn: '2026-04-06' }).expect(200);
    for (const envelope of envelopes) await waitProcessed(envelope.id);
    expect((await placements(citizenId).expect(200)).body.placements).toHaveLength(4);

    const response = await api().get(`/citizens/${citizenId}/activations`).expect(200);
    expect(response.body).toEqual({
      citizenId,
      lastActivationStartedOn: '2026-06-01',
      activations: [
        // Each due six months after the one before (the first after registration).
        { kind: 'placement', id: internship.placementId, type: 'company-internship', startedOn: '2026-02-02', completedOn: null, droppedOn: null, endedOn: '2026-03-27', dueDate: '2026-07-05', onTime: true },
        { kind: 'offer', id: offer.body.id, type: 'course', startedOn: '2026-04-06', completedOn: null, droppedOn: null, endedOn: null, dueDate: '2026-08-02', onTime: true },
        { kind: 'placement', id: wageSubsidy.placementId, type: 'wage-subsidy-job', startedOn: '2026-06-01', completedOn: null, droppedOn: null, endedOn: null, dueDate: '2026-10-06', onTime: true },
      ],
      nextActivationDueDate: '2026-12-01',
    });
  });

  it('records placements for citizens who have exited (the timeline keeps everything)', async () => {
    const citizenId = await register();
    await inspect(`UPDATE citizen SET status = 'exited' WHERE id = $1`, [citizenId]);
    const envelope = await produce(PlacementStarted, facts(citizenId).started);
    await waitProcessed(envelope.id);
    expect((await placements(citizenId).expect(200)).body.placements).toHaveLength(1);
    expect(await timeline(citizenId)).toHaveLength(1);
  });

  it('the placements topic is the one caseload consumes', () => {
    expect(testbed.service.messaging.topics).toEqual(expect.arrayContaining([topicName(testbed.prefix, PlacementPlanned.stream)]));
  });
});
