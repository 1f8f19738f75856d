import request from 'supertest';
import { CitizenRegistered, CitizensStream, decodeKafkaRecord, topicName } from '@fremskudt/contracts';
import { asUser, testKafka, waitFor } from '@fremskudt/testing';
import { copenhagenToday } from '../src/case/calendar';
import { addCalendarMonths, addDays } from '../src/rules';
import { caseloadTestbed, UNKNOWN_ID } from './support/testbed';

const validCitizen = {
  cpr: '010190-1234',
  name: 'Amina Hassan',
  areaCode: 'tingbjerg',
  benefitType: 'cash-benefit',
  readiness: 'activity-ready',
};

describe('caseload: registering citizens (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('caseload');
  const { api, inspect, openApiDocument } = testbed;

  it('registers a citizen, stores it and publishes CitizenRegistered keyed by the pseudonymous id', async () => {
    const response = await api().post('/citizens', validCitizen).expect(201);
    expect(response.body).toMatchObject({ areaCode: 'tingbjerg', birthDate: '1990-01-01', status: 'active' });
    expect(response.body).not.toHaveProperty('cpr');

    const fetched = await api().get(`/citizens/${response.body.id}`).expect(200);
    expect(fetched.body.name).toBe('Amina Hassan');

    const consumer = testKafka().consumer({ groupId: `probe-${testbed.prefix}` });
    const seen: ReturnType<typeof decodeKafkaRecord>[] = [];
    let key: string | null = null;
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(testbed.prefix, CitizensStream), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        key = message.key?.toString() ?? null;
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        seen.push(decodeKafkaRecord({ key, value: message.value?.toString() ?? null, headers }));
      },
    });
    await waitFor(async () => seen.length > 0, { timeoutMs: 15_000, what: 'CitizenRegistered on the topic' });
    await consumer.disconnect();

    expect(seen).toHaveLength(1);
    expect(key).toBe(response.body.id);
    expect(seen[0]).toMatchObject({ type: CitizenRegistered.type, tenant: 'kbh', subject: response.body.id, specversion: '1.0' });
    expect(seen[0].data).toEqual({
      citizenId: response.body.id,
      birthDate: '1990-01-01',
      areaCode: 'tingbjerg',
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      periodId: response.body.currentPeriodId,
      periodOpenedOn: copenhagenToday(),
      matchGroup: null,
      step: null,
      interpreterNeeded: false,
      registeredAt: response.body.registeredAt,
    });
    expect(JSON.stringify(seen[0])).not.toContain('1234');
  });

  it('opens the case period on a past registration day when a case is moved in, and never on a future one', async () => {
    const registeredOn = addDays(copenhagenToday(), -200);
    const citizen = await api().post('/citizens', { ...validCitizen, cpr: '151190-1515', registeredOn }).expect(201);
    const periods = await api().get(`/citizens/${citizen.body.id}/periods`).expect(200);
    expect(periods.body).toEqual([expect.objectContaining({ id: citizen.body.currentPeriodId, openedOn: registeredOn, current: true })]);
    const [event] = await testbed.probe.waitFor(CitizenRegistered, citizen.body.id);
    expect(event.data).toMatchObject({ periodId: citizen.body.currentPeriodId, periodOpenedOn: registeredOn });
    // The first interview is due one interval after the period opened.
    const interviews = await api().get(`/citizens/${citizen.body.id}/interviews`).expect(200);
    expect(interviews.body).toMatchObject({ nextDueDate: addCalendarMonths(registeredOn, 3), overdue: true });

    const future = await api().post('/citizens', { ...validCitizen, cpr: '161190-1616', registeredOn: addDays(copenhagenToday(), 1) }).expect(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['registeredOn']);
    expect((await api().post('/citizens/search', { cpr: '161190-1616' }).expect(200)).body).toEqual([]);
  });

  it('refuses a second registration of the same CPR number in the tenant with 409', async () => {
    await api().post('/citizens', { ...validCitizen, cpr: '020290-2222' }).expect(201);
    const again = await api().post('/citizens', { ...validCitizen, cpr: '0202902222' }).expect(409);
    expect(again.body.code).toBe('citizen-already-registered');
  });

  it('answers 404 for another tenant’s citizen and for an unknown id', async () => {
    const created = await api().post('/citizens', { ...validCitizen, cpr: '030390-3333' }).expect(201);
    await api('slagelse').get(`/citizens/${created.body.id}`).expect(404);
    await api().get(`/citizens/${UNKNOWN_ID}`).expect(404);
  });

  it('takes the tenant from the token only: no token is 401, and an X-Tenant-Id header is ignored', async () => {
    const missing = await request(testbed.service.http).post('/citizens').send(validCitizen).expect(401);
    expect(missing.body.code).toBe('token-missing');
    const created = await request(testbed.service.http)
      .post('/citizens')
      .use(asUser('kbh'))
      .set('x-tenant-id', 'slagelse')
      .send({ ...validCitizen, cpr: '211190-2468' })
      .expect(201);
    await api('kbh').get(`/citizens/${created.body.id}`).expect(200);
    await api('slagelse').get(`/citizens/${created.body.id}`).expect(404);
  });

  describe('idempotent registration (Idempotency-Key)', () => {
    const registered = async () => (await inspect(`SELECT count(*)::int AS n FROM citizen`))[0].n as number;

    it('answers a retry with the first answer and registers the citizen once', async () => {
      const body = { ...validCitizen, cpr: '040490-4444' };
      const first = await api().post('/citizens', body, 'register-4444').expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const retry = await api().post('/citizens', body, 'register-4444').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);

      await testbed.probe.waitFor(CitizenRegistered, first.body.id);
      // A later registration's event arriving shows the relay has passed any duplicate of the first.
      const later = await api().post('/citizens', { ...validCitizen, cpr: '050590-5555' }).expect(201);
      await testbed.probe.waitFor(CitizenRegistered, later.body.id);
      expect(testbed.probe.of(CitizenRegistered, first.body.id)).toHaveLength(1);
      expect((await api().post('/citizens/search', { cpr: '040490-4444' }).expect(200)).body.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    });

    it('refuses the same key with another body with 422 idempotency-key-reused, writing nothing', async () => {
      await api().post('/citizens', { ...validCitizen, cpr: '060690-6666' }, 'register-6666').expect(201);
      const before = await registered();
      const reused = await api().post('/citizens', { ...validCitizen, cpr: '070790-7777' }, 'register-6666').expect(422);
      expect(reused.body.code).toBe('idempotency-key-reused');
      expect(await registered()).toBe(before);
    });

    it('refuses an invalid key with 400 naming the header', async () => {
      const before = await registered();
      const invalid = await api().post('/citizens', { ...validCitizen, cpr: '080890-8888' }, 'k'.repeat(300)).expect(400);
      expect(invalid.body.code).toBe('idempotency-key-invalid');
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
      expect(await registered()).toBe(before);
    });
  });

  it('serves health and OpenAPI docs without a tenant', async () => {
    await request(testbed.service.http).get('/health/live').expect(200, { status: 'up' });
    const ready = await waitFor(async () => {
      const response = await request(testbed.service.http).get('/health/ready');
      return response.status === 200 && response.body;
    });
    expect(ready.checks.database.status).toBe('up');
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/citizens', '/citizens/{id}']));
  });
});
