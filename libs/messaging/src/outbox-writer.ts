import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ContractRegistry, encodeKafkaRecord, EventContract, EventEnvelope, PayloadOf, topicName } from '@fremskudt/contracts';
import { TenantContext } from '@fremskudt/persistence';

export interface PublishOptions {
  /** Event id; pass the command id to make a retried command produce the same event id. */
  eventId?: string;
  time?: Date;
  correlationId?: string;
  causationId?: string;
}

/**
 * Writes events to the outbox inside the caller's transaction, so state and event commit
 * together or not at all. Payloads are validated against their contract here, on produce.
 */
export class OutboxWriter {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly topicPrefix: string,
    private readonly serviceName: string,
  ) {}

  async publish<C extends EventContract>(
    manager: EntityManager,
    contract: C,
    payload: PayloadOf<C>,
    options: PublishOptions = {},
  ): Promise<EventEnvelope<PayloadOf<C>>> {
    this.registry.validatePayload(contract.type, payload);
    const key = contract.keyOf(payload);
    const envelope: EventEnvelope<PayloadOf<C>> = {
      id: options.eventId ?? randomUUID(),
      source: `/fremskudt/${this.serviceName}`,
      type: contract.type,
      specversion: '1.0',
      time: (options.time ?? new Date()).toISOString(),
      subject: key,
      tenant: TenantContext.currentTenant(),
      datacontenttype: 'application/json',
      ...(options.correlationId ? { correlationid: options.correlationId } : {}),
      ...(options.causationId ? { causationid: options.causationId } : {}),
      data: payload,
    };
    const record = encodeKafkaRecord(envelope, key);
    await manager.query(
      `INSERT INTO outbox (event_id, tenant_id, topic, message_key, headers, value, event_type)
       VALUES ($1, current_setting('app.tenant_id'), $2, $3, $4, $5, $6)`,
      [envelope.id, topicName(this.topicPrefix, contract.stream), key, record.headers, record.value, contract.type],
    );
    return envelope;
  }
}
