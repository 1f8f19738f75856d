import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { withDatabase } from '@fremskudt/persistence';
import { RoleGroups, RootModuleFactory, ServiceDefinition } from '@fremskudt/service-kit';
import { staffIdentity, TestIdentity, tokenFor } from './identities';
import { apiOperations } from './route-walks';
import { ADMIN_DATABASE_URL, TestDatabase, uniqueTopicPrefix } from './test-infrastructure';
import { startTestService, TestService } from './test-service';

/** The slice of an OpenAPI 3 schema object the fuzzer reads. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-roles'?: string[];
}

interface Document {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One generated request: path and query parameters, the JSON body (undefined: none), maybe an Idempotency-Key. */
interface FuzzRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  idempotencyKey: string | null;
}

export interface CommandFuzzingOptions {
  /** Generated requests per command (fast-check runs); the suite stays near a minute on two cores. */
  numRuns?: number;
  /** The fast-check seed, to replay a failure (fast-check prints it). */
  seed?: number;
  /** The tenant whose staff sends the requests. */
  tenant?: string;
  /**
   * Audit tables that record every request, refused ones too (e.g. the access log of citizen
   * data): a refusal may add rows to them, never remove any.
   */
  auditTables?: string[];
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const MAX_FAILURE_TEXT = 1_500;

// ---------------------------------------------------------------------------------------------
// Values: valid-looking ones from the schema, and the hostile ones a client could send instead
// ---------------------------------------------------------------------------------------------

/** Strings that tend to break services: NUL (PostgreSQL refuses it), BOM, bidi override, combining marks, SQL, huge numbers, dots. */
const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\uFEFF', '\u202Eevil', 'e\u0301\u0301\u0301', '😀👍🏽', 'ÆØÅ æøå', "'; DROP TABLE outbox; --", '%', '..', 'null', 'NaN', '1e309', '-1', '0', '9'.repeat(40)];

const unicodeString = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...NASTY_STRINGS));

const oversizedString = fc
  .tuple(fc.constantFrom(300, 5_000, 100_000), fc.constantFrom('x', 'ø', '😀', '\u0000'))
  .map(([length, char]) => char.repeat(length));

/** A value of any JSON type, for replacing a field with something of the wrong type. */
const wrongTypedValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31) - 1, 1e308, '', 'text', [], {}, [null], { nested: { deeper: [] } }),
  unicodeString,
);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const DATES = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true });

function resolve(schema: Schema, document: Document): Schema {
  let resolved = schema;
  for (let hops = 0; resolved.$ref && hops < 10; hops++) {
    const { $ref, ...beside } = resolved;
    resolved = { ...(document.components?.schemas?.[$ref.replace('#/components/schemas/', '')] ?? {}), ...beside };
  }
  if (resolved.allOf?.length) {
    const parts = resolved.allOf.map((part) => resolve(part, document));
    return {
      ...resolved,
      allOf: undefined,
      type: resolved.type ?? parts.find((part) => part.type)?.type,
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), resolved.properties ?? {}),
      required: [...new Set([...(resolved.required ?? []), ...parts.flatMap((part) => part.required ?? [])])],
    };
  }
  return resolved;
}

/**
 * How a valid value is made: `minimal` (required fields only, documented examples where there
 * are any), `examples` (optional fields too), `random` (any value of the type, examples now and
 * then, null where nullable).
 */
type ValueMode = 'minimal' | 'examples' | 'random';

/**
 * A value the schema describes (types, enums, formats, bounds, its example): what a correct
 * client would send, so the fuzzer also reaches the code behind the validation. Ids come from
 * the ids the service has handed out in this run, when there are any.
 */
