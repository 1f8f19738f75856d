import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventContract, EventEnvelope, PayloadOf } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';

/**
 * Publishes caseload's events through the outbox and records each in the citizen's timeline,
 * in the caller's transaction: state, event and timeline commit together or not at all.
 */
@Injectable()
export class CaseEvents {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  /** `occurredOn` is the date the fact took effect (an ISO date), shown in the timeline. */
  async publish<C extends EventContract>(
    manager: EntityManager,
    contract: C,
    payload: PayloadOf<C> & { citizenId: string },
    occurredOn: string,
  ): Promise<EventEnvelope<PayloadOf<C>>> {
    const envelope = await this.outbox.publish(manager, contract, payload);
    await this.recordInTimeline(manager, envelope, payload.citizenId, occurredOn, 'caseload');
    return envelope;
  }

  /** Records a fact another service published about one of our citizens (placements, counselling). */
  async recordInTimeline(manager: EntityManager, envelope: EventEnvelope, citizenId: string, occurredOn: string, source: string): Promise<void> {
    // A redelivered foreign event is recorded once (event ids are unique).
    await manager.query(
      `INSERT INTO timeline_entry (tenant_id, citizen_id, event_id, event_type, source, occurred_on, data)
       VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
      [citizenId, envelope.id, envelope.type, source, occurredOn, JSON.stringify(envelope.data)],
    );
  }
}
