import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CitizenAreaChanged, CitizenExited, CitizenReentered, CitizenRegistered, PayloadOf } from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';

/**
 * Keeps the known-citizens read model from caseload's citizens topic. Each handler writes the
 * state the event describes, so a redelivery or a replay leaves the same row; one citizen's
 * events arrive in order (same key). Runs in the transaction that records the event as processed.
 */
@Controller()
export class CitizensHandler {
  @EventPattern(CitizenRegistered.type)
  async onRegistered(@Payload() event: PayloadOf<typeof CitizenRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await upsert(context, event.citizenId, event.areaCode, true);
  }

  @EventPattern(CitizenReentered.type)
  async onReentered(@Payload() event: PayloadOf<typeof CitizenReentered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await upsert(context, event.citizenId, event.areaCode, true);
  }

  @EventPattern(CitizenAreaChanged.type)
  async onAreaChanged(@Payload() event: PayloadOf<typeof CitizenAreaChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    // Only the area: a move does not reopen an exited case. A citizen first heard of by a move has a case.
    await context.manager.query(
      `INSERT INTO known_citizen (citizen_id, tenant_id, area_code, active, updated_at)
       VALUES ($1, current_setting('app.tenant_id'), $2, true, now())
       ON CONFLICT (citizen_id) DO UPDATE SET area_code = EXCLUDED.area_code, updated_at = now()`,
      [event.citizenId, event.to],
    );
  }

  @EventPattern(CitizenExited.type)
  async onExited(@Payload() event: PayloadOf<typeof CitizenExited>, @Ctx() context: KafkaEventContext): Promise<void> {
    // A citizen never registered here has no area to keep: nothing to close.
    await context.manager.query(`UPDATE known_citizen SET active = false, updated_at = now() WHERE citizen_id = $1`, [event.citizenId]);
  }
}

function upsert(context: KafkaEventContext, citizenId: string, areaCode: string, active: boolean): Promise<unknown> {
  return context.manager.query(
    `INSERT INTO known_citizen (citizen_id, tenant_id, area_code, active, updated_at)
     VALUES ($1, current_setting('app.tenant_id'), $2, $3, now())
     ON CONFLICT (citizen_id) DO UPDATE SET area_code = EXCLUDED.area_code, active = EXCLUDED.active, updated_at = now()`,
    [citizenId, areaCode, active],
  );
}
