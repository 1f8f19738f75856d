import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Admin, IHeaders, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { CitizenRegistered, encodeKafkaRecord, EventEnvelope, KafkaRecord, PayloadOf } from '@fremskudt/contracts';
import { TestService, asUser, testKafka, uniqueSuffix, waitFor } from '@fremskudt/testing';

// ---- caseload: registering citizens over HTTP ------------------------------------------------

let cprSerial = 0;

/** A valid CPR number no other citizen of this test process has (1 January 1990, serials 0000-3999). */
export function nextCpr(): string {
  const serial = cprSerial++;
  if (serial > 3999) throw new Error('nextCpr: out of serial numbers');
  return `010190-${String(serial).padStart(4, '0')}`;
}

export interface RegisteredCitizen {
  id: string;
  areaCode: string;
  registeredAt: string;
}

/** POST /citizens on caseload for a tenant; expects 201 and returns the citizen. */
export async function registerCitizen(caseload: TestService, tenant: string, areaCode = 'tingbjerg'): Promise<RegisteredCitizen> {
  const response = await request(caseload.http)
    .post('/citizens')
    .use(asUser(tenant))
    .send({ cpr: nextCpr(), name: 'Test Borger', areaCode, benefitType: 'cash-benefit', readiness: 'activity-ready' });
  if (response.status !== 201) throw new Error(`POST /citizens for ${tenant} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as RegisteredCitizen;
}

// ---- reporting: the read model over HTTP ------------------------------------------------------

export interface RegisteredCitizensStatistics {
  tenant: string;
  count: number;
  byArea: Array<{ areaCode: string; count: number }>;
}

/** GET /statistics/registered-citizens on reporting for a tenant. */
export async function statistics(reporting: TestService, tenant: string): Promise<RegisteredCitizensStatistics> {
  const response = await request(reporting.http).get('/statistics/registered-citizens').use(asUser(tenant));
  if (response.status !== 200) throw new Error(`GET /statistics/registered-citizens for ${tenant} answered ${response.status}`);
  return response.body as RegisteredCitizensStatistics;
}

export const countOf = async (reporting: TestService, tenant: string) => (await statistics(reporting, tenant)).count;

/** Waits until reporting counts exactly `expected` citizens for the tenant (fails fast if it overshoots). */
export async function waitForCount(reporting: TestService, tenant: string, expected: number, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    async () => {
      const count = await countOf(reporting, tenant);
      if (count > expected) throw new Error(`reporting counts ${count} citizens for ${tenant}, more than ${expected}`);
      return count === expected;
    },
    { timeoutMs, what: `reporting to count ${expected} citizens for ${tenant}` },
  );
}

// ---- Kafka --------------------------------------------------------------------------------------

/** A producer that partitions by key as the platform does (murmur2, like the Java client). */
export function testProducer(kafka: Kafka = testKafka()): Producer {
  return kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
}

/** A valid CitizenRegistered record with fresh ids, as caseload's outbox would write it. */
export function citizenRegisteredRecord(tenant: string, overrides: Partial<PayloadOf<typeof CitizenRegistered>> = {}): {
  envelope: EventEnvelope<PayloadOf<typeof CitizenRegistered>>;
  record: KafkaRecord;
} {
  const data: PayloadOf<typeof CitizenRegistered> = {
    citizenId: randomUUID(),
    birthDate: '1990-01-01',
    areaCode: 'tingbjerg',
    benefitType: 'cash-benefit',
    readiness: 'activity-ready',
    periodId: randomUUID(),
    periodOpenedOn: new Date().toISOString().slice(0, 10),
    matchGroup: null,
    step: null,
    interpreterNeeded: false,
    registeredAt: new Date().toISOString(),
    ...overrides,
  };
  const envelope: EventEnvelope<PayloadOf<typeof CitizenRegistered>> = {
    id: randomUUID(),
    source: '/fremskudt/e2e',
    type: CitizenRegistered.type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: data.citizenId,
    tenant,
    datacontenttype: 'application/json',
    data,
  };
  return { envelope, record: encodeKafkaRecord(envelope, data.citizenId) };
}

/**
 * Messages of the topic not yet processed by the group: end offsets minus committed offsets.
 * The platform's consumer commits only after an event's transaction committed (or it was
 * dead-lettered), so 0 means everything on the topic has been fully handled.
 */
export async function consumerLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  const committedBy = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  return ends.reduce((lag, p) => lag + Number(p.high) - Math.max(Number(p.low), committedBy.get(p.partition) ?? -1), 0);
}

export async function waitForNoLag(admin: Admin, groupId: string, topic: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(async () => (await consumerLag(admin, groupId, topic)) === 0, {
    timeoutMs,
    intervalMs: 200,
    what: `consumer group ${groupId} to catch up on ${topic}`,
  });
}

/** Sum of the topic's end offsets: how many records were ever written to it. */
export async function endOffsetTotal(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
}

const headerStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]),
  );

/** Reads a topic from the beginning with a throw-away group until `done` holds for what was read. */
export async function readTopicUntil(
  topic: string,
  done: (messages: ReadMessage[]) => boolean,
  { kafka = testKafka(), timeoutMs = 30_000 }: { kafka?: Kafka; timeoutMs?: number } = {},
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `e2e-probe-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });
  const messages: ReadMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
        messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers: headerStrings(message.headers), partition });
      },
    });
    await waitFor(async () => done(messages), { timeoutMs, what: `the expected messages on ${topic}` });
    return messages;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

// ---- a broker of our own ------------------------------------------------------------------------

const KAFKA_SCRIPT = path.resolve(__dirname, '../../deploy/local/kafka/kafka.sh');
const run = promisify(execFile);

/**
 * Runs the project's broker script for one port (start|stop|status). Asynchronous on purpose:
 * the services under test live in this process and must keep running (and noticing the broker
 * come and go) while the script waits.
 */
export async function kafkaBroker(command: 'start' | 'stop', port: number): Promise<void> {
  await run('bash', [KAFKA_SCRIPT, command], { env: { ...process.env, KAFKA_PORT: String(port) }, timeout: 180_000 });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