function validValue(input: Schema, document: Document, known: KnownIds, mode: ValueMode = 'random', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, document);
  const alternatives = schema.oneOf ?? schema.anyOf;
  let value: fc.Arbitrary<unknown>;
  if (alternatives?.length) value = fc.oneof(...alternatives.map((alternative) => validValue(alternative, document, known, mode, depth)));
  else if (schema.enum?.length) value = fc.constantFrom(...schema.enum);
  else if (schema.type === 'object' || schema.properties) {
    const required = (schema.required ?? []).filter((name) => schema.properties?.[name]);
    const properties = Object.entries(schema.properties ?? {}).filter(([name]) => mode !== 'minimal' || required.includes(name));
    value =
      depth > 4
        ? fc.constant({})
        : fc.record(Object.fromEntries(properties.map(([name, property]) => [name, validValue(property, document, known, mode, depth + 1)])), {
            requiredKeys: required,
          });
  } else if (schema.type === 'array') {
    value = fc.array(schema.items && depth <= 4 ? validValue(schema.items, document, known, mode, depth + 1) : fc.jsonValue(), {
      minLength: schema.minItems ?? 0,
      maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
    });
  } else if (schema.type === 'integer') {
    value = fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? Math.max(100, (schema.minimum ?? 0) + 100) });
  } else if (schema.type === 'number') {
    value = fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
  } else if (schema.type === 'boolean') value = fc.boolean();
  else if (schema.format === 'date') value = DATES.map(isoDate);
  else if (schema.format === 'date-time') value = DATES.map((date) => date.toISOString());
  else if (schema.format === 'uuid') value = known.ids.length ? fc.oneof(fc.constantFrom(...known.ids), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
  else value = fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(schema.maxLength ?? 40, 40) });
  if (schema.example !== undefined) value = mode !== 'random' ? fc.constant(schema.example) : fc.oneof({ weight: 2, arbitrary: fc.constant(schema.example) }, { weight: 1, arbitrary: value });
  return schema.nullable && mode === 'random' ? fc.option(value, { nil: null, freq: 6 }) : value;
}

/** Every place in a JSON value a mutation can hit: the paths of its object fields and array items. */
function placesIn(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...path, index], ...placesIn(item, [...path, index])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...path, key], ...placesIn(item, [...path, key])]);
  return [];
}

type Mutation = 'keep' | 'drop' | 'wrong-type' | 'oversize' | 'unicode' | 'nul' | 'unknown-field';

function mutate(body: unknown, mutation: Mutation, pick: number, replacement: unknown): unknown {
  if (mutation === 'keep' || !body || typeof body !== 'object') return body;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const places = placesIn(copy);
  if (mutation === 'unknown-field' || !places.length) return Array.isArray(copy) ? copy : { ...copy, [`unexpected${pick % 3}`]: replacement };
  const path = places[pick % places.length];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  const key = path[path.length - 1];
  if (mutation === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (mutation === 'nul') {
    // A NUL inside an otherwise valid string: PostgreSQL cannot store it in text.
    parent[key] = typeof parent[key] === 'string' ? `${parent[key]}\u0000` : replacement;
  } else {
    parent[key] = replacement;
  }
  return copy;
}

/**
 * The schema's body with one thing wrong: a field dropped, of the wrong type, oversized, odd
 * unicode, a NUL character, or one too many; often nothing wrong. Bodies of the documented
 * examples pass validation often enough to reach the service's rules and its database.
 */
function schemaGuidedBody(schema: Schema, document: Document, known: KnownIds): fc.Arbitrary<unknown> {
  const mutation = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Mutation>('keep') },
    { weight: 5, arbitrary: fc.constantFrom<Mutation>('drop', 'wrong-type', 'oversize', 'unicode', 'nul', 'unknown-field') },
  );
  const body = fc.oneof(validValue(schema, document, known, 'minimal'), validValue(schema, document, known, 'examples'), validValue(schema, document, known));
  return fc.record({ body, mutation, pick: fc.nat(), replacement: wrongTypedValue, oversized: oversizedString, unicode: unicodeString }).map(
    ({ body, mutation: kind, pick, replacement, oversized, unicode }) =>
      mutate(body, kind, pick, kind === 'oversize' ? oversized : kind === 'unicode' ? unicode : replacement),
  );
}

