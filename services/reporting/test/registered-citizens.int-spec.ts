import request from 'supertest';
import { CitizenRegistered, CitizensStream, EVENT_TYPE_NAMESPACE, topicName } from '@fremskudt/contracts';
import { encodeKafkaRecord } from '@fremskudt/contracts';
import { TestService, asUser, envelopeFor, headerText, produceEvents, produceRaw, readTopic, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { randomUUID } from 'node:crypto';
import { AppModule, reportingService } from '../src/app.module';
import { csvRows } from './support/reporting-testbed';

const citizen = (areaCode: string) => ({
  citizenId: randomUUID(),
  birthDate: '1985-04-12',
  areaCode,
  benefitType: 'cash-benefit' as const,
  readiness: 'activity-ready' as const,
  periodId: randomUUID(),
  periodOpenedOn: '2025-03-01',
  matchGroup: null,
  step: null,
  interpreterNeeded: false,
  registeredAt: new Date().toISOString(),
});

describe('reporting: registered citizens from CitizenRegistered events (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  const prefix = uniqueTopicPrefix('reporting');

  beforeAll(async () => {
    service = await startTestService(reportingService, AppModule.forRoot, { topicPrefix: prefix });
  });
  afterAll(() => service?.dispose());

  const countFor = async (tenant: string) => (await request(service.http).get('/statistics/registered-citizens').use(asUser(tenant)).expect(200)).body;

  it('counts per tenant and per area, each tenant seeing only its own', async () => {
    const kbh = [citizen('tingbjerg'), citizen('tingbjerg'), citizen('urbanplanen')];
    const slagelse = [citizen('nordbyen')];
    await produceEvents(prefix, [
      ...kbh.map((data) => ({ contract: CitizenRegistered, envelope: envelopeFor(CitizenRegistered, data, 'kbh') })),
      ...slagelse.map((data) => ({ contract: CitizenRegistered, envelope: envelopeFor(CitizenRegistered, data, 'slagelse') })),
    ]);
    await waitFor(async () => (await countFor('kbh')).count === 3 && (await countFor('slagelse')).count === 1, { what: 'counts' });
    expect(await countFor('kbh')).toEqual({
      tenant: 'kbh',
      count: 3,
      byArea: [{ areaCode: 'tingbjerg', count: 2 }, { areaCode: 'urbanplanen', count: 1 }],
    });
    expect(await countFor('slagelse')).toEqual({ tenant: 'slagelse', count: 1, byArea: [{ areaCode: 'nordbyen', count: 1 }] });
    expect((await countFor('odense')).count).toBe(0);
  });

  it('gives the counts as CSV, one line per area and the total (Danish or English)', async () => {
    const danish = await request(service.http).get('/statistics/registered-citizens?format=csv').use(asUser('kbh')).expect(200);
    expect(danish.headers['content-type']).toMatch(/^text\/csv/);
    expect(danish.headers['content-disposition']).toBe('attachment; filename="borgere-kbh.csv"');
    expect(csvRows(danish.text)).toEqual([['Område', 'Registrerede borgere'], ['tingbjerg', '2'], ['urbanplanen', '1'], ['I alt', '3']]);
    const english = await request(service.http).get('/statistics/registered-citizens?format=csv').set('accept-language', 'en').use(asUser('slagelse')).expect(200);
    expect(csvRows(english.text, ',')).toEqual([['Area', 'Registered citizens'], ['nordbyen', '1'], ['All', '1']]);
    await request(service.http).get('/statistics/registered-citizens?format=pdf').use(asUser('kbh')).expect(400);
  });

  it('records each processed event in the inbox of its own tenant', async () => {
    const rows = await service.database.inspect<{ tenant_id: string; n: number }>(
      `SELECT tenant_id, count(*)::int AS n FROM processed_event GROUP BY tenant_id ORDER BY tenant_id`,
    );
    expect(rows).toEqual([{ tenant_id: 'kbh', n: 3 }, { tenant_id: 'slagelse', n: 1 }]);
  });

  it('dead-letters an unknown event version with the reason, and goes on', async () => {
    const topic = topicName(prefix, CitizensStream);
    const future = envelopeFor(CitizenRegistered, citizen('tingbjerg'), 'kbh');
    const record = encodeKafkaRecord({ ...future, type: `${EVENT_TYPE_NAMESPACE}.caseload.citizen-registered.v99` }, future.data.citizenId);
    await produceRaw(topic, [record]);
    await produceEvents(prefix, [{ contract: CitizenRegistered, envelope: envelopeFor(CitizenRegistered, citizen('tingbjerg'), 'kbh') }]);

    const [letter] = await readTopic(service.messaging.deadLetterTopic, 1);
    expect(headerText(letter, 'dlt_reason')).toBe('unknown-event-type');
    expect(headerText(letter, 'dlt_error')).toContain('citizen-registered.v99');
    expect(headerText(letter, 'dlt_source_topic')).toBe(topic);
    expect(headerText(letter, 'dlt_consumer_group')).toBe(service.config.messaging.consumerGroupId);
    expect(letter.value?.toString()).toBe(record.value);
    expect(letter.key?.toString()).toBe(future.data.citizenId);
    await waitFor(async () => (await countFor('kbh')).count === 4, { what: 'the valid event after the dead letter' });
  });
});
