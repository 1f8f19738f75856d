import { randomUUID } from 'node:crypto';
import { PlacementEnded, PlacementPlanned, PlacementsStream, PlacementStarted } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/shared/calendar';
import { companiesTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = copenhagenToday();

describe('companies: placements of citizens in companies (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('placements', { probe: PlacementsStream });
  const { api, rowCount, registerCompany, knownCitizen, exitCitizen, publishOpening } = testbed;

  let companyId: string;
  beforeAll(async () => {
    companyId = (await registerCompany()).id;
  });

  const plan = (citizenId: string, overrides: Record<string, unknown> = {}) => ({
    citizenId,
    companyId,
    placementType: 'company-internship',
    plannedStart: '2026-03-02',
    plannedEnd: '2026-05-29',
    hoursPerWeek: 37,
    ...overrides,
  });

  /** Rows and outbox messages, so a refusal can be shown to have written nothing. */
  const written = async () => [await rowCount('placement'), await rowCount('outbox')];

  describe('the life of a placement', () => {
    it('plans, starts and ends a placement, each with its event carrying type, hours, company and citizen', async () => {
      const citizenId = await knownCitizen();
      const planned = await api().post('/placements', plan(citizenId, { mentorStaffId: randomUUID(), companyMentor: 'Hanne Holm' })).expect(201);
      expect(planned.body).toEqual({
        id: expect.any(String),
        citizenId,
        companyId,
        openingId: null,
        placementType: 'company-internship',
        hoursPerWeek: 37,
        fullTime: true,
        status: 'planned',
        plannedStart: '2026-03-02',
        plannedEnd: '2026-05-29',
        startedOn: null,
        endedOn: null,
        endReason: null,
        mentorStaffId: expect.any(String),
        companyMentor: 'Hanne Holm',
      });
      const id = planned.body.id;
      const common = { placementId: id, citizenId, companyId, placementType: 'company-internship' };
      const [plannedEvent] = await testbed.probe.waitFor(PlacementPlanned, id);
      expect(plannedEvent.data).toEqual({ ...common, hoursPerWeek: 37, plannedStart: '2026-03-02', plannedEnd: '2026-05-29' });
      expect(JSON.stringify(plannedEvent)).not.toContain('Hanne');

      const started = await api().post(`/placements/${id}/start`, { startedOn: shift(today, -7), hoursPerWeek: 32 }).expect(200);
      expect(started.body).toMatchObject({ status: 'started', startedOn: shift(today, -7), hoursPerWeek: 32 });
      const [startedEvent] = await testbed.probe.waitFor(PlacementStarted, id);
      expect(startedEvent.data).toEqual({ ...common, hoursPerWeek: 32, startedOn: shift(today, -7) });

      const ended = await api().post(`/placements/${id}/end`, { endedOn: today, reason: 'hired' }).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endedOn: today, endReason: 'hired' });
      const [endedEvent] = await testbed.probe.waitFor(PlacementEnded, id);
      expect(endedEvent.data).toEqual({ ...common, hoursPerWeek: 32, endedOn: today, reason: 'hired' });
      expect(await testbed.outboxTypes(id)).toEqual([PlacementPlanned.type, PlacementStarted.type, PlacementEnded.type]);
      await api().get(`/placements/${id}`).expect(200, ended.body);
    });

    it('ends a planned placement the company cancelled before it began (never started)', async () => {
      const citizenId = await knownCitizen();
      const planned = await api().post('/placements', plan(citizenId)).expect(201);
      const ended = await api().post(`/placements/${planned.body.id}/end`, { endedOn: today, reason: 'cancelled-by-company' }).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', startedOn: null, endReason: 'cancelled-by-company' });
      // It never took place, so the same period is free for another full-time placement.
      await api().post('/placements', plan(citizenId)).expect(201);
    });

    it('ends a placement that never started only as called off (409 for completed or hired), writing nothing', async () => {
      const citizenId = await knownCitizen();
      const planned = await api().post('/placements', plan(citizenId)).expect(201);
      const before = await written();
      for (const reason of ['completed', 'hired']) {
        expect((await api().post(`/placements/${planned.body.id}/end`, { endedOn: today, reason }).expect(409)).body.code).toBe('placement-not-started');
      }
      expect(await written()).toEqual(before);
      expect((await api().post(`/placements/${planned.body.id}/end`, { endedOn: today, reason: 'dropped-out' }).expect(200)).body.endReason).toBe('dropped-out');
    });

    it('answers retries of plan, start and end with the same Idempotency-Key with the first answers and one event each', async () => {
      const citizenId = await knownCitizen();
      const body = plan(citizenId);
      const first = await api().post('/placements', body, 'plan-retry').expect(201);
      const again = await api().post('/placements', body, 'plan-retry').expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const id = first.body.id;
      await api().post(`/placements/${id}/start`, { startedOn: today }, 'start-retry').expect(200);
      expect((await api().post(`/placements/${id}/start`, { startedOn: today }, 'start-retry').expect(200)).headers['idempotent-replayed']).toBe('true');
      await api().post(`/placements/${id}/end`, { endedOn: today, reason: 'completed' }, 'end-retry').expect(200);
      expect((await api().post(`/placements/${id}/end`, { endedOn: today, reason: 'completed' }, 'end-retry').expect(200)).headers['idempotent-replayed']).toBe('true');
      expect(await testbed.outboxTypes(id)).toEqual([PlacementPlanned.type, PlacementStarted.type, PlacementEnded.type]);
      expect((await api().get(`/placements?citizenId=${citizenId}`).expect(200)).body).toHaveLength(1);
    });

    it('refuses to start what is not planned, or to end twice (409), writing nothing', async () => {
      const citizenId = await knownCitizen();
      const { body } = await api().post('/placements', plan(citizenId)).expect(201);
      await api().post(`/placements/${body.id}/start`, { startedOn: today }).expect(200);
      const before = await written();
      expect((await api().post(`/placements/${body.id}/start`, { startedOn: today }).expect(409)).body.code).toBe('placement-not-planned');
      await api().post(`/placements/${body.id}/end`, { endedOn: today, reason: 'dropped-out' }).expect(200);
      const afterEnd = await written();
      expect(afterEnd[1]).toBe(before[1] + 1);
      expect((await api().post(`/placements/${body.id}/end`, { endedOn: today, reason: 'completed' }).expect(409)).body.code).toBe('placement-ended');
      expect((await api().post(`/placements/${body.id}/start`, { startedOn: today }).expect(409)).body.code).toBe('placement-not-planned');
      expect(await written()).toEqual(afterEnd);
    });
  });

  describe('refusals: 409 with the reason, and nothing written', () => {
    it('a citizen the tenant’s outreach team does not have (never registered, or another tenant’s)', async () => {
      const elsewhere = await knownCitizen(SLAGELSE, 'nordbyen');
      for (const citizenId of [UNKNOWN_ID, elsewhere]) {
        const before = await written();
        const response = await api().post('/placements', plan(citizenId)).expect(409);
        expect(response.body).toMatchObject({ code: 'citizen-unknown', title: 'Kan ikke udføres i den nuværende tilstand', detail: expect.stringContaining(citizenId) });
        expect(await written()).toEqual(before);
      }
      const en = await api().post('/placements', plan(UNKNOWN_ID)).set('accept-language', 'en').expect(409);
      expect(en.body.title).toBe('Conflicts with the current state');
    });

    it('a citizen who has exited: neither planned nor started', async () => {
      const citizenId = await knownCitizen();
      const planned = await api().post('/placements', plan(citizenId)).expect(201);
      await exitCitizen(citizenId);
      const before = await written();
      expect((await api().post('/placements', plan(citizenId, { plannedStart: '2027-01-04', plannedEnd: undefined })).expect(409)).body.code).toBe('citizen-exited');
      expect((await api().post(`/placements/${planned.body.id}/start`, { startedOn: today }).expect(409)).body.code).toBe('citizen-exited');
      expect(await written()).toEqual(before);
      // Ending what was planned still works: the company cancels.
      await api().post(`/placements/${planned.body.id}/end`, { endedOn: today, reason: 'cancelled-by-company' }).expect(200);
    });

    it('an unknown, another tenant’s, or inactive company', async () => {
      const citizenId = await knownCitizen();
      const other = await registerCompany(SLAGELSE);
      const inactive = await registerCompany(KBH, { status: 'inactive' });
      const before = await written();
      expect((await api().post('/placements', plan(citizenId, { companyId: UNKNOWN_ID })).expect(409)).body.code).toBe('company-unknown');
      expect((await api().post('/placements', plan(citizenId, { companyId: other.id })).expect(409)).body.code).toBe('company-unknown');
      expect((await api().post('/placements', plan(citizenId, { companyId: inactive.id })).expect(409)).body.code).toBe('company-inactive');
      expect(await written()).toEqual(before);
    });

    it('an opening that is unknown, another company’s, or no longer open; an open one of the company is taken', async () => {
      const citizenId = await knownCitizen();
      const otherCompany = await registerCompany();
      const ownOpening = await publishOpening(companyId);
      const othersOpening = await publishOpening(otherCompany.id);
      const filledOpening = await publishOpening(companyId);
      await api().post(`/openings/${filledOpening.id}/fill`, {}).expect(200);
      const before = await written();
      expect((await api().post('/placements', plan(citizenId, { openingId: UNKNOWN_ID })).expect(409)).body.code).toBe('opening-unknown');
      expect((await api().post('/placements', plan(citizenId, { openingId: othersOpening.id })).expect(409)).body.code).toBe('opening-of-other-company');
      expect((await api().post('/placements', plan(citizenId, { openingId: filledOpening.id })).expect(409)).body.code).toBe('opening-not-open');
      expect(await written()).toEqual(before);
      expect((await api().post('/placements', plan(citizenId, { openingId: ownOpening.id })).expect(201)).body.openingId).toBe(ownOpening.id);
    });
  });

  describe('one full-time placement at a time', () => {
    it('refuses a second full-time placement in an overlapping period, and takes part-time and back-to-back ones', async () => {
      const citizenId = await knownCitizen();
      const first = await api().post('/placements', plan(citizenId, { hoursPerWeek: 37, plannedStart: '2026-03-02', plannedEnd: '2026-05-29' })).expect(201);

      const before = await written();
      const clash = await api().post('/placements', plan(citizenId, { hoursPerWeek: 30, plannedStart: '2026-05-29', plannedEnd: '2026-08-28' })).expect(409);
      expect(clash.body).toMatchObject({ code: 'full-time-overlap', detail: expect.stringContaining(first.body.id) });
      const openEnded = await api().post('/placements', plan(citizenId, { plannedStart: '2026-01-05', plannedEnd: undefined })).expect(409);
      expect(openEnded.body.code).toBe('full-time-overlap');
      expect(await written()).toEqual(before);

      const partTime = await api().post('/placements', plan(citizenId, { placementType: 'part-time-job', hoursPerWeek: 15, plannedStart: '2026-04-01', plannedEnd: undefined })).expect(201);
      expect(partTime.body.fullTime).toBe(false);
      await api().post('/placements', plan(citizenId, { placementType: 'wage-subsidy-job', plannedStart: '2026-06-01', plannedEnd: '2026-11-30' })).expect(201);
      // Another citizen is not held back by this one's placements.
      await api().post('/placements', plan(await knownCitizen(), { plannedStart: '2026-04-01' })).expect(201);
    });

    it('refuses a start that moves a placement into another full-time placement’s period', async () => {
      const citizenId = await knownCitizen();
      const current = await api().post('/placements', plan(citizenId, { plannedStart: shift(today, -60), plannedEnd: shift(today, -10) })).expect(201);
      await api().post(`/placements/${current.body.id}/start`, { startedOn: shift(today, -60) }).expect(200);
      const next = await api().post('/placements', plan(citizenId, { plannedStart: shift(today, -5), plannedEnd: shift(today, 60) })).expect(201);
      const before = await written();
      // Starting early puts it inside the first placement's (planned) period.
      expect((await api().post(`/placements/${next.body.id}/start`, { startedOn: shift(today, -20) }).expect(409)).body.code).toBe('full-time-overlap');
      expect(await written()).toEqual(before);
      await api().post(`/placements/${next.body.id}/start`, { startedOn: shift(today, -5) }).expect(200);
    });

    it('follows the tenant’s full-time threshold', async () => {
      const tenant = 'roskilde';
      const company = await registerCompany(tenant);
      const citizenId = await knownCitizen(tenant);
      const twentyFive = { citizenId, companyId: company.id, placementType: 'company-internship', plannedStart: '2026-03-02', plannedEnd: '2026-05-29', hoursPerWeek: 25 };
      await api(tenant).post('/placements', twentyFive).expect(201);
      // 25 hours is part-time under the default threshold of 30 ...
      await api(tenant).post('/placements', twentyFive).expect(201);
      await api(tenant).put('/settings', { fullTimeHoursPerWeek: 25 }).expect(200);
      // ... and full-time once the tenant says so.
      expect((await api(tenant).post('/placements', twentyFive).expect(409)).body.code).toBe('full-time-overlap');
      expect((await api(tenant).get(`/placements?citizenId=${citizenId}`).expect(200)).body.map((p: { fullTime: boolean }) => p.fullTime)).toEqual([true, true]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['missing fields', {}, ['citizenId', 'companyId', 'hoursPerWeek', 'placementType', 'plannedStart']],
      ['an unknown type, too many hours, no real date', { placementType: 'volunteering', hoursPerWeek: 80, plannedStart: '2026-02-30' }, ['hoursPerWeek', 'placementType', 'plannedStart']],
      ['an end before the start', { plannedEnd: '2026-03-01' }, ['plannedEnd']],
      ['ids that are no uuids', { citizenId: 'x', companyId: 'y', openingId: 'z', mentorStaffId: 'w' }, ['citizenId', 'companyId', 'mentorStaffId', 'openingId']],
    ])('%s → 400 naming the fields, nothing written', async (_case, overrides, fields) => {
      const before = await written();
      const body = Object.keys(overrides).length ? plan(await knownCitizen(), overrides) : {};
      const response = await api().post('/placements', body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await written())[1]).toBe(before[1]);
    });

    it('a start in the future, an end before the start, an unknown reason → 400; unknown placements → 404', async () => {
      const citizenId = await knownCitizen();
      const { body } = await api().post('/placements', plan(citizenId)).expect(201);
      expect(fieldsOf((await api().post(`/placements/${body.id}/start`, { startedOn: shift(today, 1) }).expect(400)).body)).toEqual(['startedOn']);
      await api().post(`/placements/${body.id}/start`, { startedOn: shift(today, -3) }).expect(200);
      expect(fieldsOf((await api().post(`/placements/${body.id}/end`, { endedOn: shift(today, -4), reason: 'completed' }).expect(400)).body)).toEqual(['endedOn']);
      expect(fieldsOf((await api().post(`/placements/${body.id}/end`, { endedOn: today, reason: 'bored' }).expect(400)).body)).toEqual(['reason']);
      await api().post(`/placements/${UNKNOWN_ID}/start`, { startedOn: today }).expect(404);
      await api(SLAGELSE).post(`/placements/${body.id}/end`, { endedOn: today, reason: 'completed' }).expect(404);
      await api(SLAGELSE).get(`/placements/${body.id}`).expect(404);
      expect((await api().get(`/placements/${body.id}`).expect(200)).body.status).toBe('started');
    });
  });

  it('lists placements by citizen, company and status', async () => {
    const citizenId = await knownCitizen();
    const otherCompany = await registerCompany();
    const a = await api().post('/placements', plan(citizenId, { plannedStart: '2026-01-05', plannedEnd: '2026-02-27' })).expect(201);
    const b = await api().post('/placements', plan(citizenId, { companyId: otherCompany.id, plannedStart: '2026-03-02', plannedEnd: undefined })).expect(201);
    await api().post(`/placements/${b.body.id}/start`, { startedOn: '2026-03-02' }).expect(200);
    const ids = async (query: string) => ((await api().get(`/placements${query}`).expect(200)).body as Array<{ id: string }>).map((p) => p.id);
    expect(await ids(`?citizenId=${citizenId}`)).toEqual([a.body.id, b.body.id]);
    expect(await ids(`?citizenId=${citizenId}&status=started`)).toEqual([b.body.id]);
    expect(await ids(`?companyId=${otherCompany.id}`)).toEqual([b.body.id]);
    expect(fieldsOf((await api().get('/placements?status=paused').expect(400)).body)).toEqual(['status']);
  });
});
