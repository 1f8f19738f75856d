import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventContract } from './event-contract';
import { EventEnvelope } from './envelope';
import { StreamDefinition } from './stream';

export type EventRejectionReason = 'malformed-message' | 'unknown-event-type' | 'invalid-payload' | 'invalid-envelope';

export interface FieldError {
  /** JSON pointer into the payload or the envelope, e.g. `/citizenId`. */
  path: string;
  message: string;
}

/** An event that does not satisfy its contract. Never retried: it goes to the dead-letter topic. */
export class EventRejectedError extends Error {
  constructor(
    readonly reason: EventRejectionReason,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(fieldErrors.length ? `${message}: ${fieldErrors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}` : message);
    this.name = 'EventRejectedError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const TENANT = /^[a-z][a-z0-9-]{1,62}$/;

const toFieldErrors = (errors: ErrorObject[] | null | undefined): FieldError[] =>
  (errors ?? []).map((error) => ({
    path:
      error.keyword === 'required'
        ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`
          : error.instancePath,
    message: error.message ?? error.keyword,
  }));

/** Every contract a process knows, with compiled payload validators. */
export class ContractRegistry {
  private readonly byType = new Map<string, { contract: EventContract; validate: ValidateFunction }>();
  /** RFC 3339 date-time, as ajv-formats checks it in payloads (Date.parse alone accepts e.g. `1`). */
  private readonly isDateTime: ValidateFunction;

  constructor(contracts: readonly EventContract[]) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    this.isDateTime = ajv.compile({ type: 'string', format: 'date-time' });
    for (const contract of contracts) {
      if (this.byType.has(contract.type)) throw new Error(`Event type defined twice: ${contract.type}`);
      this.byType.set(contract.type, { contract, validate: ajv.compile(contract.schema) });
    }
  }

  get contracts(): EventContract[] {
    return [...this.byType.values()].map((entry) => entry.contract);
  }

  get streams(): StreamDefinition[] {
    return [...new Set(this.contracts.map((c) => c.stream))];
  }

  find(type: string): EventContract | undefined {
    return this.byType.get(type)?.contract;
  }

  /** Throws EventRejectedError naming every offending field. */
  validatePayload(type: string, data: unknown): EventContract {
    const entry = this.byType.get(type);
    if (!entry) throw new EventRejectedError('unknown-event-type', `Unknown event type or version: ${type}`);
    if (!entry.validate(data)) {
      throw new EventRejectedError('invalid-payload', `Payload does not match ${type}`, toFieldErrors(entry.validate.errors));
    }
    return entry.contract;
  }

  validateEnvelope(envelope: EventEnvelope): EventContract {
    const errors: FieldError[] = [];
    if (!UUID.test(envelope.id ?? '')) errors.push({ path: '/id', message: 'must be a UUID' });
    if (!envelope.source) errors.push({ path: '/source', message: 'is required' });
    if (envelope.specversion !== '1.0') errors.push({ path: '/specversion', message: "must be '1.0'" });
    if (!this.isDateTime(envelope.time)) errors.push({ path: '/time', message: 'must be an RFC 3339 time' });
    if (!envelope.subject) errors.push({ path: '/subject', message: 'is required' });
    if (!TENANT.test(envelope.tenant ?? '')) errors.push({ path: '/tenant', message: `must match ${TENANT}` });
    if (errors.length) throw new EventRejectedError('invalid-envelope', 'Invalid event envelope', errors);
    return this.validatePayload(envelope.type, envelope.data);
  }
}
