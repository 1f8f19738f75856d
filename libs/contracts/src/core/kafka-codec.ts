import { EventEnvelope } from './envelope';
import { EventRejectedError } from './registry';

/** A Kafka record as the codec sees it (independent of the Kafka client library). */
export interface KafkaRecord {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const CE = 'ce_';
const CONTENT_TYPE = 'content-type';
const REQUIRED = ['id', 'source', 'type', 'specversion', 'time', 'subject', 'tenant'] as const;
const OPTIONAL = ['correlationid', 'causationid'] as const;

/** CloudEvents Kafka binding, binary content mode. */
export function encodeKafkaRecord(envelope: EventEnvelope, key: string): KafkaRecord {
  const headers: Record<string, string> = { [CONTENT_TYPE]: envelope.datacontenttype };
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const value = envelope[name];
    if (value !== undefined) headers[`${CE}${name}`] = String(value);
  }
  return { key, value: JSON.stringify(envelope.data), headers };
}

/** Reads the envelope back; throws EventRejectedError('malformed-message') when it cannot. */
export function decodeKafkaRecord(record: KafkaRecord): EventEnvelope {
  const missing = REQUIRED.filter((name) => !record.headers[`${CE}${name}`]);
  if (missing.length) {
    throw new EventRejectedError(
      'malformed-message',
      'Missing CloudEvents headers',
      missing.map((name) => ({ path: `/headers/${CE}${name}`, message: 'is required' })),
    );
  }
  const contentType = record.headers[CONTENT_TYPE];
  if (contentType && !contentType.startsWith('application/json')) {
    throw new EventRejectedError('malformed-message', `Unsupported content-type ${contentType}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(record.value ?? '');
  } catch (error) {
    throw new EventRejectedError('malformed-message', `Value is not JSON: ${(error as Error).message}`);
  }
  const attribute = (name: string) => record.headers[`${CE}${name}`];
  return {
    id: attribute('id'),
    source: attribute('source'),
    type: attribute('type'),
    specversion: attribute('specversion') as '1.0',
    time: attribute('time'),
    subject: attribute('subject'),
    tenant: attribute('tenant'),
    datacontenttype: 'application/json',
    ...(attribute('correlationid') ? { correlationid: attribute('correlationid') } : {}),
    ...(attribute('causationid') ? { causationid: attribute('causationid') } : {}),
    data,
  };
}