/** A path parameter: an id the service handed out, a valid-looking unknown uuid, garbage, or something very long. */
function pathParameter(parameter: Parameter, document: Document, known: KnownIds): fc.Arbitrary<string> {
  const schemaValue = validValue(parameter.schema ?? { type: 'string' }, document, known).map((value) => String(value));
  return fc.oneof(
    { weight: 4, arbitrary: known.ids.length ? fc.constantFrom(...known.ids) : fc.uuid({ version: 4 }) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 2, arbitrary: schemaValue },
    { weight: 2, arbitrary: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.constantFrom(...NASTY_STRINGS.filter(Boolean))) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 256, maxLength: 2_000 }) },
  );
}

function queryParameter(parameter: Parameter, document: Document, known: KnownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validValue(parameter.schema ?? { type: 'string' }, document, known).map((value) => String(value)) },
    { weight: 1, arbitrary: unicodeString },
    { weight: 1, arbitrary: oversizedString.map((text) => text.slice(0, 2_000)) },
  );
}

/** The requests for one command: its parameters (required ones always), and a body of any shape. */
function requestsFor(operation: Operation, document: Document, known: KnownIds): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const path = parameters.filter((parameter) => parameter.in === 'path');
  const query = parameters.filter((parameter) => parameter.in === 'query');
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const bodies: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.object({ maxDepth: 2 }) },
  ];
  if (schema) bodies.push({ weight: 8, arbitrary: schemaGuidedBody(schema, document, known) });
  return fc.record({
    path: fc.record(Object.fromEntries(path.map((parameter) => [parameter.name, pathParameter(parameter, document, known)]))),
    query: fc.record(Object.fromEntries(query.map((parameter) => [parameter.name, queryParameter(parameter, document, known)])), {
      requiredKeys: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    }),
    body: fc.oneof(...bodies),
    idempotencyKey: fc.option(fc.uuid({ version: 4 }), { freq: 3 }),
  }) as fc.Arbitrary<FuzzRequest>;
}

// ---------------------------------------------------------------------------------------------
// Observing the service
// ---------------------------------------------------------------------------------------------

