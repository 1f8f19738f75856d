/**
 * The envelope of every event: CloudEvents 1.0 attribute names plus the `tenant` extension
 * (and optional correlation/causation ids). On Kafka it travels in CloudEvents' binary
 * content mode: attributes as `ce_*` headers, the payload (`data`) as the JSON value, the
 * aggregate id as the key.
 */
export interface EventEnvelope<P = unknown> {
  id: string;
  source: string;
  type: string;
  specversion: '1.0';
  time: string;
  subject: string;
  tenant: string;
  datacontenttype: 'application/json';
  correlationid?: string;
  causationid?: string;
  data: P;
}

export type EnvelopeAttributes = Omit<EventEnvelope, 'data'>;
