import { randomUUID } from 'node:crypto';
import { IHeaders, KafkaMessage } from 'kafkajs';
import { encodeKafkaRecord, EventContract, EventEnvelope, PayloadOf, topicName } from '@fremskudt/contracts';
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
