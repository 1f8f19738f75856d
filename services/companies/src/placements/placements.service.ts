import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, Not } from 'typeorm';
import { PayloadOf, PlacementEndReason, PlacementEnded, PlacementPlanned, PlacementStarted } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { lockActiveCitizen } from '../citizens';
import { Company } from '../companies/company.entities';
import { assertOpen, Opening } from '../openings';
import { ReferenceDataService } from '../reference';
import { assertNotBefore } from '../shared/validation';
import { EndPlacementDto, PlacementsQuery, PlacementView, PlanPlacementDto, StartPlacementDto } from './placement.dto';
import { Placement } from './placement.entity';
import { fullTimeClash, isFullTime, Period, periodOf } from './placement-rules';

/** How a placement can end before it began: the company called it off, or the citizen did not come. */
const ENDINGS_BEFORE_START: readonly PlacementEndReason[] = ['cancelled-by-company', 'dropped-out'];

const toView = (placement: Placement, fullTimeHoursPerWeek: number): PlacementView => ({
  id: placement.id,
  citizenId: placement.citizenId,
  companyId: placement.companyId,
  openingId: placement.openingId,
  placementType: placement.placementType,
  hoursPerWeek: placement.hoursPerWeek,
  fullTime: isFullTime(placement.hoursPerWeek, fullTimeHoursPerWeek),
  status: placement.status,
  plannedStart: placement.plannedStart,
  plannedEnd: placement.plannedEnd,
  startedOn: placement.startedOn,
  endedOn: placement.endedOn,
  endReason: placement.endReason,
  mentorStaffId: placement.mentorStaffId,
  companyMentor: placement.companyMentor,
});

/** What every placement event carries: the placement, the citizen, the company, the type and the hours. */
const eventBase = (placement: Placement) => ({
  placementId: placement.id,
  citizenId: placement.citizenId,
  companyId: placement.companyId,
  placementType: placement.placementType,
  hoursPerWeek: placement.hoursPerWeek,
});

/**
 * The placements of citizens in companies. The companies service owns them: every command
 * writes the placement and its event (PlacementPlanned, PlacementStarted, PlacementEnded) in one
 * transaction. Commands about one citizen run one at a time (the citizen's row is locked), so two
 * concurrent plans can't both pass the full-time rule.
 */
