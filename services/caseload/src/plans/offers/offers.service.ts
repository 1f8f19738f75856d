import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OfferCompleted, OfferDropped, OfferDropReason, OfferPlanned, OfferStarted, OfferType } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { CaseEvents } from '../../case/case-events';
import { lockCitizen } from '../../case/citizen-lock';
import { Citizen } from '../../citizens/citizen.entity';
import { assertNotBefore } from '../../case/validation';
import { activationDueOn, ActivationsService } from '../activations/activations';
import { CitizenOffersView, OfferView, PlanOfferDto } from './offer.dto';
import { Offer } from './offer.entity';
import { decideOfferTransition, OfferTransition } from './offer-state';

export const toOfferView = (offer: Offer): OfferView => ({
  id: offer.id,
  citizenId: offer.citizenId,
  periodId: offer.periodId,
  offerType: offer.offerType,
  providerCode: offer.providerCode,
  plannedStart: offer.plannedStart,
  plannedEnd: offer.plannedEnd,
  description: offer.description,
  status: offer.status,
  startedOn: offer.startedOn,
  completedOn: offer.completedOn,
  droppedOn: offer.droppedOn,
  dropReason: offer.dropReason,
  plannedAt: offer.plannedAt.toISOString(),
});

@Injectable()
export class OffersService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(ActivationsService) private readonly activations: ActivationsService,
  ) {}

  /** Plans an offer in the citizen's current case period; publishes OfferPlanned. */
  plan(citizenId: string, command: PlanOfferDto): Promise<OfferView> {
    assertNotBefore(command.plannedEnd, command.plannedStart, 'plannedEnd', 'plannedStart');
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      const offer = manager.create(Offer, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId,
        periodId: citizen.currentPeriodId,
        offerType: command.offerType,
        providerCode: command.providerCode ?? null,
        plannedStart: command.plannedStart,
        plannedEnd: command.plannedEnd ?? null,
        description: command.description ?? null,
        status: 'planned',
        startedOn: null,
        completedOn: null,
        droppedOn: null,
        dropReason: null,
        plannedAt: new Date(),
      });
      await manager.insert(Offer, offer);
      // The obligation the plan answers: what an activation starting on the planned day is due by.
      const { dueDate: activationDueDate } = await activationDueOn(manager, citizenId, offer.plannedStart);
      await this.events.publish(
        manager,
        OfferPlanned,
        {
          citizenId,
          offerId: offer.id,
          offerType: command.offerType,
          providerCode: offer.providerCode,
          plannedStart: offer.plannedStart,
          plannedEnd: offer.plannedEnd,
          activationDueDate,
        },
        // The fact is the planning, which happened today; the planned dates are in the payload.
        copenhagenToday(),
      );
      return toOfferView(offer);
    });
  }

  start(offerId: string, startedOn: string): Promise<OfferView> {
    return this.transition(offerId, { kind: 'start', startedOn });
  }

  complete(offerId: string, completedOn: string): Promise<OfferView> {
    return this.transition(offerId, { kind: 'complete', completedOn });
  }

  drop(offerId: string, droppedOn: string, reason: OfferDropReason): Promise<OfferView> {
    return this.transition(offerId, { kind: 'drop', droppedOn, reason });
  }

  async get(offerId: string): Promise<OfferView> {
    const offer = await this.unitOfWork.run((manager) => manager.findOneBy(Offer, { id: offerId }));
    if (!offer) throw new NotFoundProblem(`Offer ${offerId} not found`);
    return toOfferView(offer);
  }

  async ofCitizen(citizenId: string): Promise<CitizenOffersView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const offers = await manager.find(Offer, { where: { citizenId }, order: { plannedStart: 'ASC', plannedAt: 'ASC' } });
      return { citizenId, offers: offers.map(toOfferView) };
    });
  }

  /** Runs one transition under the citizen's lock; a refusal throws before anything is written. */
  private transition(offerId: string, transition: OfferTransition): Promise<OfferView> {
    return this.unitOfWork.command(async (manager) => {
      const offer = await this.lockOffer(manager, offerId);
      const decision = decideOfferTransition(
        { status: offer.status, startedOn: offer.startedOn, completedOn: offer.completedOn, droppedOn: offer.droppedOn, dropReason: offer.dropReason as OfferDropReason | null },
        transition,
      );
      if (!decision.accepted) throw new ConflictProblem(decision.refusal.code, decision.refusal.detail);
      const { next } = decision;
      await manager.update(
        Offer,
        { id: offer.id },
        { status: next.status, startedOn: next.startedOn, completedOn: next.completedOn, droppedOn: next.droppedOn, dropReason: next.dropReason },
      );
      Object.assign(offer, next);
      const common = { citizenId: offer.citizenId, offerId: offer.id, offerType: offer.offerType as OfferType };
      switch (transition.kind) {
        case 'start':
          await this.events.publish(manager, OfferStarted, { ...common, startedOn: transition.startedOn }, transition.startedOn);
          await this.activations.started(manager, { citizenId: offer.citizenId, activationId: offer.id, activationKind: 'offer', activationType: common.offerType, startedOn: transition.startedOn });
          break;
        case 'complete':
          await this.events.publish(manager, OfferCompleted, { ...common, completedOn: transition.completedOn }, transition.completedOn);
          break;
        case 'drop':
          await this.events.publish(
            manager,
            OfferDropped,
            { ...common, droppedOn: transition.droppedOn, reason: transition.reason, wasStarted: next.startedOn !== null },
            transition.droppedOn,
          );
          break;
      }
      return toOfferView(offer);
    });
  }

  /** The offer, with its citizen locked first (404 unknown/other tenant, 409 exited), read under that lock. */
  private async lockOffer(manager: EntityManager, offerId: string): Promise<Offer> {
    const found = await manager.findOneBy(Offer, { id: offerId });
    if (!found) throw new NotFoundProblem(`Offer ${offerId} not found`);
    await lockCitizen(manager, found.citizenId);
    return (await manager.findOneBy(Offer, { id: offerId }))!;
  }
}
