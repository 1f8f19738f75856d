import { Admin, Kafka, Producer } from 'kafkajs';
// Not re-exported by the package index; meant for tests that host several Nest apps in one process.
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { CitizensStream, deadLetterTopicName, topicName } from '@fremskudt/contracts';
import { OutboxStatus } from '@fremskudt/messaging';
import { startTestService, testKafka, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import {
  citizenRegisteredRecord,
  countOf,
  endOffsetTotal,
  kafkaBroker,
  readTopicUntil,
  registerCitizen,
  sleep,
  testProducer,
  waitForCount,
  waitForNoLag,
} from './support/platform';

const startCaseload = (topicPrefix: string, env?: Record<string, string>) =>
  startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix, env });
const startReporting = (topicPrefix: string, options: { env?: Record<string, string>; database?: TestService['database'] } = {}) =>
  startTestService(reportingService, ReportingModule.forRoot, { topicPrefix, ...options });

/** Registers `n` citizens one after the other (each answered 201). */
async function registerMany(caseload: TestService, tenant: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await registerCitizen(caseload, tenant, i % 2 ? 'tingbjerg' : 'mjoelnerparken');
}

/**
 * The acceptance tests of the messaging backbone. Each scenario uses its own tenant, so the
 * counts it asserts are exact whatever the other scenarios did on the same services.
 */
describe('reliability on the shared broker', () => {
  const prefix = uniqueTopicPrefix('e2e-reliability');
  const citizensTopic = topicName(prefix, CitizensStream);
  let caseload: TestService;
  let reporting: TestService;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    [caseload, reporting] = await Promise.all([startCaseload(prefix), startReporting(prefix)]);
    kafka = testKafka();
    admin = kafka.admin();
    producer = testProducer(kafka);
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    await Promise.all([caseload?.dispose(), reporting?.dispose()]);
  });

  const group = () => reporting.config.messaging.consumerGroupId;

  it('catches up after a restart: 100 citizens registered while reporting was down are counted exactly once', async () => {
    const tenant = 'restart';
    await reporting.stop();
    const before = await endOffsetTotal(admin, citizensTopic);

    await registerMany(caseload, tenant, 100);
    await caseload.messaging.drainOutbox(30_000);
    // All 100 are on the topic while nobody consumes them.
    expect((await endOffsetTotal(admin, citizensTopic)) - before).toBe(100);

    reporting = await startReporting(prefix, { database: reporting.database });
    await waitForCount(reporting, tenant, 100);
    await waitForNoLag(admin, group(), citizensTopic);
    await sleep(1_000);
    expect(await countOf(reporting, tenant)).toBe(100);
    expect((await reporting.messaging.health()).consumer.state).toBe('running');
  });

  it('counts an event delivered twice exactly once', async () => {
    const tenant = 'duplicate';
    const before = await countOf(reporting, tenant);
    const { record } = citizenRegisteredRecord(tenant);

    // Two separate sends: two records on the topic with the same event id (an at-least-once redelivery).
    await producer.send({ topic: citizensTopic, messages: [record] });
    await producer.send({ topic: citizensTopic, messages: [record] });

    await waitForCount(reporting, tenant, before + 1);
    await waitForNoLag(admin, group(), citizensTopic); // both copies handled, not just the first
    expect(await countOf(reporting, tenant)).toBe(before + 1);
  });

  it('dead-letters malformed messages with the reason and keeps processing what follows', async () => {
    const tenant = 'poison';
    const before = await countOf(reporting, tenant);
    const dlt = deadLetterTopicName(reporting.config.messaging.consumerGroupId);
    expect(dlt).toBe(`${prefix}.reporting.dlt`);
    expect(reporting.messaging.deadLetterTopic).toBe(dlt);

    // 1. Valid CloudEvents headers, but the value is not JSON.
    const notJson = citizenRegisteredRecord(tenant);
    notJson.record.value = 'not json';
    // 2. A valid envelope whose payload lacks citizenId.
    const noCitizenId = citizenRegisteredRecord(tenant);
    const { citizenId: _dropped, ...payloadWithoutId } = noCitizenId.envelope.data;
    noCitizenId.record.value = JSON.stringify(payloadWithoutId);
    // 3. A valid event, published after them.
    const valid = citizenRegisteredRecord(tenant);

    // One partition for all three, so the valid one is consumed strictly after the poison ones.
    for (const { record } of [notJson, noCitizenId, valid]) {
      await producer.send({ topic: citizensTopic, messages: [{ ...record, partition: 0 }] });
    }

    await waitForCount(reporting, tenant, before + 1);
    await waitForNoLag(admin, group(), citizensTopic);
    expect(await countOf(reporting, tenant)).toBe(before + 1);

    // Exactly the two poison messages were dead-lettered (nothing else in this suite is).
    expect(await endOffsetTotal(admin, dlt)).toBe(2);
    const letters = await readTopicUntil(dlt, (messages) => messages.length >= 2, { kafka });
    expect(letters).toHaveLength(2);
    const letterOf = (id: string) => letters.find((m) => m.headers.ce_id === id)!;

    const malformed = letterOf(notJson.envelope.id);
    expect(malformed).toMatchObject({ key: notJson.record.key, value: 'not json' });
    expect(malformed.headers).toMatchObject({
      ...notJson.record.headers, // the original headers travel along
      dlt_reason: 'malformed-message',
      dlt_source_topic: citizensTopic,
      dlt_source_partition: '0',
      dlt_consumer_group: group(),
      dlt_attempts: '0',
    });
    expect(malformed.headers.dlt_error).toMatch(/not JSON/i);

    const invalid = letterOf(noCitizenId.envelope.id);
    expect(invalid).toMatchObject({ key: noCitizenId.record.key, value: noCitizenId.record.value });
    expect(invalid.headers).toMatchObject({
      ...noCitizenId.record.headers,
      dlt_reason: 'invalid-payload',
      dlt_source_topic: citizensTopic,
      dlt_source_partition: '0',
      dlt_consumer_group: group(),
    });
    expect(invalid.headers.dlt_error).toContain(`Payload does not match ${valid.envelope.type}`);
    expect(invalid.headers.dlt_error).toContain('/citizenId');
  });
});

