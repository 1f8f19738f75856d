import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { EventContract, PayloadOf, StreamDefinition, topicName } from '@fremskudt/contracts';
import { RootModuleFactory, ServiceDefinition } from '@fremskudt/service-kit';
import { envelopeFor, EventProbe, produceEvents } from './kafka-probes';
import { uniqueTopicPrefix, waitFor } from './test-infrastructure';
import { staffIdentity, TestIdentity, withToken } from './identities';
import { startTestService, TestService } from './test-service';

/** The two municipalities the suites use: their data must never mix. */
export const KBH = 'kbh';
export const SLAGELSE = 'slagelse';

/** A well-formed (v4) id that nothing in any suite has. */
export const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

/** The fields a problem response names in `errors[].field`, each once, sorted. */
export const fieldsOf = (body: { errors?: Array<{ field: string }> }): string[] => [...new Set((body.errors ?? []).map((e) => e.field))].sort();

export interface ServiceTestbedOptions {
  /** The stream the event probe collects from its beginning; `false` for no probe. */
  probe: StreamDefinition | false;
}

/**
 * The harness of one service's integration suites (real PostgreSQL and Kafka): starts the service
 * and an event probe in `beforeAll` and stops them in `afterAll` of the enclosing describe block,
 * and gives a tenant-scoped HTTP client, superuser SQL, and a way to play other services' events
 * onto the topics the service consumes. `label` names the suite's topics.
 */
export function serviceTestbed(label: string, definition: ServiceDefinition, rootModule: RootModuleFactory, options: ServiceTestbedOptions) {
  const prefix = uniqueTopicPrefix(label);
  const name = `${definition.name} testbed (${label})`;
  let service: TestService | undefined;
  let probe: EventProbe | undefined;

  beforeAll(async () => {
    service = await startTestService(definition, rootModule, { topicPrefix: prefix });
    if (options.probe) probe = await EventProbe.start(topicName(prefix, options.probe));
  });
  afterAll(async () => {
    await probe?.stop();
    await service?.dispose();
  });

  const started = (): TestService => {
    if (!service) throw new Error(`${name}: the service is there only in hooks and tests, after beforeAll`);
    return service;
  };

  /**
   * Requests as a user (a tenant's staff user holding every staff role, or the identity given)
   * with a real token from the local OIDC provider, and an Idempotency-Key on the commands when
   * one is given.
   */
  const api = (who: string | TestIdentity = KBH) => {
    const identity = typeof who === 'string' ? staffIdentity(who) : who;
    const asTenant = (req: request.Test, key?: string) => withToken(key ? req.set('idempotency-key', key) : req, identity);
    return {
      get: (path: string) => asTenant(request(started().http).get(path)),
      post: (path: string, body: object, key?: string) => asTenant(request(started().http).post(path), key).send(body),
      put: (path: string, body: object, key?: string) => asTenant(request(started().http).put(path), key).send(body),
      patch: (path: string, body: object, key?: string) => asTenant(request(started().http).patch(path), key).send(body),
      delete: (path: string, key?: string) => asTenant(request(started().http).delete(path), key),
    };
  };

  /** Runs SQL as superuser (no row-level security): to look behind the API, or to set up state another package owns. */
  const inspect = <R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> => started().database.inspect<R>(sql, params);

  /** Waits until the SQL (as superuser) answers rows that satisfy `check`, and answers them. */
  const eventually = async <R = Record<string, unknown>>(sql: string, params: unknown[], check: (rows: R[]) => boolean, what = sql): Promise<R[]> => {
    let rows: R[] = [];
    await waitFor(
      async () => {
        rows = await inspect<R>(sql, params);
        return check(rows);
      },
      { timeoutMs: 20_000, what },
    );
    return rows;
  };

  /** Plays other services' events, as the tenant, onto the topics under this suite's prefix. */
  const play = async (tenant: string, events: Array<{ contract: EventContract; payload: unknown; id?: string }>): Promise<void> => {
    await produceEvents(
      prefix,
      events.map(({ contract, payload, id }) => ({
        contract,
        envelope: envelopeFor(contract, payload as PayloadOf<typeof contract>, tenant, (id ?? randomUUID()) as ReturnType<typeof randomUUID>),
      })),
    );
  };

  /** The event types the service wrote to its outbox for a message key (the aggregate id), in order. */
  const outboxTypes = async (key: string): Promise<string[]> =>
    (await inspect<{ event_type: string }>(`SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY seq`, [key])).map((row) => row.event_type);

  return {
    get service(): TestService {
      return started();
    },
    get probe(): EventProbe {
      if (!probe) throw new Error(`${name}: ${options.probe ? 'the probe is there only in hooks and tests, after beforeAll' : 'started without a probe'}`);
      return probe;
    },
    /** The suite's topic prefix. */
    prefix,
    api,
    inspect,
    eventually,
    play,
    outboxTypes,
    /** The OpenAPI document, asked for without a tenant (200). */
    openApiDocument: async () => (await request(started().http).get('/docs-json').expect(200)).body,
  };
}

export type ServiceTestbed = ReturnType<typeof serviceTestbed>;
