import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CitizenAreaChanged,
  CitizenExited,
  CitizenReentered,
  CitizenRegistered,
  PayloadOf,
  StaffLoginLinked,
  StaffMemberChanged,
  StaffMemberRegistered,
} from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';

/**
 * Keeps the read models of caseload's citizens and staff: which citizens have a case (and where
 * they live) and who is on the outreach team. Each handler is an upsert that writes the state the
 * event describes, so a redelivery (or a replay of the topic) leaves the same rows; events about
 * one citizen or staff member arrive in order (same key). Runs in the inbox's transaction.
 */
@Controller()
export class ReadModelsHandler {
  @EventPattern(CitizenRegistered.type)
  async onCitizenRegistered(@Payload() event: PayloadOf<typeof CitizenRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await upsertCaseCitizen(context, event.citizenId, event.areaCode, true);
  }

  @EventPattern(CitizenAreaChanged.type)
  async onCitizenAreaChanged(@Payload() event: PayloadOf<typeof CitizenAreaChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    // Only the area: an area change of an exited citizen (not expected) does not reopen the case.
    await context.manager.query(
      `INSERT INTO case_citizen (citizen_id, tenant_id, area_code, active, updated_at)
       VALUES ($1, current_setting('app.tenant_id'), $2, true, now())
       ON CONFLICT (citizen_id) DO UPDATE SET area_code = EXCLUDED.area_code, updated_at = now()`,
      [event.citizenId, event.to],
    );
  }

  @EventPattern(CitizenExited.type)
  async onCitizenExited(@Payload() event: PayloadOf<typeof CitizenExited>, @Ctx() context: KafkaEventContext): Promise<void> {
    // Nothing to end for a citizen never registered here (the area is unknown, so no row is made).
    await context.manager.query(`UPDATE case_citizen SET active = false, updated_at = now() WHERE citizen_id = $1`, [event.citizenId]);
  }

  @EventPattern(CitizenReentered.type)
  async onCitizenReentered(@Payload() event: PayloadOf<typeof CitizenReentered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await upsertCaseCitizen(context, event.citizenId, event.areaCode, true);
  }

  @EventPattern(StaffMemberRegistered.type)
  async onStaffMemberRegistered(@Payload() event: PayloadOf<typeof StaffMemberRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active, updated_at)
       VALUES ($1, current_setting('app.tenant_id'), $2, $3, $4, true, now())
       ON CONFLICT (id) DO UPDATE
         SET role = EXCLUDED.role, team_code = EXCLUDED.team_code, area_codes = EXCLUDED.area_codes, active = true, updated_at = now()`,
      [event.staffId, event.role, event.teamCode, event.areaCodes],
    );
  }

  @EventPattern(StaffMemberChanged.type)
  async onStaffMemberChanged(@Payload() event: PayloadOf<typeof StaffMemberChanged>, @Ctx() context: KafkaEventContext): Promise<void> {
    // The change carries no role; a member whose registration never reached us is kept with role 'unknown'.
    await context.manager.query(
      `INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active, updated_at)
       VALUES ($1, current_setting('app.tenant_id'), 'unknown', $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE
         SET team_code = EXCLUDED.team_code, area_codes = EXCLUDED.area_codes, active = EXCLUDED.active, updated_at = now()`,
      [event.staffId, event.teamCode, event.areaCodes, event.active],
    );
  }

  /** Whom a login signs in as: the user's areas' desks are theirs. Follows the registration on the same key, so the row is there. */
  @EventPattern(StaffLoginLinked.type)
  async onStaffLoginLinked(@Payload() event: PayloadOf<typeof StaffLoginLinked>, @Ctx() context: KafkaEventContext): Promise<void> {
    await context.manager.query(`UPDATE staff_member SET login_subject = $2, updated_at = now() WHERE id = $1`, [event.staffId, event.loginSubject]);
  }
}

function upsertCaseCitizen(context: KafkaEventContext, citizenId: string, areaCode: string, active: boolean): Promise<unknown> {
  return context.manager.query(
    `INSERT INTO case_citizen (citizen_id, tenant_id, area_code, active, updated_at)
     VALUES ($1, current_setting('app.tenant_id'), $2, $3, now())
     ON CONFLICT (citizen_id) DO UPDATE SET area_code = EXCLUDED.area_code, active = EXCLUDED.active, updated_at = now()`,
    [citizenId, areaCode, active],
  );
}
