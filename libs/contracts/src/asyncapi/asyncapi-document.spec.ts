import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { Type } from '@sinclair/typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CitizenRegistered, CitizensStream } from '../caseload/citizens.stream';
import { ALL_EVENT_CONTRACTS } from '../catalog';
import { EnvelopeAttributes } from '../core/envelope';
import { defineEvent, EventContract } from '../core/event-contract';
import { encodeKafkaRecord } from '../core/kafka-codec';
import { ContractRegistry, EventRejectedError } from '../core/registry';
import { defineStream } from '../core/stream';
import { buildAsyncApiDocument, asyncApiChannelId, asyncApiMessageId, asyncApiOperationId } from './asyncapi-document';

// Tests walk the generated plain-JSON document freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** The parser decorates schemas with `x-parser-*` keys; strip them before comparing. */
const withoutParserKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutParserKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => !key.startsWith('x-parser-'))
            .map(([key, v]) => [key, withoutParserKeys(v)]),
        )
      : value;

const errorsOf = (diagnostics: { severity: number; message: string; path: (string | number)[] }[]) =>
  diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.path.join('/')}: ${d.message}`);

// A second stream and events, so grouping, ordering and multi-message channels are exercised.
const PlacementsStream = defineStream({
  domain: 'placements',
  name: 'placements',
  version: 2,
  description: 'Company placements, in order per placement.',
  keyDescription: "The placement's pseudonymous id.",
});
const PlacementStarted = defineEvent({
  name: 'PlacementStarted',
  version: 1,
  stream: PlacementsStream,
  description: 'A placement started.',
  schema: Type.Object({ placementId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  keyOf: (p) => p.placementId,
});
const PlacementEnded = defineEvent({ ...PlacementStarted, name: 'PlacementEnded', description: 'A placement ended.' });
const CitizenRegisteredV2 = defineEvent({
  name: 'CitizenRegistered',
  version: 2,
  stream: CitizensStream,
  description: 'A citizen was registered (v2).',
  schema: Type.Object({ citizenId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  keyOf: (p) => p.citizenId,
});
const SEVERAL: EventContract[] = [PlacementEnded, CitizenRegisteredV2, PlacementStarted, CitizenRegistered];

async function parse(document: unknown) {
  // Parse the JSON text: the parser decorates objects it is given in place.
  return new Parser().parse(JSON.stringify(document));
}

describe('buildAsyncApiDocument', () => {
  it('produces an AsyncAPI 3.0.0 document the parser accepts without errors, with a channel per stream and a message per contract', async () => {
    const { document, diagnostics } = await parse(buildAsyncApiDocument(ALL_EVENT_CONTRACTS, { version: '1.2.3' }));

    expect(errorsOf(diagnostics)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(document!.info().title()).toBe('Fremskudt platform events');
    expect(document!.info().version()).toBe('1.2.3');

    const streams = [...new Set(ALL_EVENT_CONTRACTS.map((c) => c.stream))];
    expect(document!.channels().all().map((c) => c.id()).sort()).toEqual(streams.map(asyncApiChannelId).sort());
    for (const stream of streams) {
      const channel = document!.channels().get(asyncApiChannelId(stream))!;
      expect(channel.address()).toBe(`{prefix}.${stream.domain}.${stream.name}.v${stream.version}`);
      const prefix = channel.parameters().get('prefix');
      expect(prefix?.description()).toMatch(/prefix/i);
      expect(prefix?.json()).toMatchObject({ default: 'fremskudt' });
    }

    const messages = document!.components().messages();
    expect(messages.all().map((m) => m.id()).sort()).toEqual(ALL_EVENT_CONTRACTS.map(asyncApiMessageId).sort());
    for (const contract of ALL_EVENT_CONTRACTS) {
      const message = document!.channels().get(asyncApiChannelId(contract.stream))!.messages().get(asyncApiMessageId(contract));
      expect(message).toBeDefined();
      expect(message!.name()).toBe(contract.name);
      expect(message!.summary()).toBe(contract.description);
      expect(message!.contentType()).toBe('application/json');
      expect(withoutParserKeys(message!.payload()!.json())).toEqual(JSON.parse(JSON.stringify(contract.schema)));
      expect((message!.headers()!.json() as Obj).properties.ce_type.const).toBe(contract.type);
      const kafka = message!.bindings().get('kafka')!;
      expect(kafka.version()).toBe('0.5.0');
      expect((kafka.value() as Obj).key).toMatchObject({ type: 'string' });
    }
  });

  it('has one send operation per channel that publishes exactly the messages of that stream', async () => {
    const { document, diagnostics } = await parse(buildAsyncApiDocument(SEVERAL));

    expect(errorsOf(diagnostics)).toEqual([]);
    const operations = document!.operations().all();
    expect(operations.map((o) => o.id()).sort()).toEqual(['caseload.citizens.v1.publish', 'placements.placements.v2.publish']);
    for (const operation of operations) expect(operation.action()).toBe('send');

    const placements = document!.operations().get(asyncApiOperationId(PlacementsStream))!;
    expect(placements.channels().all().map((c) => c.address())).toEqual(['{prefix}.placements.placements.v2']);
    expect(placements.messages().all().map((m) => m.name()).sort()).toEqual(['PlacementEnded', 'PlacementStarted']);

    const citizens = document!.channels().get('caseload.citizens.v1')!;
    expect(citizens.messages().all().map((m) => m.id()).sort()).toEqual(['caseload.CitizenRegistered.v1', 'caseload.CitizenRegistered.v2']);
  });

  it('the parser reports errors for broken documents (so the checks above mean something)', async () => {
    const wrongMessage = buildAsyncApiDocument(ALL_EVENT_CONTRACTS) as Obj;
    // In AsyncAPI 3 an operation may only reference messages of its own channel.
    (Object.values(wrongMessage.operations)[0] as Obj).messages = [{ $ref: '#/components/messages/caseload.CitizenRegistered.v1' }];
    expect(errorsOf((await parse(wrongMessage)).diagnostics).join('\n')).toMatch(/does not belong to the specified channel/);

    const undeclaredParameter = buildAsyncApiDocument(ALL_EVENT_CONTRACTS) as Obj;
    (Object.values(undeclaredParameter.channels)[0] as Obj).address = '{tenant}.caseload.citizens.v1';
    expect(errorsOf((await parse(undeclaredParameter)).diagnostics).join('\n')).toMatch(/Missed: tenant/);
  });

  it('describes the topic naming, envelope, keys, dead letters and personal-data rule in info.description', () => {
    const description = (buildAsyncApiDocument(ALL_EVENT_CONTRACTS) as Obj).info.description as string;
    for (const phrase of [
      '<prefix>.<domain>.<stream>.v<version>',
      'binary content mode',
      'ce_tenant',
      'ce_correlationid',
      'ce_causationid',
      'aggregate id',
      '<consumer group>.dlt',
      'dlt_*',
      'CPR numbers, names or free text',
      'new topic version',
    ]) {
      expect(description).toContain(phrase);
    }
  });

  it('has a local kafka server', () => {
    expect((buildAsyncApiDocument(ALL_EVENT_CONTRACTS) as Obj).servers).toEqual({
      local: expect.objectContaining({ host: '127.0.0.1:9092', protocol: 'kafka' }),
    });
  });

  it('strips TypeBox symbol keys from payload schemas', () => {
    const schema = (buildAsyncApiDocument([CitizenRegistered]) as Obj).components.schemas[asyncApiMessageId(CitizenRegistered)];
    expect(Object.getOwnPropertySymbols(CitizenRegistered.schema).length).toBeGreaterThan(0);
    expect(Object.getOwnPropertySymbols(schema)).toEqual([]);
    expect(Object.getOwnPropertySymbols(schema.properties.citizenId)).toEqual([]);
    expect(schema.properties.citizenId).toEqual({ type: 'string', format: 'uuid', description: "The citizen's pseudonymous id" });
  });

  it('is deterministic: the order of the contracts does not change the output', () => {
    const forwards = JSON.stringify(buildAsyncApiDocument(SEVERAL));
    const backwards = JSON.stringify(buildAsyncApiDocument([...SEVERAL].reverse()));
    expect(backwards).toBe(forwards);
    const document = JSON.parse(forwards) as Obj;
    expect(Object.keys(document.channels)).toEqual(['caseload.citizens.v1', 'placements.placements.v2']);
    expect(Object.keys(document.components.messages)).toEqual([
      'caseload.CitizenRegistered.v1',
      'caseload.CitizenRegistered.v2',
      'placements.PlacementEnded.v1',
      'placements.PlacementStarted.v1',
    ]);
  });

  it('refuses the same event type twice and two different definitions of one stream', () => {
    expect(() => buildAsyncApiDocument([CitizenRegistered, CitizenRegistered])).toThrow(/defined twice: dk\.fremskudt\.caseload\.citizen-registered\.v1/);
    const Impostor = defineEvent({
      ...PlacementStarted,
      name: 'PlacementPaused',
      stream: defineStream({ ...PlacementsStream, description: 'Something else' }),
    });
    expect(() => buildAsyncApiDocument([PlacementStarted, Impostor])).toThrow(/placements\.placements\.v2 is defined twice/);
  });

  describe('headers schema agrees with the Kafka codec and the registry', () => {
    const headersSchema = (buildAsyncApiDocument([CitizenRegistered]) as Obj).components.messages[asyncApiMessageId(CitizenRegistered)].headers;
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validateHeaders = ajv.compile(headersSchema);
    const registry = new ContractRegistry([CitizenRegistered]);
    const attributes: EnvelopeAttributes = {
      id: '6f1c1d0e-6a8e-4c59-9d3e-2b1f0a7c9e11',
      source: '/fremskudt/caseload',
      type: CitizenRegistered.type,
      specversion: '1.0',
      time: '2025-03-01T10:00:00Z',
      subject: '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d',
      tenant: 'kbh',
      datacontenttype: 'application/json',
      correlationid: 'c-1',
    };
    const data = {
      citizenId: '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d',
      birthDate: '1990-05-17',
      areaCode: 'tingbjerg',
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      periodId: '5a0c7d1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f',
      periodOpenedOn: '2025-03-01',
      matchGroup: 3,
      step: 1,
      interpreterNeeded: false,
      registeredAt: '2025-03-01T10:00:00Z',
    };
    const registryAccepts = (tenant: string) => {
      try {
        registry.validateEnvelope({ ...attributes, tenant, data });
        return true;
      } catch (error) {
        if (error instanceof EventRejectedError) return false;
        throw error;
      }
    };

    it('accepts the headers the codec writes', () => {
      const { headers } = encodeKafkaRecord({ ...attributes, data }, data.citizenId);
      expect(validateHeaders(headers)).toBe(true);
    });

    it('rejects missing headers and another event type', () => {
      const { headers } = encodeKafkaRecord({ ...attributes, data }, data.citizenId);
      const { ce_tenant: _omitted, ...withoutTenant } = headers;
      expect(validateHeaders(withoutTenant)).toBe(false);
      expect(validateHeaders({ ...headers, ce_type: 'dk.fremskudt.caseload.other.v1' })).toBe(false);
    });

    it.each(['kbh', 'slagelse', 'k1-b', 'k', 'Kbh', '1kbh', 'kbh_x', `k${'a'.repeat(62)}`, `k${'a'.repeat(63)}`])(
      'ce_tenant %p: the document and the registry agree',
      (tenant) => {
        const { headers } = encodeKafkaRecord({ ...attributes, tenant, data }, data.citizenId);
        expect(validateHeaders(headers)).toBe(registryAccepts(tenant));
      },
    );
  });
});
