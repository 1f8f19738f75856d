import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { KafkaEventContext } from '@fremskudt/messaging';
import { applyToReadModels, PROJECTED_EVENT_TYPES } from './projections';

/**
 * Feeds the goal engine's read models from every projected event type. Runs in the transaction
 * that records the event in the inbox, so a redelivered event has no second effect; the writes
 * are idempotent and order-independent besides (see ReadModelWriter), which the rebuild needs.
 */
@Controller()
export class ReadModelsHandler {
  @EventPattern(PROJECTED_EVENT_TYPES)
  async onEvent(@Ctx() context: KafkaEventContext): Promise<void> {
    await applyToReadModels(context.manager, context.envelope);
  }
}
