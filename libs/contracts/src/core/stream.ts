/**
 * An event stream: one Kafka topic per domain and aggregate, keyed by the aggregate id so all
 * events of one aggregate (e.g. one citizen) keep their order. A breaking change to a stream
 * gets a new version and so a new topic; additive changes are new event versions on it.
 */
export interface StreamDefinition {
  /** Owning service's domain, e.g. `caseload`. */
  readonly domain: string;
  /** Aggregate, plural, e.g. `citizens`. */
  readonly name: string;
  readonly version: number;
  readonly description: string;
  /** What the message key is, e.g. "the citizen's pseudonymous id". */
  readonly keyDescription: string;
}

export const TOPIC_PREFIX_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function defineStream(stream: StreamDefinition): StreamDefinition {
  if (!/^[a-z][a-z-]*$/.test(stream.domain) || !/^[a-z][a-z-]*$/.test(stream.name)) {
    throw new Error(`Stream names are lower-case words: ${stream.domain}.${stream.name}`);
  }
  return Object.freeze({ ...stream });
}

/** `<prefix>.<domain>.<stream>.v<version>`, e.g. `kbh.caseload.citizens.v1`. */
export function topicName(prefix: string, stream: StreamDefinition): string {
  if (!TOPIC_PREFIX_PATTERN.test(prefix)) throw new Error(`Invalid topic prefix: ${JSON.stringify(prefix)}`);
  return `${prefix}.${stream.domain}.${stream.name}.v${stream.version}`;
}

/** One dead-letter topic per consumer group: `<group>.dlt`. */
export function deadLetterTopicName(consumerGroupId: string): string {
  return `${consumerGroupId}.dlt`;
}
