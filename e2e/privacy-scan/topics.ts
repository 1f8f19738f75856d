import { randomBytes } from 'node:crypto';
import { IHeaders, Kafka, logLevel } from 'kafkajs';

/**
 * Reading the e2e suites' topics back for the privacy scan. Plain kafkajs and relative imports
 * only: the global setup and teardown run outside jest's module mapping.
 */

/** The topic prefixes of the e2e suites (`uniqueTopicPrefix('e2e-…')`, the shutdown suite's `shutdown`); dead-letter topics share them. */
export const E2E_TOPIC_PREFIXES = ['test.e2e-', 'test.shutdown.'] as const;

export const isE2eTopic = (topic: string) => E2E_TOPIC_PREFIXES.some((prefix) => topic.startsWith(prefix));

/** The suites' broker, as libs/testing finds it. */
const brokers = () => (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`).split(',');

const kafka = () => new Kafka({ clientId: `e2e-privacy-scan-${randomBytes(3).toString('hex')}`, brokers: brokers(), logLevel: logLevel.NOTHING });

export async function listE2eTopics(): Promise<string[]> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter(isE2eTopic).sort();
  } finally {
    await admin.disconnect();
  }
}

export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface TopicsRead {
  messages: number;
  /** Partitions not read to their end in the time given (`topic[partition]: read/end`). */
  unfinished: string[];
}

const headerStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map(String).join(',')]));

/**
 * Reads every message of the topics from the beginning up to the end offsets they had when the
 * read began, handing each to `onMessage`; gives up after `timeoutMs` and names what is unread.
 */
export async function readTopics(topics: string[], onMessage: (message: TopicMessage) => void, { timeoutMs = 120_000 } = {}): Promise<TopicsRead> {
  if (topics.length === 0) return { messages: 0, unfinished: [] };
  const client = kafka();
  const admin = client.admin();
  await admin.connect();
  const groupId = `e2e-privacy-scan-${randomBytes(4).toString('hex')}`;
  const consumer = client.consumer({ groupId, maxWaitTimeInMs: 100 });
  let messages = 0;
  try {
    // What "to the end" means: each partition's end offset now (later messages are someone else's run).
    const ends = new Map<string, { end: number; next: number }>();
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        if (Number(partition.high) > Number(partition.low)) ends.set(`${topic}[${partition.partition}]`, { end: Number(partition.high), next: Number(partition.low) });
      }
    }
    const unfinished = () => [...ends].filter(([, progress]) => progress.next < progress.end).map(([name, progress]) => `${name}: ${progress.next}/${progress.end}`);
    if (ends.size === 0) return { messages: 0, unfinished: [] };

    let finished: () => void = () => undefined;
    const allRead = new Promise<void>((resolve) => (finished = resolve));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const progress = ends.get(`${topic}[${partition}]`);
        if (!progress || Number(message.offset) >= progress.end) return;
        messages += 1;
        onMessage({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: headerStrings(message.headers),
        });
        progress.next = Math.max(progress.next, Number(message.offset) + 1);
        if (progress.next >= progress.end && unfinished().length === 0) finished();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([allRead, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return { messages, unfinished: unfinished() };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
