import { EventContract } from '../core/event-contract';
import { StreamDefinition } from '../core/stream';

/**
 * Builds the AsyncAPI 3.0.0 document of the platform's public Kafka API from the event
 * contracts: one channel per stream, one message per event contract, one `send` operation per
 * channel. The output is a plain JSON-compatible object with a deterministic key order, so the
 * generated `asyncapi.json` only changes when a contract does.
 */

const ASYNCAPI_VERSION = '3.0.0';
const DEFAULT_TOPIC_PREFIX = 'fremskudt';
const KAFKA_BINDING_VERSION = '0.5.0';

/**
 * Mirrors the tenant rule enforced by `ContractRegistry.validateEnvelope` (not exported from
 * there); the spec test checks the two agree.
 */
const TENANT_PATTERN = '^[a-z][a-z0-9-]{1,62}$';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface AsyncApiDocumentOptions {
  /** `info.version`: the version of the event catalogue. Defaults to `0.0.0`. */
  version?: string;
}

/** `caseload.citizens.v1`: the channel id (the topic name without the prefix). */
export const asyncApiChannelId = (stream: StreamDefinition): string => `${stream.domain}.${stream.name}.v${stream.version}`;

/** `caseload.CitizenRegistered.v1`: the message id (unique per CloudEvents type). */
export const asyncApiMessageId = (contract: EventContract): string =>
  `${contract.stream.domain}.${contract.name}.v${contract.version}`;

/** `caseload.citizens.v1.publish`: the id of the owning service's send operation. */
export const asyncApiOperationId = (stream: StreamDefinition): string => `${asyncApiChannelId(stream)}.publish`;

const DESCRIPTION = `The public event API of the Fremskudt platform (outreach employment work for Danish job centres). Services, and partner systems that integrate with an installation, exchange facts as events on Apache Kafka. Topics are a public API: what is described here is the contract.

## Topics

One topic per stream (a domain's aggregate), named \`<prefix>.<domain>.<stream>.v<version>\`, e.g. \`fremskudt.caseload.citizens.v1\`. The prefix is configured per installation (channel parameter \`prefix\`, default \`${DEFAULT_TOPIC_PREFIX}\`); it is one or more dot-separated lower-case words. Only the owning domain's service publishes to a stream's topic; any service or partner may consume it.

## Messages

Every message uses the CloudEvents 1.0 Kafka protocol binding in **binary content mode**:

- the CloudEvents attributes travel as Kafka headers: \`ce_id\` (UUID), \`ce_source\`, \`ce_type\` (\`dk.fremskudt.<domain>.<event>.v<version>\`), \`ce_specversion\` (\`1.0\`), \`ce_time\` (RFC 3339), \`ce_subject\`, and the extension \`ce_tenant\` (the installation's tenant, i.e. the municipality the fact belongs to); optionally \`ce_correlationid\` and \`ce_causationid\` for tracing a chain of events;
- the \`content-type\` header is \`application/json\`;
- the value is the event's payload as JSON (the CloudEvents \`data\`), described by the message's payload schema;
- the key is the aggregate id (e.g. the citizen's pseudonymous id), so all events of one aggregate land on one partition and keep their order.

Producers validate the envelope and the payload against the contract before publishing, and consumers validate them again on receipt.

## Versioning

Additive changes (a new event, or a new version of an event) are published on the stream's existing topic; consumers take the updated contracts before producers start publishing them, because a consumer rejects event types and versions it does not know (see Dead letters). A breaking change to a stream gets a new topic version (\`.v2\`), published alongside the old one while consumers migrate.

## Dead letters

A message a consumer cannot accept (malformed, unknown event type or version, invalid envelope or payload) is never retried: the consumer moves it to its consumer group's dead-letter topic \`<consumer group>.dlt\`, with \`dlt_*\` headers describing why it was rejected, and carries on with the next message.

## Personal data

Payloads identify people by pseudonymous ids only and never carry CPR numbers, names or free text. Sensitive personal data stays in the owning service.`;

const PREFIX_PARAMETER_DESCRIPTION =
  'Topic prefix configured per installation: one or more dot-separated lower-case words (`^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$`), e.g. `kbh` or `fremskudt.test`.';

/** Drops TypeBox's symbol keys (and anything else not JSON) from a schema. */
const toPlainJsonSchema = (schema: unknown): JsonObject => JSON.parse(JSON.stringify(schema)) as JsonObject;

