import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CitizenRegistered, PayloadOf } from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';

/** Keeps the registered-citizens read model; runs in the transaction that records the event as processed. */
@Controller()
export class RegisteredCitizensHandler {
  @EventPattern(CitizenRegistered.type)
  async onCitizenRegistered(@Payload() event: PayloadOf<typeof CitizenRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO registered_citizen (tenant_id, citizen_id, area_code, birth_date, registered_at)
       VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4)
       ON CONFLICT (tenant_id, citizen_id) DO NOTHING`,
      [event.citizenId, event.areaCode, event.birthDate, event.registeredAt],
    );
  }
}
