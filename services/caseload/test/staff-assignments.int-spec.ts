import request from 'supertest';
import { CitizenAssigned, CitizensStream, CitizenStepChanged, CitizenTransferred, topicName } from '@fremskudt/contracts';
import { EventProbe, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';

const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const consultantBody = { role: 'job-consultant', teamCode: 'team-nord', areaCodes: ['tingbjerg'] };

describe('caseload: case responsibility, transfers and caseloads (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  let probe: EventProbe;
  const prefix = uniqueTopicPrefix('assign');
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

  const withKey = (req: request.Test, key?: string) => (key ? req.set('idempotency-key', key) : req);
  const http = (tenant = 'kbh') => ({
    post: (path: string, body: object, key?: string) => withKey(request(service.http).post(path).set('x-tenant-id', tenant), key).send(body),
    put: (path: string, body: object, key?: string) => withKey(request(service.http).put(path).set('x-tenant-id', tenant), key).send(body),
    patch: (path: string, body: object) => request(service.http).patch(path).set('x-tenant-id', tenant).send(body),
    get: (path: string) => request(service.http).get(path).set('x-tenant-id', tenant),
  });
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();

  /** A citizen with a CPR number unique in this suite (a real date, 1990). */
  const registerCitizen = async (name: string, tenant = 'kbh', areaCode = 'tingbjerg'): Promise<string> => {
    serial++;
    const day = String((serial % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
    const cpr = `${day}${month}90-${String(1000 + serial)}`;
    const response = await http(tenant).post('/citizens', { cpr, name, areaCode, benefitType: 'cash-benefit', readiness: 'activity-ready' }).expect(201);
    return response.body.id;
  };
  const registerStaff = async (name: string, extra: object = {}, tenant = 'kbh'): Promise<{ id: string; teamCode: string }> =>
    (await http(tenant).post('/staff', { ...consultantBody, name, ...extra }).expect(201)).body;
  const history = async (citizenId: string) => (await http().get(`/citizens/${citizenId}/assignments`).expect(200)).body;
  const eventsAbout = async (citizenId: string) =>
    (await service.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [citizenId]))[0].n;
  /**
   * Proves nothing more was published about the citizen: a later event about them (first step on
   * the step model, so once per citizen) arrives in key order after anything published before it.
   */
  const expectOnlyOnTopic = async (citizenId: string, expected: { assigned: number; transferred: number }) => {
    await http().patch(`/citizens/${citizenId}`, { step: 4, effectiveDate: today }).expect(200);
    await probe.waitFor(CitizenStepChanged, citizenId);
    expect(probe.of(CitizenAssigned, citizenId)).toHaveLength(expected.assigned);
    expect(probe.of(CitizenTransferred, citizenId)).toHaveLength(expected.transferred);
  };

  describe('PUT /citizens/:id/consultant', () => {
    it('assigns a citizen without a consultant: state, history, caseload and CitizenAssigned', async () => {
      const jens = await registerStaff('Jens Madsen');
      const citizenId = await registerCitizen('Amina Hassan');

      const assigned = await http().put(`/citizens/${citizenId}/consultant`, { consultantId: jens.id }).expect(200);
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
      const caseload = await http().get(`/staff/${jens.id}/caseload`).expect(200);
      expect(caseload.body).toEqual({ staffId: jens.id, count: 1, capacity: 30, citizens: [{ id: citizenId, name: 'Amina Hassan', areaCode: 'tingbjerg', since: today }] });

      const [event] = await probe.waitFor(CitizenAssigned, citizenId);
      expect(event).toMatchObject({ subject: citizenId, tenant: 'kbh' });
      expect(event.data).toEqual({ citizenId, consultantId: jens.id, teamCode: 'team-nord', effectiveDate: today, overCapacity: false });
      expect(JSON.stringify(event)).not.toMatch(/Jens|Amina/);
    });

    it('transfers to another consultant: closes the previous assignment, keeps the history and publishes CitizenTransferred', async () => {
      const from = await registerStaff('Fra Konsulent');
      const to = await registerStaff('Til Konsulent', { teamCode: 'team-syd' });
      const citizenId = await registerCitizen('Omar Farouk');
      const effectiveDate = addDays(today, 7);
      await http().put(`/citizens/${citizenId}/consultant`, { consultantId: from.id }).expect(200);

      const transferred = await http().put(`/citizens/${citizenId}/consultant`, { consultantId: to.id, effectiveDate }).expect(200);
      expect(transferred.body).toMatchObject({ consultantId: to.id, teamCode: 'team-syd', fromDate: effectiveDate, toDate: null });
      const rows = await history(citizenId);
      expect(rows.map((row: { consultantId: string; fromDate: string; toDate: string | null }) => [row.consultantId, row.fromDate, row.toDate])).toEqual([
        [from.id, today, effectiveDate],
        [to.id, effectiveDate, null],
      ]);
      expect((await http().get(`/staff/${from.id}/caseload`).expect(200)).body).toMatchObject({ count: 0, citizens: [] });
      expect((await http().get(`/staff/${to.id}/caseload`).expect(200)).body).toMatchObject({ count: 1, citizens: [{ id: citizenId, since: effectiveDate }] });

      const [event] = await probe.waitFor(CitizenTransferred, citizenId);
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
      const first = await http().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }, 'assign-retry-1').expect(200);
      const retry = await http().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }, 'assign-retry-1').expect(200);
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
      const response = await http().put(`/citizens/${citizenId}/consultant`, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await history(citizenId)).toEqual([]);
      expect(await eventsAbout(citizenId)).toBe(before);
    });

    it('answers 404 for an unknown citizen and another tenant’s citizen, writing nothing', async () => {
      const consultant = await registerStaff('Fire Nul Fire');
      const foreign = await registerCitizen('Slagelse Borger', 'slagelse');
      await http().put(`/citizens/${UNKNOWN_ID}/consultant`, { consultantId: consultant.id }).expect(404);
      await http().put(`/citizens/${foreign}/consultant`, { consultantId: consultant.id }).expect(404);
      await http().get(`/citizens/${foreign}/assignments`).expect(404);
      await http().get(`/citizens/${UNKNOWN_ID}/assignments`).expect(404);
      expect((await http().get(`/staff/${consultant.id}/caseload`).expect(200)).body.count).toBe(0);
      expect(await eventsAbout(foreign)).toBe(1); // its registration only
    });

    describe('refusals (409, nothing written)', () => {
      const expectRefused = async (citizenId: string, body: object, code: string, tenant = 'kbh') => {
        const historyBefore = (await http(tenant).get(`/citizens/${citizenId}/assignments`).expect(200)).body;
        const eventsBefore = await eventsAbout(citizenId);
        const response = await http(tenant).put(`/citizens/${citizenId}/consultant`, body).expect(409);
        expect(response.body.code).toBe(code);
        expect((await http(tenant).get(`/citizens/${citizenId}/assignments`).expect(200)).body).toEqual(historyBefore);
        expect(await eventsAbout(citizenId)).toBe(eventsBefore);
      };

      it('already-assigned: the same consultant again', async () => {
        const consultant = await registerStaff('Samme Konsulent');
        const citizenId = await registerCitizen('Samme Borger');
        await http().put(`/citizens/${citizenId}/consultant`, { consultantId: consultant.id }).expect(200);
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
        await http().patch(`/staff/${left.id}`, { active: false }).expect(200);
        const citizenId = await registerCitizen('Ingen Konsulent');
        for (const staff of [mentor, lead, left]) await expectRefused(citizenId, { consultantId: staff.id }, 'not-a-consultant');
        await expectOnlyOnTopic(citizenId, { assigned: 0, transferred: 0 });
      });

      it('effective-before-current-assignment: a transfer dated before the current responsibility began', async () => {
        const first = await registerStaff('Første Konsulent');
        const second = await registerStaff('Anden Konsulent');
        const citizenId = await registerCitizen('Tidlig Overflytning');
        await http().put(`/citizens/${citizenId}/consultant`, { consultantId: first.id, effectiveDate: today }).expect(200);
        await expectRefused(citizenId, { consultantId: second.id, effectiveDate: addDays(today, -1) }, 'effective-before-current-assignment');
        await expectOnlyOnTopic(citizenId, { assigned: 1, transferred: 0 });
      });

      it('citizen-exited: an exited citizen gets no consultant', async () => {
        const consultant = await registerStaff('Afgang Konsulent');
        const citizenId = await registerCitizen('Afgået Borger');
        await http().post(`/citizens/${citizenId}/exit`, { reason: 'job', exitDate: today }).expect(200);
        await expectRefused(citizenId, { consultantId: consultant.id }, 'citizen-exited');
        expect(probe.of(CitizenAssigned, citizenId)).toHaveLength(0);
      });
    });

    describe('capacity', () => {
      it('refuses a full caseload (tenant setting 2) with caseload-full, and takes it when forced with a reason', async () => {
        await http('odense').put('/settings', { caseloadCapacity: 2, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 }).expect(200);
        const consultant = await registerStaff('Fuld Stamme', {}, 'odense');
        expect(consultant).toMatchObject({ caseloadCapacity: 2 });
        const citizens = [];
        for (const name of ['Anna Et', 'Bo To', 'Carl Tre']) citizens.push(await registerCitizen(name, 'odense'));
        await http('odense').put(`/citizens/${citizens[0]}/consultant`, { consultantId: consultant.id }).expect(200);
        await http('odense').put(`/citizens/${citizens[1]}/consultant`, { consultantId: consultant.id }).expect(200);

        const full = await http('odense').put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id }).expect(409);
        expect(full.body.code).toBe('caseload-full');
        expect((await http('odense').get(`/citizens/${citizens[2]}/assignments`).expect(200)).body).toEqual([]);
        const withoutReason = await http('odense').put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id, force: true }).expect(400);
        expect(fieldsOf(withoutReason.body)).toEqual(['reason']);

        const forced = await http('odense')
          .put(`/citizens/${citizens[2]}/consultant`, { consultantId: consultant.id, force: true, reason: 'Borgeren kender konsulenten fra tidligere forløb' })
          .expect(200);
        expect(forced.body).toMatchObject({ overCapacity: true, reason: 'Borgeren kender konsulenten fra tidligere forløb' });
        const caseload = await http('odense').get(`/staff/${consultant.id}/caseload`).expect(200);
        expect(caseload.body).toMatchObject({ count: 3, capacity: 2 });
        expect(caseload.body.citizens.map((c: { name: string }) => c.name)).toEqual(['Anna Et', 'Bo To', 'Carl Tre']);

        const [event] = await probe.waitFor(CitizenAssigned, citizens[2]);
        expect(event.data).toMatchObject({ consultantId: consultant.id, overCapacity: true });
        expect(JSON.stringify(event)).not.toContain('tidligere');
        expect(probe.of(CitizenAssigned, citizens[2])).toHaveLength(1);
      });

      it('uses the staff member’s own capacity, counts only current active citizens, and forcing within capacity is not over it', async () => {
        const consultant = await registerStaff('Lille Stamme', { caseloadCapacity: 1 });
        const other = await registerStaff('Modtager');
        const [first, second] = [await registerCitizen('Første Borger'), await registerCitizen('Anden Borger')];
        const forcedWithin = await http().put(`/citizens/${first}/consultant`, { consultantId: consultant.id, force: true, reason: 'Hastesag' }).expect(200);
        expect(forcedWithin.body).toMatchObject({ overCapacity: false, reason: 'Hastesag' });
        expect((await http().put(`/citizens/${second}/consultant`, { consultantId: consultant.id }).expect(409)).body.code).toBe('caseload-full');

        // Transferring the first citizen away frees the place.
        await http().put(`/citizens/${first}/consultant`, { consultantId: other.id }).expect(200);
        await http().put(`/citizens/${second}/consultant`, { consultantId: consultant.id }).expect(200);
        // An exit frees it too, and ends the assignment in the history.
        const exitDate = addDays(today, 3);
        await http().post(`/citizens/${second}/exit`, { reason: 'education', exitDate }).expect(200);
        expect((await history(second)).map((row: { toDate: string | null }) => row.toDate)).toEqual([exitDate]);
        expect((await http().get(`/staff/${consultant.id}/caseload`).expect(200)).body).toMatchObject({ count: 0, capacity: 1, citizens: [] });
        const third = await registerCitizen('Tredje Borger');
        await http().put(`/citizens/${third}/consultant`, { consultantId: consultant.id }).expect(200);

        const [event] = await probe.waitFor(CitizenAssigned, first);
        expect(event.data.overCapacity).toBe(false);
      });
    });
  });
});
