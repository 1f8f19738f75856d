import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { FollowUpInterviewHeld, PayloadOf } from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';
import { CaseEvents } from '../../case/case-events';
import { Citizen } from '../../citizens/citizen.entity';
import { Interview } from './interview.entity';
import { InterviewsService } from './interviews.service';

/**
 * An interview held at an open counselling desk counts as the citizen's held interview. It
 * answers the citizen's open summons, even one scheduled later ("a citizen may take the
 * interview early in open counselling, and that counts"); without one it is a new interview.
 * Runs in the transaction that records the event in the inbox: a redelivery has no effect.
 */
@Controller()
export class CounsellingInterviewHandler {
  private readonly logger = new Logger(CounsellingInterviewHandler.name);

  constructor(
    @Inject(InterviewsService) private readonly interviews: InterviewsService,
    @Inject(CaseEvents) private readonly events: CaseEvents,
  ) {}

  @EventPattern(FollowUpInterviewHeld.type)
  async onFollowUpInterviewHeld(@Payload() event: PayloadOf<typeof FollowUpInterviewHeld>, @Ctx() context: KafkaEventContext): Promise<void> {
    const { manager, envelope } = context;
    const skip = (reason: string) => this.logger.warn({ eventId: envelope.id, visitId: event.visitId, citizenId: event.citizenId, reason }, 'counselling interview skipped');

    // The same lock as every command on the citizen; another tenant's citizen is invisible here.
    const citizen = await manager.findOne(Citizen, { where: { id: event.citizenId }, lock: { mode: 'pessimistic_write' } });
    if (!citizen) return skip('citizen not known to this tenant');
    if (citizen.status === 'exited') return skip('citizen has exited');
    if (await manager.existsBy(Interview, { counsellingVisitId: event.visitId })) return skip('visit already counted');

    await this.events.recordInTimeline(manager, envelope, citizen.id, event.heldOn, 'counselling');
    const held = { heldOn: event.heldOn, place: 'open-counselling' as const, areaCode: event.areaCode };
    const summons = await this.interviews.openSummons(manager, citizen);
    if (summons) {
      summons.counsellingVisitId = event.visitId;
      await this.interviews.markHeld(manager, citizen, summons, held);
      return;
    }
    const interview = manager.create(Interview, {
      id: randomUUID(),
      tenantId: citizen.tenantId,
      citizenId: citizen.id,
      periodId: citizen.currentPeriodId,
      source: 'counselling',
      place: 'open-counselling',
      areaCode: event.areaCode,
      scheduledAt: null,
      summonedAt: null,
      // Replaced by markHeld with the deadline that applied on the held date.
      dueDate: event.heldOn,
      outcome: null,
      outcomeRecordedAt: null,
      heldOn: null,
      heldPlace: null,
      heldAreaCode: null,
      onTime: null,
      nextDueDate: null,
      cancelledBy: null,
      followUpDue: null,
      counsellingVisitId: event.visitId,
    });
    await manager.insert(Interview, interview);
    await this.interviews.markHeld(manager, citizen, interview, held);
  }
}
