import { randomUUID } from 'node:crypto';
import { IHeaders, KafkaMessage } from 'kafkajs';
import { decodeKafkaRecord, encodeKafkaRecord, EventContract, EventEnvelope, PayloadOf, topicName } from '@fremskudt/contracts';
import { testKafka, uniqueSuffix, waitFor } from './test-infrastructure';

/** A valid envelope as a producing service would write it (for tests that play the producer). */
export function envelopeFor<C extends EventContract>(contract: C, payload: PayloadOf<C>, tenant: string, id = randomUUID()): EventEnvelope<PayloadOf<C>> {
  return {
    id,
    source: '/fremskudt/test',
    type: contract.type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: contract.keyOf(payload),
    tenant,
    datacontenttype: 'application/json',
    data: payload,
  };
}

/** Produces raw records to a topic, bypassing every validation: for duplicates and malformed input. */
export async function produceRaw(topic: string, messages: Array<{ key: string | null; value: string | null; headers: IHeaders }>): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Produces well-formed events to the contract's topic under the given prefix. */
export async function produceEvents(prefix: string, envelopes: Array<{ contract: EventContract; envelope: EventEnvelope }>): Promise<void> {
  const byTopic = new Map<string, Parameters<typeof produceRaw>[1]>();
  for (const { contract, envelope } of envelopes) {
    const topic = topicName(prefix, contract.stream);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeKafkaRecord(envelope, contract.keyOf(envelope.data as never))]);
  }
  for (const [topic, messages] of byTopic) await produceRaw(topic, messages);
}

/** Reads a topic from the beginning until `count` messages arrived (or times out). */
export async function readTopic(topic: string, count: number, timeoutMs = 30_000): Promise<KafkaMessage[]> {
  const consumer = testKafka().consumer({ groupId: `probe-${uniqueSuffix()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    await waitFor(async () => messages.length >= count, { timeoutMs, what: `${count} message(s) on ${topic}` });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

export const headerText = (message: KafkaMessage, name: string): string | undefined => message.headers?.[name]?.toString();

/**
 * A consumer that collects every event on one topic from the beginning, decoded, for the
 * length of a test file: `await probe.waitFor((e) => e.type === X.type && e.subject === id)`.
 */
export class EventProbe {
  readonly events: EventEnvelope[] = [];
  private readonly consumer = testKafka().consumer({ groupId: `probe-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });

  private constructor(readonly topic: string) {}

  static async start(topic: string): Promise<EventProbe> {
    const probe = new EventProbe(topic);
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topic, fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        probe.events.push(decodeKafkaRecord({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers }));
      },
    });
    return probe;
  }

  /** Events of one type (optionally about one subject, the message key), in topic order per key. */
  of<C extends EventContract>(contract: C, subject?: string): Array<EventEnvelope<PayloadOf<C>>> {
    return this.events.filter((e) => e.type === contract.type && (subject === undefined || e.subject === subject)) as Array<
      EventEnvelope<PayloadOf<C>>
    >;
  }

  /** Waits until `count` events of the type (about the subject) arrived and returns them. */
  async waitFor<C extends EventContract>(contract: C, subject?: string, count = 1, timeoutMs = 20_000): Promise<Array<EventEnvelope<PayloadOf<C>>>> {
    await waitFor(async () => this.of(contract, subject).length >= count, {
      timeoutMs,
      intervalMs: 50,
      what: `${count} ${contract.name} event(s)${subject ? ` about ${subject}` : ''} on ${this.topic}`,
    });
    return this.of(contract, subject);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