@Injectable()
export class PlacementsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ReferenceDataService) private readonly reference: ReferenceDataService,
  ) {}

  /**
   * Plans a placement. Refused with 409 and nothing written for a citizen this tenant does not
   * know or who has exited, an unknown or inactive company, an opening that is not this
   * company's open one, or a second full-time placement in the same period.
   */
  plan(command: PlanPlacementDto): Promise<PlacementView> {
    assertNotBefore(command.plannedEnd, command.plannedStart, 'plannedEnd', 'plannedStart');
    return this.unitOfWork.command(async (manager) => {
      await lockActiveCitizen(manager, command.citizenId);
      const company = await manager.findOneBy(Company, { id: command.companyId });
      if (!company) throw new ConflictProblem('company-unknown', `Company ${command.companyId} is not a company of this tenant`);
      if (company.status === 'inactive') throw new ConflictProblem('company-inactive', `Company ${command.companyId} is inactive`);
      if (command.openingId !== undefined) await this.assertOpeningOf(manager, command.openingId, company.id);
      const { fullTimeHoursPerWeek } = await this.reference.settings(manager);
      await this.assertNoFullTimeClash(manager, command.citizenId, null, command.hoursPerWeek, { from: command.plannedStart, to: command.plannedEnd ?? null }, fullTimeHoursPerWeek);

      const now = new Date();
      const placement = manager.create(Placement, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId: command.citizenId,
        companyId: company.id,
        openingId: command.openingId ?? null,
        placementType: command.placementType,
        hoursPerWeek: command.hoursPerWeek,
        status: 'planned',
        plannedStart: command.plannedStart,
        plannedEnd: command.plannedEnd ?? null,
        startedOn: null,
        endedOn: null,
        endReason: null,
        mentorStaffId: command.mentorStaffId ?? null,
        companyMentor: command.companyMentor ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Placement, placement);
      await this.outbox.publish(manager, PlacementPlanned, { ...eventBase(placement), plannedStart: placement.plannedStart, plannedEnd: placement.plannedEnd });
      return toView(placement, fullTimeHoursPerWeek);
    });
  }

  /** Records the actual start (the fact behind the reports' started placements): PlacementStarted. */
  start(id: string, command: StartPlacementDto): Promise<PlacementView> {
    return this.unitOfWork.command(async (manager) => {
      const placement = await this.lockPlacementWithCitizen(manager, id);
      if (placement.status !== 'planned') throw new ConflictProblem('placement-not-planned', `Placement ${id} is ${placement.status}; only a planned placement can start`);
      await lockActiveCitizen(manager, placement.citizenId);
      const hoursPerWeek = command.hoursPerWeek ?? placement.hoursPerWeek;
      const period = periodOf({ ...placement, status: 'started', startedOn: command.startedOn })!;
      const { fullTimeHoursPerWeek } = await this.reference.settings(manager);
      await this.assertNoFullTimeClash(manager, placement.citizenId, id, hoursPerWeek, period, fullTimeHoursPerWeek);

      const change = { status: 'started' as const, startedOn: command.startedOn, hoursPerWeek, updatedAt: new Date() };
      Object.assign(placement, change);
      await manager.update(Placement, { id }, change);
      await this.outbox.publish(manager, PlacementStarted, { ...eventBase(placement), startedOn: command.startedOn });
      return toView(placement, fullTimeHoursPerWeek);
    });
  }

  /** Ends a planned (cancelled before it began) or started placement, with the reason: PlacementEnded. */
  end(id: string, command: EndPlacementDto): Promise<PlacementView> {
    return this.unitOfWork.command(async (manager) => {
      const placement = await this.lockPlacementWithCitizen(manager, id);
      if (placement.status === 'ended') throw new ConflictProblem('placement-ended', `Placement ${id} has already ended`);
      // A placement that never started can only have been called off: it can't be completed or end in a hire.
      if (placement.status === 'planned' && !ENDINGS_BEFORE_START.includes(command.reason)) {
        throw new ConflictProblem('placement-not-started', `Placement ${id} never started; it can only end as ${ENDINGS_BEFORE_START.join(' or ')}`);
      }
      assertNotBefore(command.endedOn, placement.startedOn, 'endedOn', 'the day the placement started');
      const change = { status: 'ended' as const, endedOn: command.endedOn, endReason: command.reason, updatedAt: new Date() };
      Object.assign(placement, change);
      await manager.update(Placement, { id }, change);
      const payload: PayloadOf<typeof PlacementEnded> = { ...eventBase(placement), endedOn: command.endedOn, reason: command.reason };
      await this.outbox.publish(manager, PlacementEnded, payload);
      return toView(placement, (await this.reference.settings(manager)).fullTimeHoursPerWeek);
    });
  }

  list(query: PlacementsQuery): Promise<PlacementView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<Placement> = {};
      if (query.citizenId !== undefined) where.citizenId = query.citizenId;
      if (query.companyId !== undefined) where.companyId = query.companyId;
      if (query.status !== undefined) where.status = query.status;
      const placements = await manager.find(Placement, { where, order: { plannedStart: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      const { fullTimeHoursPerWeek } = await this.reference.settings(manager);
      return placements.map((placement) => toView(placement, fullTimeHoursPerWeek));
    });
  }

  get(id: string): Promise<PlacementView> {
    return this.unitOfWork.run(async (manager) => {
      const placement = await manager.findOneBy(Placement, { id });
      if (!placement) throw new NotFoundProblem(`Placement ${id} not found`);
      return toView(placement, (await this.reference.settings(manager)).fullTimeHoursPerWeek);
    });
  }

  /**
   * Loads a placement for a command, first locking its citizen's read-model row (the same lock
   * order as plan), then the placement; 404 for unknown ids and other tenants'.
   */
  private async lockPlacementWithCitizen(manager: EntityManager, id: string): Promise<Placement> {
    const found = await manager.findOne(Placement, { where: { id }, select: { id: true, citizenId: true } });
    if (!found) throw new NotFoundProblem(`Placement ${id} not found`);
    await manager.query(`SELECT 1 FROM known_citizen WHERE citizen_id = $1 FOR UPDATE`, [found.citizenId]);
    return (await manager.findOne(Placement, { where: { id }, lock: { mode: 'pessimistic_write' } }))!;
  }

  private async assertOpeningOf(manager: EntityManager, openingId: string, companyId: string): Promise<void> {
    const opening = await manager.findOneBy(Opening, { id: openingId });
    if (!opening) throw new ConflictProblem('opening-unknown', `Opening ${openingId} is not an opening of this tenant`);
    if (opening.companyId !== companyId) throw new ConflictProblem('opening-of-other-company', `Opening ${openingId} belongs to another company`);
    assertOpen(opening);
  }

  /** 409 full-time-overlap when the placement would be the citizen's second full-time placement in the period. */
  private async assertNoFullTimeClash(
    manager: EntityManager,
    citizenId: string,
    exceptId: string | null,
    hoursPerWeek: number,
    period: Period,
    fullTimeHoursPerWeek: number,
  ): Promise<void> {
    const where: FindOptionsWhere<Placement> = { citizenId };
    if (exceptId) where.id = Not(exceptId);
    const others = await manager.find(Placement, { where, order: { plannedStart: 'ASC', id: 'ASC' } });
    const clash = fullTimeClash({ hoursPerWeek, period }, others, fullTimeHoursPerWeek);
    if (clash) {
      throw new ConflictProblem(
        'full-time-overlap',
        `Citizen ${citizenId} already has the full-time placement ${clash.id} (${clash.hoursPerWeek} hours a week) in that period; ` +
          `two placements of ${fullTimeHoursPerWeek} hours a week or more can't overlap`,
      );
    }
  }
}