/**
 * Kafka goes away and comes back. On a broker of its own (other suites share the default one),
 * started and stopped with the project's broker script; it keeps its data across the restart.
 */
describe('reliability when Kafka is down (own broker)', () => {
  const port = Number(process.env.E2E_OUTAGE_KAFKA_PORT ?? 19092);
  // The outage makes every Kafka client log each failed reconnect: expected here, and hundreds of
  // lines. Quiet unless asked for (TEST_LOG_LEVEL=warn shows them when diagnosing a failure).
  const env = { KAFKA_BROKERS: `127.0.0.1:${port}`, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal' };
  const prefix = uniqueTopicPrefix('e2e-outage');
  let caseload: TestService;
  let reporting: TestService;

  beforeAll(async () => {
    // nestjs-pino logs everything outside a request (all of messaging) through one process-wide
    // logger: the first service's. Forget the earlier suite's, so these services' LOG_LEVEL applies.
    __resetOutOfContextForTests();
    await kafkaBroker('start', port);
    [caseload, reporting] = await Promise.all([startCaseload(prefix, env), startReporting(prefix, { env })]);
  }, 240_000);
  afterAll(async () => {
    try {
      await Promise.all([caseload?.dispose(), reporting?.dispose()]);
    } finally {
      await kafkaBroker('stop', port);
    }
  }, 240_000);

  it('keeps taking registrations into the outbox while Kafka is down and delivers all of them when it returns', async () => {
    const tenant = 'outage';
    // The pipeline works before the outage.
    await registerCitizen(caseload, tenant);
    await waitForCount(reporting, tenant, 1);

    await kafkaBroker('stop', port);
    await registerMany(caseload, tenant, 10); // each answered 201
    const health = await caseload.messaging.health();
    expect(health.brokerReachable).toBe(false);
    expect((health.outbox as OutboxStatus).pending).toBe(10);
    expect(await countOf(reporting, tenant)).toBe(1); // reporting still answers, from its own data

    await kafkaBroker('start', port);
    // The relay delivers within a second or two. Reporting's consumer needs longer: after the
    // broker restart its group still holds the member from before the outage (kafkajs rejoins
    // as a new member after its crash-restart), so the rebalance waits for that member's
    // session timeout (30 s) to expire.
    await waitForCount(reporting, tenant, 11, 90_000);
    await caseload.messaging.drainOutbox(60_000);
    expect((await caseload.messaging.health()).outbox).toMatchObject({ pending: 0 });
    expect(reporting.messaging.transport.consumerState.state).toBe('running');
    await sleep(1_000);
    expect(await countOf(reporting, tenant)).toBe(11);
  }, 240_000);
});