const byKey = <T>(entries: Array<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const sameStream = (a: StreamDefinition, b: StreamDefinition) =>
  a === b || JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** JSON Schema of the Kafka headers of one event type (CloudEvents binary content mode). */
export function asyncApiHeadersSchema(contract: EventContract): JsonObject {
  return {
    type: 'object',
    description: 'Kafka headers: the CloudEvents attributes in binary content mode. Other headers (e.g. tracing) may be present.',
    required: ['ce_id', 'ce_source', 'ce_specversion', 'ce_subject', 'ce_tenant', 'ce_time', 'ce_type', 'content-type'],
    properties: {
      ce_id: { type: 'string', format: 'uuid', description: 'CloudEvents `id`: unique per event; consumers use it to deduplicate.' },
      ce_source: { type: 'string', minLength: 1, description: 'CloudEvents `source`: the producing service (a URI-reference).' },
      ce_type: {
        type: 'string',
        const: contract.type,
        description: 'CloudEvents `type`: the event type and version, `dk.fremskudt.<domain>.<event>.v<version>`.',
      },
      ce_specversion: { type: 'string', const: '1.0', description: 'CloudEvents `specversion`.' },
      ce_time: { type: 'string', format: 'date-time', description: 'CloudEvents `time`: when the fact occurred (RFC 3339).' },
      ce_subject: { type: 'string', minLength: 1, description: 'CloudEvents `subject`: the aggregate the event is about.' },
      ce_tenant: {
        type: 'string',
        pattern: TENANT_PATTERN,
        description: 'CloudEvents extension `tenant`: the tenant (municipality) the fact belongs to.',
      },
      ce_correlationid: {
        type: 'string',
        minLength: 1,
        description: 'CloudEvents extension `correlationid` (optional): shared by every event of one request or process.',
      },
      ce_causationid: {
        type: 'string',
        minLength: 1,
        description: 'CloudEvents extension `causationid` (optional): the `id` of the event or command that caused this one.',
      },
      'content-type': { type: 'string', const: 'application/json', description: 'Media type of the value.' },
    },
  };
}

interface ChannelGroup {
  stream: StreamDefinition;
  contracts: EventContract[];
}

function groupByStream(contracts: readonly EventContract[]): ChannelGroup[] {
  const groups = new Map<string, ChannelGroup>();
  const types = new Set<string>();
  for (const contract of contracts) {
    if (types.has(contract.type)) throw new Error(`Event type defined twice: ${contract.type}`);
    types.add(contract.type);
    const id = asyncApiChannelId(contract.stream);
    const group = groups.get(id);
    if (!group) groups.set(id, { stream: contract.stream, contracts: [contract] });
    else if (!sameStream(group.stream, contract.stream)) throw new Error(`Stream ${id} is defined twice with different definitions`);
    else group.contracts.push(contract);
  }
  return [...groups.values()];
}

/** Builds the AsyncAPI 3.0.0 document describing every topic and event of the given contracts. */
export function buildAsyncApiDocument(contracts: readonly EventContract[], options: AsyncApiDocumentOptions = {}): JsonObject {
  const groups = groupByStream(contracts);

  const channels = byKey(
    groups.map(({ stream, contracts: streamContracts }): [string, Json] => [
      asyncApiChannelId(stream),
      {
        address: `{prefix}.${stream.domain}.${stream.name}.v${stream.version}`,
        title: `${stream.domain} ${stream.name} v${stream.version}`,
        description:
          `${stream.description}\n\n` +
          `Owned and published by the \`${stream.domain}\` service. Message key: ${stream.keyDescription}`,
        parameters: { prefix: { $ref: '#/components/parameters/prefix' } },
        messages: byKey(
          streamContracts.map((c): [string, Json] => [asyncApiMessageId(c), { $ref: `#/components/messages/${asyncApiMessageId(c)}` }]),
        ),
      },
    ]),
  );

  const operations = byKey(
    groups.map(({ stream, contracts: streamContracts }): [string, Json] => [
      asyncApiOperationId(stream),
      {
        action: 'send',
        channel: { $ref: `#/channels/${asyncApiChannelId(stream)}` },
        title: `Publish ${stream.domain} ${stream.name} v${stream.version}`,
        summary: `The ${stream.domain} service publishes the ${stream.name} stream.`,
        messages: streamContracts
          .map(asyncApiMessageId)
          .sort()
          .map((id) => ({ $ref: `#/channels/${asyncApiChannelId(stream)}/messages/${id}` })),
      },
    ]),
  );

  const messages = byKey(
    contracts.map((contract): [string, Json] => [
      asyncApiMessageId(contract),
      {
        name: contract.name,
        title: `${contract.name} v${contract.version}`,
        summary: contract.description,
        description: `CloudEvents type \`${contract.type}\` on the ${contract.stream.domain} ${contract.stream.name} v${contract.stream.version} stream.`,
        contentType: 'application/json',
        headers: asyncApiHeadersSchema(contract),
        payload: { $ref: `#/components/schemas/${asyncApiMessageId(contract)}` },
        correlationId: {
          description: 'Correlation id shared by every event of one request or process.',
          location: '$message.header#/ce_correlationid',
        },
        bindings: {
          kafka: {
            key: { type: 'string', description: contract.stream.keyDescription },
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
      },
    ]),
  );

  const schemas = byKey(contracts.map((contract): [string, Json] => [asyncApiMessageId(contract), toPlainJsonSchema(contract.schema)]));

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Fremskudt platform events',
      version: options.version ?? '0.0.0',
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'Local development broker (deploy/local). Installations run their own brokers.',
      },
    },
    channels,
    operations,
    components: {
      parameters: {
        prefix: { description: PREFIX_PARAMETER_DESCRIPTION, default: DEFAULT_TOPIC_PREFIX },
      },
      messages,
      schemas,
    },
  };
}
