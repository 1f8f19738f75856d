import { CitizenAssigned, CitizenStepChanged, CitizenTransferred } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, UNKNOWN_ID } from './support/testbed';
const consultantBody = { role: 'job-consultant', teamCode: 'team-nord', areaCodes: ['tingbjerg'] };

describe('caseload: case responsibility, transfers and caseloads (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('assign');
  const { api, inspect } = testbed;
  const today = copenhagenToday();

  const registerCitizen = (name: string, tenant = KBH) => testbed.registerCitizen(tenant, { name });
  const registerStaff = async (name: string, extra: object = {}, tenant = 'kbh'): Promise<{ id: string; teamCode: string }> =>
    (await api(tenant).post('/staff', { ...consultantBody, name, ...extra }).expect(201)).body;
  const history = async (citizenId: string) => (await api().get(`/citizens/${citizenId}/assignments`).expect(200)).body;
  const eventsAbout = async (citizenId: string) =>
    (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [citizenId]))[0].n;
  /**
   * Proves nothing more was published about the citizen: a later event about them (first step on
   * the step model, so once per citizen) arrives in key order after anything published before it.
   */
  const expectOnlyOnTopic = async (citizenId: string, expected: { assigned: number; transferred: number }) => {
    await api().patch(`/citizens/${citizenId}`, { step: 4, effectiveDate: today }).expect(200);
    await testbed.probe.waitFor(CitizenStepChanged, citizenId);
    expect(testbed.probe.of(CitizenAssigned, citizenId)).toHaveLength(expected.assigned);
    expect(testbed.probe.of(CitizenTransferred, citizenId)).toHaveLength(expected.transferred);
  };

  describe('PUT /citizens/:id/consultant', () => {
    it('assigns a citizen without a consultant: state, history, caseload and CitizenAssigned', async () => {
      const jens = await registerStaff('Jens Madsen');
      const citizenId = await registerCitizen('Amina Hassan');

      const assigned = await api().put(`/citizens/${citizenId}/consultant`, { consultantId: jens.id }).expect(200);
      expect(assigned.body).toEqual({
        id: expect.any(String),
        citizenId,
        consultantId: jens.id,
        consultantName: 'Jens Madsen',
        teamCode: 'team-nord',
        fromDate: today,
        toDate: null,
        overCapacity: false,
        reason: null,
      });
      expect(await history(citizenId)).toEqual([assigned.body]);
      const caseload = await api().get(`/staff/${jens.id}/caseload`).expect(200);
      expect(caseload.body).toEqual({ staffId: jens.id, count: 1, capacity: 30, citizens: [{ id: citizenId, name: 'Amina Hassan', areaCode: 'tingbjerg', since: today }] });

      const [event] = await testbed.probe.waitFor(CitizenAssigned, citizenId);
      expect(event).toMatchObject({ subject: citizenId, tenant: 'kbh' });
      expect(event.data).toEqual({ citizenId, consultantId: jens.id, teamCode: 'team-nord', effectiveDate: today, overCapacity: false });
      expect(JSON.stringify(event)).not.toMatch(/Jens|Amina/);
    });

    it('transfers to another consultant: closes the previous assignment, keeps the history and publishes CitizenTransferred', async () => {
      const from = await registerStaff('Fra Konsulent');
      const to = await registerStaff('Til Konsulent', { teamCode: 'team-syd' });
      const citizenId = await registerCitizen('Omar Farouk');
      const effectiveDate = addDays(today, 7);
      await api().put(`/citizens/${citizenId}/consultant`, { consultantId: from.id }).expect(200);

      const transferred = await api().put(`/citizens/${citizenId}/consultant`, { consultantId: to.id, effectiveDate }).expect(200);
      expect(transferred.body).toMatchObject({ consultantId: to.id, teamCode: 'team-syd', fromDate: effectiveDate, toDate: null });
      const rows = await history(citizenId);
      expect(rows.map((row: { consultantId: string; fromDate: string; toDate: string | null }) => [row.consultantId, row.fromDate, row.toDate])).toEqual([
        [from.id, today, effectiveDate],
        [to.id, effectiveDate, null],
      ]);
      expect((await api().get(`/staff/${from.id}/caseload`).expect(200)).body).toMatchObject({ count: 0, citizens: [] });
      expect((await api().get(`/staff/${to.id}/caseload`).expect(200)).body).toMatchObject({ count: 1, citizens: [{ id: citizenId, since: effectiveDate }] });

      const [event] = await testbed.probe.waitFor(CitizenTransferred, citizenId);
      expect(event.data).toEqual({
        citizenId,
        consultantId: to.id,
        teamCode: 'team-syd',
        effectiveDate,
        overCapacity: false,
        previousConsultantId: from.id,
        previousTeamCode: 'team-nord',
      });
      await expectOnlyOnTopic(citizenId, { assigned: 1, transferred: 1 });
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const consultant = await registerStaff('Gentag Konsulent');
      const citizenId = await registerCitizen('Retry Borger');
      const first = await api().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }, 'assign-retry-1').expect(200);
      const retry = await api().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }, 'assign-retry-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await history(citizenId)).toHaveLength(1);
      await expectOnlyOnTopic(citizenId, { assigned: 1, transferred: 0 });
    });

    it.each([
      ['bad values', { consultantId: 'jens', effectiveDate: '2025-02-30', force: 'yes', reason: 7 }, ['consultantId', 'effectiveDate', 'force', 'reason']],
      ['a missing consultant and unknown fields', { teamCode: 'team-nord' }, ['consultantId', 'teamCode']],
      ['a date in another format', { consultantId: UNKNOWN_ID, effectiveDate: '2025-06-01T10:00:00Z' }, ['effectiveDate']],
      ['force without a reason', { consultantId: UNKNOWN_ID, force: true }, ['reason']],
      ['force with a blank reason', { consultantId: UNKNOWN_ID, force: true, reason: '   ' }, ['reason']],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const citizenId = await registerCitizen('Forkert Input');
      const before = await eventsAbout(citizenId);
      const response = await api().put(`/citizens/${citizenId}/consultant`, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await history(citizenId)).toEqual([]);
      expect(await eventsAbout(citizenId)).toBe(before);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const consultant = await registerStaff('Fire Nul Fire');
      const foreign = await registerCitizen('Slagelse Borger', 'slagelse');
      await api().put(`/citizens/${UNKNOWN_ID}/consultant`, { consultantId: consultant.id }).expect(404);
      await api().put(`/citizens/${foreign}/consultant`, { consultantId: consultant.id }).expect(404);
      await api().get(`/citizens/${foreign}/assignments`).expect(404);
      await api().get(`/citizens/${UNKNOWN_ID}/assignments`).expect(404);
      expect((await api().get(`/staff/${consultant.id}/caseload`).expect(200)).body.count).toBe(0);
      expect(await eventsAbout(foreign)).toBe(1); // its registration only
    });

    describe('refusals (409, nothing written)', () => {
      const expectRefused = async (citizenId: string, body: object, code: string, tenant = 'kbh') => {
        const historyBefore = (await api(tenant).get(`/citizens/${citizenId}/assignments`).expect(200)).body;
        const eventsBefore = await eventsAbout(citizenId);
        const response = await api(tenant).put(`/citizens/${citizenId}/consultant`, body).expect(409);
        expect(response.body.code).toBe(code);
        expect((await api(tenant).get(`/citizens/${citizenId}/assignments`).expect(200)).body).toEqual(historyBefore);
        expect(await eventsAbout(citizenId)).toBe(eventsBefore);
      };

      it('already-assigned: the same consultant again', async () => {
        const consultant = await registerStaff('Samme Konsulent');
        const citizenId = await registerCitizen('Samme Borger');
        await api().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }).expect(200);
        await expectRefused(citizenId, { consultantId: consultant.id, effectiveDate: addDays(today, 1) }, 'already-assigned');
        await expectOnlyOnTopic(citizenId, { assigned: 1, transferred: 0 });
      });

      it('consultant-unknown: no such staff member in this tenant (409, the citizen in the path exists)', async () => {
        const foreignConsultant = await registerStaff('Anden Kommunes Konsulent', {}, 'slagelse');
        const citizenId = await registerCitizen('Ukendt Konsulent');
        await expectRefused(citizenId, { consultantId: UNKNOWN_ID }, 'consultant-unknown');
        await expectRefused(citizenId, { consultantId: foreignConsultant.id }, 'consultant-unknown');
        await expectOnlyOnTopic(citizenId, { assigned: 0, transferred: 0 });
      });

      it('not-a-consultant: a mentor, a team lead or a consultant who has left', async () => {
        const mentor = await registerStaff('Mette Mentor', { role: 'mentor' });
        const lead = await registerStaff('Lars Leder', { role: 'team-lead' });
        const left = await registerStaff('Stoppet Konsulent');
        await api().patch(`/staff/${left.id}`, { active: false }).expect(200);
        const citizenId = await registerCitizen('Ingen Konsulent');
        for (const staff of [mentor, lead, left]) await expectRefused(citizenId, { consultantId: staff.id }, 'not-a-consultant');
        await expectOnlyOnTopic(citizenId, { assigned: 0, transferred: 0 });
      });

      it('effective-before-current-assignment: a transfer dated before the current responsibility began', async () => {
        const first = await registerStaff('Første Konsulent');
        const second = await registerStaff('Anden Konsulent');
        const citizenId = await registerCitizen('Tidlig Overflytning');
        await api().put(`/citizens/${citizenId}/consultant`, { consultantId: first.id, effectiveDate: today }).expect(200);
        await expectRefused(citizenId, { consultantId: second.id, effectiveDate: addDays(today, -1) }, 'effective-before-current-assignment');
        await expectOnlyOnTopic(citizenId, { assigned: 1, transferred: 0 });
      });

      it('citizen-exited: an exited citizen gets no consultant', async () => {
        const consultant = await registerStaff('Afgang Konsulent');
        const citizenId = await registerCitizen('Afgået Borger');
        await api().post(`/citizens/${citizenId}/exit`, { reason: 'job', exitDate: today }).expect(200);
        await expectRefused(citizenId, { consultantId: consultant.id }, 'citizen-exited');
        expect(testbed.probe.of(CitizenAssigned, citizenId)).toHaveLength(0);
      });
    });

    describe('capacity', () => {
      it('refuses a full caseload (tenant setting 2) with caseload-full, and takes it when forced with a reason', async () => {
        await api('odense').put('/settings', { caseloadCapacity: 2, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 }).expect(200);
        const consultant = await registerStaff('Fuld Stamme', {}, 'odense');
        expect(consultant).toMatchObject({ caseloadCapacity: 2 });
        const citizens = [];
        for (const name of ['Anna Et', 'Bo To', 'Carl Tre']) citizens.push(await registerCitizen(name, 'odense'));
        await api('odense').put(`/citizens/${citizens[0]}/consultant`, { consultantId: consultant.id }).expect(200);
        await api('odense').put(`/citizens/${citizens[1]}/consultant`, { consultantId: consultant.id }).expect(200);

        const full = await api('odense').put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id }).expect(409);
        expect(full.body.code).toBe('caseload-full');
        expect((await api('odense').get(`/citizens/${citizens[2]}/assignments`).expect(200)).body).toEqual([]);
        const withoutReason = await api('odense').put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id, force: true }).expect(400);
        expect(fieldsOf(withoutReason.body)).toEqual(['reason']);

        const forced = await api('odense')
          .put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id, force: true, reason: 'Borgeren kender konsulenten fra tidligere forløb' })
          .expect(200);
        expect(forced.body).toMatchObject({ overCapacity: true, reason: 'Borgeren kender konsulenten fra tidligere forløb' });
        const caseload = await api('odense').get(`/staff/${consultant.id}/caseload`).expect(200);
        expect(caseload.body).toMatchObject({ count: 3, capacity: 2 });
        expect(caseload.body.citizens.map((c: { name: string }) => c.name)).toEqual(['Anna Et', 'Bo To', 'Carl Tre']);

        const [event] = await testbed.probe.waitFor(CitizenAssigned, citizens[2]);
        expect(event.data).toMatchObject({ consultantId: consultant.id, overCapacity: true });
        expect(JSON.stringify(event)).not.toContain('tidligere');
        expect(testbed.probe.of(CitizenAssigned, citizens[2])).toHaveLength(1);
      });

      it('uses the staff member’s own capacity, counts only current active citizens, and forcing within capacity is not over it', async () => {
        const consultant = await registerStaff('Lille Stamme', { caseloadCapacity: 1 });
        const other = await registerStaff('Modtager');
        const [first, second] = [await registerCitizen('Første Borger'), await registerCitizen('Anden Borger')];
        const forcedWithin = await api().put(`/citizens/${first}/consultant`, { consultantId: consultant.id, force: true, reason: 'Hastesag' }).expect(200);
        expect(forcedWithin.body).toMatchObject({ overCapacity: false, reason: 'Hastesag' });
        expect((await api().put(`/citizens/${second}/consultant`, { consultantId: consultant.id }).expect(409)).body.code).toBe('caseload-full');

        // Transferring the first citizen away frees the place.
        await api().put(`/citizens/${first}/consultant`, { consultantId: other.id }).expect(200);
        await api().put(`/citizens/${second}/consultant`, { consultantId: consultant.id }).expect(200);
        // An exit frees it too, and ends the assignment in the history.
        const exitDate = addDays(today, 3);
        await api().post(`/citizens/${second}/exit`, { reason: 'education', exitDate }).expect(200);
        expect((await history(second)).map((row: { toDate: string | null }) => row.toDate)).toEqual([exitDate]);
        expect((await api().get(`/staff/${consultant.id}/caseload`).expect(200)).body).toMatchObject({ count: 0, capacity: 1, citizens: [] });
        const third = await registerCitizen('Tredje Borger');
        await api().put(`/citizens/${third}/consultant`, { consultantId: consultant.id }).expect(200);

        const [event] = await testbed.probe.waitFor(CitizenAssigned, first);
        expect(event.data.overCapacity).toBe(false);
      });
    });
  });
});
