import request from 'supertest';
import { CitizenExited, CitizenReentered, CitizensStream, CitizenStepChanged, topicName } from '@fremskudt/contracts';
import { EventProbe, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';

const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const reentryBody = (reentryDate: string) => ({ reentryDate, areaCode: 'urbanplanen', benefitType: 'integration-benefit', readiness: 'job-ready' });

describe('caseload: exits and re-entries (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  let probe: EventProbe;
  const prefix = uniqueTopicPrefix('exit');
  const today = copenhagenToday();
  let serial = 0;

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: prefix });
    probe = await EventProbe.start(topicName(prefix, CitizensStream));
  });
  afterAll(async () => {
    await probe?.stop();
    await service?.dispose();
  });

  const post = (path: string, body: object, { tenant = 'kbh', key }: { tenant?: string; key?: string } = {}) => {
    const req = request(service.http).post(path).set('x-tenant-id', tenant);
    return (key ? req.set('idempotency-key', key) : req).send(body);
  };
  const get = (path: string, tenant = 'kbh') => request(service.http).get(path).set('x-tenant-id', tenant);
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();
  const register = async (tenant = 'kbh') => {
    serial++;
    const cpr = `${String((serial % 28) + 1).padStart(2, '0')}${String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0')}80-${1000 + serial}`;
    const body = { cpr, name: `Borger ${serial}`, areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' };
    return (await post('/citizens', body, { tenant }).expect(201)).body;
  };
  const outboxCount = async (citizenId: string, type: string) =>
    (await service.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = $2`, [citizenId, type]))[0].n;
  const periodsOf = async (citizenId: string) => (await get(`/citizens/${citizenId}/periods`).expect(200)).body;

  describe('POST /citizens/:id/exit', () => {
    it('closes the open period, marks the citizen exited and publishes CitizenExited (job is positive)', async () => {
      const citizen = await register();
      const exited = await post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: today }).expect(200);
      expect(exited.body).toEqual({ ...citizen, status: 'exited' });
      await get(`/citizens/${citizen.id}`).expect(200, exited.body);
      expect(await periodsOf(citizen.id)).toEqual([{ id: citizen.currentPeriodId, openedOn: today, closedOn: today, exitReason: 'job', current: true }]);

      const [event] = await probe.waitFor(CitizenExited, citizen.id);
      expect(event).toMatchObject({ subject: citizen.id, tenant: 'kbh' });
      expect(event.data).toEqual({ citizenId: citizen.id, periodId: citizen.currentPeriodId, reason: 'job', exitDate: today, positive: true });
    });

    it.each([
      ['education', true],
      ['other-self-sufficiency', false],
      ['early-retirement', false],
      ['flex-job', false],
      ['moved', false],
      ['other', false],
    ])('an exit for %s is positive: %s', async (reason, positive) => {
      const citizen = await register();
      await post(`/citizens/${citizen.id}/exit`, { reason, exitDate: today }).expect(200);
      expect((await probe.waitFor(CitizenExited, citizen.id))[0].data).toMatchObject({ reason, positive });
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const citizen = await register();
      const first = await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }, { key: 'exit-retry-1' }).expect(200);
      const retry = await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }, { key: 'exit-retry-1' }).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      // A later event about the citizen arrives after any duplicate would have.
      await post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      await probe.waitFor(CitizenReentered, citizen.id);
      expect(probe.of(CitizenExited, citizen.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['exitDate', 'reason']],
      ['an unknown reason and an impossible date', { reason: 'holiday', exitDate: '2025-04-31' }, ['exitDate', 'reason']],
      ['a date with a time and an unknown field', { reason: 'job', exitDate: '2025-04-01T12:00', note: 'fik job' }, ['exitDate', 'note']],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const citizen = await register();
      const response = await post(`/citizens/${citizen.id}/exit`, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      await get(`/citizens/${citizen.id}`).expect(200, citizen);
      expect(await outboxCount(citizen.id, CitizenExited.type)).toBe(0);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const foreign = await register('slagelse');
      await post(`/citizens/${UNKNOWN_ID}/exit`, { reason: 'job', exitDate: today }).expect(404);
      await post(`/citizens/${foreign.id}/exit`, { reason: 'job', exitDate: today }).expect(404);
      await get(`/citizens/${foreign.id}`, 'slagelse').expect(200, foreign);
      expect(await outboxCount(foreign.id, CitizenExited.type)).toBe(0);
    });

    it('refuses to exit an exited citizen (citizen-exited) and an exit before the period began, writing nothing', async () => {
      const citizen = await register();
      const early = await post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: addDays(today, -1) }).expect(409);
      expect(early.body.code).toBe('exit-before-period-start');
      await get(`/citizens/${citizen.id}`).expect(200, citizen);
      expect((await periodsOf(citizen.id))[0]).toMatchObject({ closedOn: null, exitReason: null });

      const exited = (await post(`/citizens/${citizen.id}/exit`, { reason: 'education', exitDate: today }).expect(200)).body;
      const again = await post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: addDays(today, 1) }).expect(409);
      expect(again.body.code).toBe('citizen-exited');
      await get(`/citizens/${citizen.id}`).expect(200, exited);
      expect((await periodsOf(citizen.id))[0]).toMatchObject({ closedOn: today, exitReason: 'education' });
      await post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      await probe.waitFor(CitizenReentered, citizen.id);
      expect(probe.of(CitizenExited, citizen.id).map((event) => event.data.reason)).toEqual(['education']);
    });
  });

  describe('POST /citizens/:id/reentry', () => {
    it('opens a new period, keeps the old one, makes the citizen active with the new profile and publishes CitizenReentered', async () => {
      const citizen = await register();
      const reentryDate = addDays(today, 14);
      await post(`/citizens/${citizen.id}/exit`, { reason: 'other', exitDate: today }).expect(200);
      const reentered = await post(`/citizens/${citizen.id}/reentry`, reentryBody(reentryDate)).expect(200);
      expect(reentered.body).toEqual({
        ...citizen,
        status: 'active',
        areaCode: 'urbanplanen',
        benefitType: 'integration-benefit',
        readiness: 'job-ready',
        currentPeriodId: expect.any(String),
      });
      const newPeriodId = reentered.body.currentPeriodId;
      expect(newPeriodId).not.toBe(citizen.currentPeriodId);
      await get(`/citizens/${citizen.id}`).expect(200, reentered.body);
      expect(await periodsOf(citizen.id)).toEqual([
        { id: citizen.currentPeriodId, openedOn: today, closedOn: today, exitReason: 'other', current: false },
        { id: newPeriodId, openedOn: reentryDate, closedOn: null, exitReason: null, current: true },
      ]);

      const [event] = await probe.waitFor(CitizenReentered, citizen.id);
      expect(event.data).toEqual({
        citizenId: citizen.id,
        periodId: newPeriodId,
        previousPeriodId: citizen.currentPeriodId,
        reentryDate,
        areaCode: 'urbanplanen',
        benefitType: 'integration-benefit',
        readiness: 'job-ready',
      });

      // Active again: commands work, and a second exit closes the second period.
      await request(service.http).patch(`/citizens/${citizen.id}`).set('x-tenant-id', 'kbh').send({ step: 2, effectiveDate: reentryDate }).expect(200);
      await probe.waitFor(CitizenStepChanged, citizen.id);
      await post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: reentryDate }).expect(200);
      const exits = await probe.waitFor(CitizenExited, citizen.id, 2);
      expect(exits[1].data).toMatchObject({ periodId: newPeriodId, exitDate: reentryDate, positive: true });
      expect((await periodsOf(citizen.id)).map((period: { closedOn: string }) => period.closedOn)).toEqual([today, reentryDate]);
    });

    it('accepts a re-entry on the exit date itself', async () => {
      const citizen = await register();
      await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200);
      await post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      expect((await periodsOf(citizen.id)).map((period: { current: boolean }) => period.current)).toEqual([false, true]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const citizen = await register();
      await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200);
      const first = await post(`/citizens/${citizen.id}/reentry`, reentryBody(today), { key: 'reentry-retry-1' }).expect(200);
      const retry = await post(`/citizens/${citizen.id}/reentry`, reentryBody(today), { key: 'reentry-retry-1' }).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await periodsOf(citizen.id)).toHaveLength(2);
      await post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: today }).expect(200);
      await probe.waitFor(CitizenExited, citizen.id, 2);
      expect(probe.of(CitizenReentered, citizen.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['areaCode', 'benefitType', 'readiness', 'reentryDate']],
      [
        'bad values and unknown fields',
        { reentryDate: '2025-13-01', areaCode: 'Urban Planen', benefitType: 'pension', readiness: 'soon', matchGroup: 2 },
        ['areaCode', 'benefitType', 'matchGroup', 'readiness', 'reentryDate'],
      ],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const citizen = await register();
      const exited = (await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200)).body;
      const response = await post(`/citizens/${citizen.id}/reentry`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      await get(`/citizens/${citizen.id}`).expect(200, exited);
      expect(await periodsOf(citizen.id)).toHaveLength(1);
      expect(await outboxCount(citizen.id, CitizenReentered.type)).toBe(0);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const foreign = await register('slagelse');
      await post(`/citizens/${foreign.id}/exit`, { reason: 'moved', exitDate: today }, { tenant: 'slagelse' }).expect(200);
      await post(`/citizens/${UNKNOWN_ID}/reentry`, reentryBody(today)).expect(404);
      await post(`/citizens/${foreign.id}/reentry`, reentryBody(today)).expect(404);
      await get(`/citizens/${foreign.id}/periods`).expect(404);
      await get(`/citizens/${UNKNOWN_ID}/periods`).expect(404);
      expect((await get(`/citizens/${foreign.id}`, 'slagelse').expect(200)).body.status).toBe('exited');
      expect(await outboxCount(foreign.id, CitizenReentered.type)).toBe(0);
    });

    it('refuses re-entry of an active citizen (citizen-active) and before the last exit (reentry-before-exit), writing nothing', async () => {
      const citizen = await register();
      const active = await post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(409);
      expect(active.body.code).toBe('citizen-active');
      await get(`/citizens/${citizen.id}`).expect(200, citizen);

      const exitDate = addDays(today, 10);
      const exited = (await post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate }).expect(200)).body;
      const early = await post(`/citizens/${citizen.id}/reentry`, reentryBody(addDays(exitDate, -1))).expect(409);
      expect(early.body.code).toBe('reentry-before-exit');
      await get(`/citizens/${citizen.id}`).expect(200, exited);
      expect(await periodsOf(citizen.id)).toHaveLength(1);

      await post(`/citizens/${citizen.id}/reentry`, reentryBody(exitDate)).expect(200);
      const reentries = await probe.waitFor(CitizenReentered, citizen.id);
      expect(reentries.map((event) => event.data.reentryDate)).toEqual([exitDate]);
      expect(await outboxCount(citizen.id, CitizenReentered.type)).toBe(1);
    });
  });
});
