import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CitizenAreaChanged,
  CitizenBenefitTypeChanged,
  CitizenExited,
  CitizenMatchGroupChanged,
  CitizenReadinessChanged,
  CitizenReentered,
  CitizenRegistered,
  CitizenStepChanged,
  PayloadOf,
} from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';

/**
 * Keeps the read model of caseload's citizens that eligibility is checked against: birth date,
 * area, benefit type, readiness, match group, step, interpreter need, and whether the case is open.
 * The registration writes the whole row; each later event sets the attribute it describes, so a
 * redelivery or a replay of the topic leaves the same row (one citizen's events arrive in order,
 * same key). A change of a citizen whose registration never reached us changes nothing: without a
 * birth date no criterion could be checked. Runs in the inbox's transaction.
 */
@Controller()
export class CitizensReadModelHandler {
  @EventPattern(CitizenRegistered.type)
  async onRegistered(@Payload() event: PayloadOf<typeof CitizenRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO citizen (citizen_id, tenant_id, birth_date, area_code, benefit_type, readiness, match_group, step, interpreter_needed, active, updated_at)
       VALUES ($1, current_setting('app.tenant_id'), $2, $3, $4, $5, $6, $7, $8, true, now())
       ON CONFLICT (citizen_id) DO UPDATE SET
         birth_date = EXCLUDED.birth_date, area_code = EXCLUDED.area_code, benefit_type = EXCLUDED.benefit_type,
         readiness = EXCLUDED.readiness, match_group = EXCLUDED.match_group, step = EXCLUDED.step,
         interpreter_needed = EXCLUDED.interpreter_needed, active = true, updated_at = now()`,
      [event.citizenId, event.birthDate, event.areaCode, event.benefitType, event.readiness, event.matchGroup, event.step, event.interpreterNeeded],
    );
  }

  @EventPattern(CitizenAreaChanged.type)
  async onAreaChanged(@Payload() event: PayloadOf<typeof CitizenAreaChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'area_code', event.to);
  }

  @EventPattern(CitizenBenefitTypeChanged.type)
  async onBenefitTypeChanged(@Payload() event: PayloadOf<typeof CitizenBenefitTypeChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'benefit_type', event.to);
  }

  @EventPattern(CitizenReadinessChanged.type)
  async onReadinessChanged(@Payload() event: PayloadOf<typeof CitizenReadinessChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'readiness', event.to);
  }

  @EventPattern(CitizenMatchGroupChanged.type)
  async onMatchGroupChanged(@Payload() event: PayloadOf<typeof CitizenMatchGroupChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'match_group', event.to);
  }

  @EventPattern(CitizenStepChanged.type)
  async onStepChanged(@Payload() event: PayloadOf<typeof CitizenStepChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'step', event.to);
  }

  @EventPattern(CitizenExited.type)
  async onExited(@Payload() event: PayloadOf<typeof CitizenExited>, @Ctx() context: KafkaEventContext): Promise<void> {
    await set(context, event.citizenId, 'active', false);
  }

  @EventPattern(CitizenReentered.type)
  async onReentered(@Payload() event: PayloadOf<typeof CitizenReentered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.manager.query(
      `UPDATE citizen SET area_code = $2, benefit_type = $3, readiness = $4, active = true, updated_at = now() WHERE citizen_id = $1`,
      [event.citizenId, event.areaCode, event.benefitType, event.readiness],
    );
  }
}

type Attribute = 'area_code' | 'benefit_type' | 'readiness' | 'match_group' | 'step' | 'active';

function set(context: KafkaEventContext, citizenId: string, attribute: Attribute, value: string | number | boolean): Promise<unknown> {
  return context.manager.query(`UPDATE citizen SET ${attribute} = $2, updated_at = now() WHERE citizen_id = $1`, [citizenId, value]);
}
