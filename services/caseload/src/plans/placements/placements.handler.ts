import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ActivationType, PayloadOf, PlacementEnded, PlacementPlanned, PlacementStarted } from '@fremskudt/contracts';
import { KafkaEventContext } from '@fremskudt/messaging';
import { TenantContext } from '@fremskudt/persistence';
import { CaseEvents } from '../../case/case-events';
import { Citizen } from '../../citizens/citizen.entity';
import { copenhagenDateOf } from '../../rules';
import { ACTIVATING_PLACEMENT_TYPES, ActivationsService } from '../activations/activations';
import { Placement } from './placement.entity';
import { applyPlacementFact, PlacementFact, PlacementFacts } from './placement-state';

/**
 * Keeps the placement read model and the citizen's timeline from the companies service's
 * placements stream. Runs in the transaction that records the event id as processed, so a
 * redelivered event has no second effect.
 */
@Controller()
export class PlacementsHandler {
  private readonly logger = new Logger(PlacementsHandler.name);

  constructor(
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(ActivationsService) private readonly activations: ActivationsService,
  ) {}

  @EventPattern(PlacementPlanned.type)
  async onPlanned(@Payload() event: PayloadOf<typeof PlacementPlanned>, @Ctx() context: KafkaEventContext): Promise<void> {
    // The agreement has no date of its own in the contract: the day it was published is when it was made.
    const occurredOn = copenhagenDateOf(new Date(context.envelope.time));
    await this.apply(context, event.placementId, { ...common(event), kind: 'planned', plannedStart: event.plannedStart, plannedEnd: event.plannedEnd }, occurredOn);
  }

  @EventPattern(PlacementStarted.type)
  async onStarted(@Payload() event: PayloadOf<typeof PlacementStarted>, @Ctx() context: KafkaEventContext): Promise<void> {
    await this.apply(context, event.placementId, { ...common(event), kind: 'started', startedOn: event.startedOn }, event.startedOn);
  }

  @EventPattern(PlacementEnded.type)
  async onEnded(@Payload() event: PayloadOf<typeof PlacementEnded>, @Ctx() context: KafkaEventContext): Promise<void> {
    await this.apply(context, event.placementId, { ...common(event), kind: 'ended', endedOn: event.endedOn, reason: event.reason }, event.endedOn);
  }

  private async apply(context: KafkaEventContext, placementId: string, fact: PlacementFact, occurredOn: string): Promise<void> {
    const { manager, envelope } = context;
    // Lock the citizen row (if it is ours) so the timeline and read model change in step with commands on them.
    const citizen = await manager.findOne(Citizen, { where: { id: fact.citizenId }, lock: { mode: 'pessimistic_write' } });
    if (!citizen) {
      // Not a citizen of this tenant's outreach team (or not registered yet): nothing of ours to update.
      this.logger.warn({ message: 'placement event for an unknown citizen skipped', eventId: envelope.id, type: envelope.type, placementId });
      return;
    }
    const row = await manager.findOne(Placement, { where: { id: placementId }, lock: { mode: 'pessimistic_write' } });
    const next = applyPlacementFact(row ? toFacts(row) : null, fact);
    await manager.upsert(
      Placement,
      {
        id: placementId,
        tenantId: TenantContext.currentTenant(),
        citizenId: next.citizenId,
        companyId: next.companyId,
        placementType: next.placementType,
        hoursPerWeek: String(next.hoursPerWeek),
        status: next.status,
        plannedStart: next.plannedStart,
        plannedEnd: next.plannedEnd,
        startedOn: next.startedOn,
        endedOn: next.endedOn,
        endReason: next.endReason,
        updatedAt: new Date(),
      },
      ['id'],
    );
    await this.events.recordInTimeline(manager, envelope, fact.citizenId, occurredOn, 'companies');
    // An internship or wage-subsidy job is an activation: measured once, when its start is first known.
    if (fact.kind === 'started' && !row?.startedOn && (ACTIVATING_PLACEMENT_TYPES as readonly string[]).includes(next.placementType)) {
      const activationType = next.placementType as ActivationType;
      await this.activations.started(manager, { citizenId: next.citizenId, activationId: placementId, activationKind: 'placement', activationType, startedOn: fact.startedOn });
    }
  }
}

const common = (event: PayloadOf<typeof PlacementPlanned> | PayloadOf<typeof PlacementStarted> | PayloadOf<typeof PlacementEnded>) => ({
  citizenId: event.citizenId,
  companyId: event.companyId,
  placementType: event.placementType,
  hoursPerWeek: event.hoursPerWeek,
});

const toFacts = (row: Placement): PlacementFacts => ({
  citizenId: row.citizenId,
  companyId: row.companyId,
  placementType: row.placementType,
  hoursPerWeek: Number(row.hoursPerWeek),
  status: row.status,
  plannedStart: row.plannedStart,
  plannedEnd: row.plannedEnd,
  startedOn: row.startedOn,
  endedOn: row.endedOn,
  endReason: row.endReason,
});
