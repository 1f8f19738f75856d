import { CitizenExited, CitizenReentered, CitizenStepChanged } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const reentryBody = (reentryDate: string) => ({ reentryDate, areaCode: 'urbanplanen', benefitType: 'integration-benefit', readiness: 'job-ready' });

describe('caseload: exits and re-entries (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('exit');
  const { api, registerCitizenView, inspect } = testbed;
  const today = copenhagenToday();

  const outboxCount = async (citizenId: string, type: string) =>
    (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = $2`, [citizenId, type]))[0].n;
  const periodsOf = async (citizenId: string) => (await api().get(`/citizens/${citizenId}/periods`).expect(200)).body;

  describe('POST /citizens/:id/exit', () => {
    it('closes the open period, marks the citizen exited and publishes CitizenExited (job is positive)', async () => {
      const citizen = await registerCitizenView();
      const exited = await api().post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: today }).expect(200);
      expect(exited.body).toEqual({ ...citizen, status: 'exited' });
      await api().get(`/citizens/${citizen.id}`).expect(200, exited.body);
      expect(await periodsOf(citizen.id)).toEqual([{ id: citizen.currentPeriodId, openedOn: today, closedOn: today, exitReason: 'job', current: true }]);

      const [event] = await testbed.probe.waitFor(CitizenExited, citizen.id);
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
      const citizen = await registerCitizenView();
      await api().post(`/citizens/${citizen.id}/exit`, { reason, exitDate: today }).expect(200);
      expect((await testbed.probe.waitFor(CitizenExited, citizen.id))[0].data).toMatchObject({ reason, positive });
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const citizen = await registerCitizenView();
      const first = await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }, 'exit-retry-1').expect(200);
      const retry = await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }, 'exit-retry-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      // A later event about the citizen arrives after any duplicate would have.
      await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      await testbed.probe.waitFor(CitizenReentered, citizen.id);
      expect(testbed.probe.of(CitizenExited, citizen.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['exitDate', 'reason']],
      ['an unknown reason and an impossible date', { reason: 'holiday', exitDate: '2025-04-31' }, ['exitDate', 'reason']],
      ['a date with a time and an unknown field', { reason: 'job', exitDate: '2025-04-01T12:00', note: 'fik job' }, ['exitDate', 'note']],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const citizen = await registerCitizenView();
      const response = await api().post(`/citizens/${citizen.id}/exit`, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      await api().get(`/citizens/${citizen.id}`).expect(200, citizen);
      expect(await outboxCount(citizen.id, CitizenExited.type)).toBe(0);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const foreign = await registerCitizenView(SLAGELSE);
      await api().post(`/citizens/${UNKNOWN_ID}/exit`, { reason: 'job', exitDate: today }).expect(404);
      await api().post(`/citizens/${foreign.id}/exit`, { reason: 'job', exitDate: today }).expect(404);
      await api(SLAGELSE).get(`/citizens/${foreign.id}`).expect(200, foreign);
      expect(await outboxCount(foreign.id, CitizenExited.type)).toBe(0);
    });

    it('refuses to exit an exited citizen (citizen-exited) and an exit before the period began, writing nothing', async () => {
      const citizen = await registerCitizenView();
      const early = await api().post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: addDays(today, -1) }).expect(409);
      expect(early.body.code).toBe('exit-before-period-start');
      await api().get(`/citizens/${citizen.id}`).expect(200, citizen);
      expect((await periodsOf(citizen.id))[0]).toMatchObject({ closedOn: null, exitReason: null });

      const exited = (await api().post(`/citizens/${citizen.id}/exit`, { reason: 'education', exitDate: today }).expect(200)).body;
      const again = await api().post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: addDays(today, 1) }).expect(409);
      expect(again.body.code).toBe('citizen-exited');
      await api().get(`/citizens/${citizen.id}`).expect(200, exited);
      expect((await periodsOf(citizen.id))[0]).toMatchObject({ closedOn: today, exitReason: 'education' });
      await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      await testbed.probe.waitFor(CitizenReentered, citizen.id);
      expect(testbed.probe.of(CitizenExited, citizen.id).map((event) => event.data.reason)).toEqual(['education']);
    });
  });

  describe('POST /citizens/:id/reentry', () => {
    it('opens a new period, keeps the old one, makes the citizen active with the new profile and publishes CitizenReentered', async () => {
      const citizen = await registerCitizenView();
      const reentryDate = addDays(today, 14);
      await api().post(`/citizens/${citizen.id}/exit`, { reason: 'other', exitDate: today }).expect(200);
      const reentered = await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(reentryDate)).expect(200);
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
      await api().get(`/citizens/${citizen.id}`).expect(200, reentered.body);
      expect(await periodsOf(citizen.id)).toEqual([
        { id: citizen.currentPeriodId, openedOn: today, closedOn: today, exitReason: 'other', current: false },
        { id: newPeriodId, openedOn: reentryDate, closedOn: null, exitReason: null, current: true },
      ]);

      const [event] = await testbed.probe.waitFor(CitizenReentered, citizen.id);
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
      await api().patch(`/citizens/${citizen.id}`, { step: 2, effectiveDate: reentryDate }).expect(200);
      await testbed.probe.waitFor(CitizenStepChanged, citizen.id);
      await api().post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: reentryDate }).expect(200);
      const exits = await testbed.probe.waitFor(CitizenExited, citizen.id, 2);
      expect(exits[1].data).toMatchObject({ periodId: newPeriodId, exitDate: reentryDate, positive: true });
      expect((await periodsOf(citizen.id)).map((period: { closedOn: string }) => period.closedOn)).toEqual([today, reentryDate]);
    });

    it('accepts a re-entry on the exit date itself', async () => {
      const citizen = await registerCitizenView();
      await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200);
      await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(200);
      expect((await periodsOf(citizen.id)).map((period: { current: boolean }) => period.current)).toEqual([false, true]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const citizen = await registerCitizenView();
      await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200);
      const first = await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today), 'reentry-retry-1').expect(200);
      const retry = await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today), 'reentry-retry-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await periodsOf(citizen.id)).toHaveLength(2);
      await api().post(`/citizens/${citizen.id}/exit`, { reason: 'job', exitDate: today }).expect(200);
      await testbed.probe.waitFor(CitizenExited, citizen.id, 2);
      expect(testbed.probe.of(CitizenReentered, citizen.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['areaCode', 'benefitType', 'readiness', 'reentryDate']],
      [
        'bad values and unknown fields',
        { reentryDate: '2025-13-01', areaCode: 'Urban Planen', benefitType: 'pension', readiness: 'soon', matchGroup: 2 },
        ['areaCode', 'benefitType', 'matchGroup', 'readiness', 'reentryDate'],
      ],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const citizen = await registerCitizenView();
      const exited = (await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200)).body;
      const response = await api().post(`/citizens/${citizen.id}/reentry`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      await api().get(`/citizens/${citizen.id}`).expect(200, exited);
      expect(await periodsOf(citizen.id)).toHaveLength(1);
      expect(await outboxCount(citizen.id, CitizenReentered.type)).toBe(0);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const foreign = await registerCitizenView(SLAGELSE);
      await api(SLAGELSE).post(`/citizens/${foreign.id}/exit`, { reason: 'moved', exitDate: today }).expect(200);
      await api().post(`/citizens/${UNKNOWN_ID}/reentry`, reentryBody(today)).expect(404);
      await api().post(`/citizens/${foreign.id}/reentry`, reentryBody(today)).expect(404);
      await api().get(`/citizens/${foreign.id}/periods`).expect(404);
      await api().get(`/citizens/${UNKNOWN_ID}/periods`).expect(404);
      expect((await api(SLAGELSE).get(`/citizens/${foreign.id}`).expect(200)).body.status).toBe('exited');
      expect(await outboxCount(foreign.id, CitizenReentered.type)).toBe(0);
    });

    it('refuses re-entry of an active citizen (citizen-active) and before the last exit (reentry-before-exit), writing nothing', async () => {
      const citizen = await registerCitizenView();
      const active = await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(today)).expect(409);
      expect(active.body.code).toBe('citizen-active');
      await api().get(`/citizens/${citizen.id}`).expect(200, citizen);

      const exitDate = addDays(today, 10);
      const exited = (await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate }).expect(200)).body;
      const early = await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(addDays(exitDate, -1))).expect(409);
      expect(early.body.code).toBe('reentry-before-exit');
      await api().get(`/citizens/${citizen.id}`).expect(200, exited);
      expect(await periodsOf(citizen.id)).toHaveLength(1);

      await api().post(`/citizens/${citizen.id}/reentry`, reentryBody(exitDate)).expect(200);
      const reentries = await testbed.probe.waitFor(CitizenReentered, citizen.id);
      expect(reentries.map((event) => event.data.reentryDate)).toEqual([exitDate]);
      expect(await outboxCount(citizen.id, CitizenReentered.type)).toBe(1);
    });
  });
});
