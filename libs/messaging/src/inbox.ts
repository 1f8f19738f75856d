import { EntityManager } from 'typeorm';

/**
 * Records an event as processed by a consumer group, in the transaction of its effect.
 * Returns false when it was already processed: the caller then skips the effect.
 */
export async function recordProcessedEvent(
  manager: EntityManager,
  consumerGroup: string,
  eventId: string,
  eventType: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO processed_event (tenant_id, consumer_group, event_id, event_type)
     VALUES (current_setting('app.tenant_id'), $1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, eventId, eventType],
  );
  return rows.length === 1;
}
