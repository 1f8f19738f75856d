import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@fremskudt/contracts';

export interface ConsumedEventMeta {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/**
 * What a handler gets besides the payload (`@Ctx()`): the envelope (tenant, id, time) and the
 * EntityManager of the transaction that also records the event as processed. Write through
 * this manager, or the effect is not atomic with the idempotency record.
 */
export class KafkaEventContext extends BaseRpcContext<[EventEnvelope, EntityManager, ConsumedEventMeta]> {
  get envelope(): EventEnvelope {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
  get meta(): ConsumedEventMeta {
    return this.args[2];
  }
}

/** Thrown by a handler for a failure that no retry can fix: dead-lettered at once. */
export class NonRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableError';
  }
}