/** Ids from the service's successful answers, to aim later requests at things that exist. */
interface KnownIds {
  ids: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function harvestIds(value: unknown, known: KnownIds, depth = 0): void {
  if (depth > 3 || known.ids.length >= 200) return;
  if (typeof value === 'string' && UUID.test(value) && !known.ids.includes(value)) known.ids.push(value);
  else if (Array.isArray(value)) value.slice(0, 20).forEach((item) => harvestIds(item, known, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => harvestIds(item, known, depth + 1));
}

/** The outbox relay marks rows sent on its own time: only the outbox's row count is compared. */
const CHANGED_IN_THE_BACKGROUND = new Set(['outbox']);

/**
 * What the database holds, table by table: the row count, and a digest of every row (so an
 * update shows too). One superuser query, which row-level security does not filter.
 */
async function snapshotQuery(database: TestDatabase, auditTables: ReadonlySet<string>): Promise<string> {
  const tables = (await database.inspect<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((row) => row.name);
  return tables
    .map((table) => {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const digest = CHANGED_IN_THE_BACKGROUND.has(table) || auditTables.has(table) ? `''` : `md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))`;
      return `SELECT '${table.replace(/'/g, "''")}' AS table, count(*)::int AS rows, ${digest} AS digest FROM ${quoted} x`;
    })
    .join(' UNION ALL ');
}

type Snapshot = Map<string, { rows: number; digest: string }>;

/**
 * Takes snapshots over one superuser connection, kept open for the suite: the same query
 * through `database.inspect` would open a connection per request and double the run time.
 */
async function snapshotter(database: TestDatabase, auditTables: ReadonlySet<string>): Promise<{ take(): Promise<Snapshot>; close(): Promise<void> }> {
  const query = await snapshotQuery(database, auditTables);
  const client = new Client({ connectionString: withDatabase(ADMIN_DATABASE_URL, database.name) });
  await client.connect();
  return {
    take: async () => new Map((await client.query<{ table: string; rows: number; digest: string }>(query)).rows.map(({ table, ...state }) => [table, state])),
    close: () => client.end(),
  };
}

/** The snapshot once two in a row, 200 ms apart, are the same (at most ten seconds). */
async function settled(snapshots: { take(): Promise<Snapshot> }): Promise<Snapshot> {
  const same = (a: Snapshot, b: Snapshot) => [...a].every(([table, state]) => b.get(table)?.rows === state.rows && b.get(table)?.digest === state.digest);
  let last = await snapshots.take();
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await snapshots.take();
    if (same(last, next)) return next;
    last = next;
  }
  return last;
}

/** The tables a refused request changed; an audit table only counts when it lost rows. */
function changedTables(before: Snapshot, after: Snapshot, auditTables: ReadonlySet<string>): string[] {
  return [...after.entries()]
    .filter(([table, state]) => {
      const previous = before.get(table);
      if (auditTables.has(table)) return !previous || state.rows < previous.rows;
      return !previous || previous.rows !== state.rows || previous.digest !== state.digest;
    })
    .map(([table, state]) => `${table}: ${before.get(table)?.rows} → ${state.rows} rows${auditTables.has(table) ? '' : ' or changed'}`);
}

const urlOf = (template: string, fuzz: FuzzRequest) => {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(fuzz.path[name] ?? ''));
  const query = new URLSearchParams(fuzz.query).toString();
  return query ? `${path}?${query}` : path;
};

const shorten = (text: string) => (text.length > MAX_FAILURE_TEXT ? `${text.slice(0, MAX_FAILURE_TEXT)}… (${text.length} characters)` : text);

/** Staff with every staff role, or, for an endpoint no staff role may call, a user with the endpoint's own roles. */
function identityFor(operation: Operation, tenant: string): TestIdentity {
  const roles = operation['x-roles'] ?? [];
  if (!roles.length || roles.some((role) => (RoleGroups.staff as readonly string[]).includes(role))) return staffIdentity(tenant);
  return { user: 'fuzz-partner', tenant, roles: roles as TestIdentity['roles'], org: 'fuzz-partner-org' };
}

/** FUZZ_RUNS overrides the suite's runs per command: to fuzz longer by hand (FUZZ_RUNS=500). */
const runsPerCommand = (options: CommandFuzzingOptions) => Number(process.env.FUZZ_RUNS) || options.numRuns || 20;

export interface CommandFuzzingReport {
  /** One entry per command whose property failed: what went wrong, with fast-check's counterexample and seed. */
  failures: string[];
  /** How often each command answered each status: how deep the generated requests got. */
  answers: Record<string, Record<number, number>>;
}

/**
 * Fuzzes every command (POST, PUT, PATCH, DELETE) of a running service's OpenAPI document with
 * fast-check, as an authorised user with a real token: arbitrary JSON (fc.anything, fc.object),
 * bodies built from the operation's schema with one thing wrong (a field dropped, of the wrong
 * type, oversized, odd unicode, an unknown field) or nothing wrong, path parameters that are
 * ids the service handed out, unknown uuids, garbage or very long, odd query values, with and
 * without an Idempotency-Key. Checks every answer: no 5xx; every refusal is problem+json; and
 * a refused request (4xx) wrote nothing, in no table. Commands without path parameters go
 * first: they create the things the others then aim at.
 */
export async function fuzzCommands(service: TestService, options: CommandFuzzingOptions = {}): Promise<CommandFuzzingReport> {
  const numRuns = runsPerCommand(options);
  const tenant = options.tenant ?? 'kbh';
  const auditTables = new Set(options.auditTables ?? []);
  const document = (await request(service.http).get('/docs-json').expect(200)).body as Document;
  const commands = (await apiOperations(service))
    .filter(({ method }) => (COMMAND_METHODS as readonly string[]).includes(method))
    .map(({ path, method }) => ({ path, method, operation: document.paths[path][method]! }))
    .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  const known: KnownIds = { ids: [] };
  const report: CommandFuzzingReport = { failures: [], answers: {} };
  const snapshots = await snapshotter(service.database, auditTables);
  try {
    let before = await snapshots.take();
    for (const { path, method, operation } of commands) {
      const command = `${method.toUpperCase()} ${path}`;
      const tally: Record<number, number> = (report.answers[command] = {});
      const authorization = `Bearer ${await tokenFor(identityFor(operation, tenant))}`;
      const property = fc.asyncProperty(requestsFor(operation, document, known), async (fuzz) => {
        let call = request(service.http)[method](urlOf(path, fuzz)).set('authorization', authorization).set('content-type', 'application/json');
        if (fuzz.idempotencyKey) call = call.set('idempotency-key', fuzz.idempotencyKey);
        const json = fuzz.body === undefined ? undefined : JSON.stringify(fuzz.body);
        const answer = await (json === undefined ? call : call.send(json));
        const after = await snapshots.take();
        const previous = before;
        before = after;
        tally[answer.status] = (tally[answer.status] ?? 0) + 1;
        const sent = `${method.toUpperCase()} ${urlOf(path, fuzz).slice(0, 200)} ${(json ?? '(no body)').slice(0, 300)}`;
        if (answer.status >= 500) throw new Error(`answered ${answer.status}: ${answer.text}\nto ${sent}`);
        if (answer.status >= 400) {
          if (!/^application\/problem\+json/.test(answer.headers['content-type'] ?? '')) throw new Error(`refused with ${answer.status} but not as problem+json: ${answer.text}\nto ${sent}`);
          const changed = changedTables(previous, after, auditTables);
          if (changed.length) throw new Error(`refused with ${answer.status} ${answer.body?.code ?? ''} but wrote: ${changed.join('; ')}\nto ${sent}`);
        } else {
          harvestIds(answer.body, known);
          // 202: the command goes on in the background (e.g. a read-model rebuild); the next
          // request's "before" is taken once the database has settled.
          if (answer.status === 202) before = await settled(snapshots);
        }
      });
      try {
        // Shrinking a failure is worth a little time, not minutes: it stops after ten seconds.
        await fc.assert(property, { numRuns, seed: options.seed, interruptAfterTimeLimit: 10_000 });
      } catch (error) {
        // fast-check keeps the property's own error as the cause: it says what went wrong.
        const cause = (error as Error).cause instanceof Error ? `\n${((error as Error).cause as Error).message}` : '';
        report.failures.push(shorten(`${command}: ${(error as Error).message.replace(/\n\nHint: .*$/s, '')}${cause}`));
      }
    }
  } finally {
    await snapshots.close();
  }
  return report;
}

/**
 * The suite of fuzzCommands for one service (booted on its own database and topics): no
 * failures, and, so that a broken harness cannot pass by being refused everywhere, no 401 and
 * at least one command that succeeded. FUZZ_REPORT=1 prints the answers per command; FUZZ_RUNS
 * sets the runs per command.
 */
export function describeCommandFuzzing(definition: ServiceDefinition, rootModule: RootModuleFactory, options: CommandFuzzingOptions = {}): void {
  describe(`${definition.name}: every command fuzzed (no 5xx, problem+json refusals that write nothing)`, () => {
    let service: TestService;

    beforeAll(async () => {
      service = await startTestService(definition, rootModule, { topicPrefix: uniqueTopicPrefix(`${definition.name}-fuzz`) });
    });
    afterAll(() => service?.dispose());

    it(`${runsPerCommand(options)} generated requests per command`, async () => {
      const { failures, answers } = await fuzzCommands(service, options);
      if (process.env.FUZZ_REPORT) process.stdout.write(`${Object.entries(answers).map(([command, tally]) => `${command} ${JSON.stringify(tally)}`).join('\n')}\n`);
      expect(failures).toEqual([]);
      const statuses = Object.values(answers).flatMap((tally) => Object.keys(tally).map(Number));
      expect(Object.keys(answers).length).toBeGreaterThan(0);
      expect(statuses).not.toContain(401);
      expect(statuses.some((status) => status < 300)).toBe(true);
    }, 600_000);
  });
}
