import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { OpeningClosed, OpeningFilled, OpeningPublished } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { findCompany } from '../companies/companies.service';
import { ReferenceDataService } from '../reference';
import { copenhagenToday } from '../shared/calendar';
import { assertNotBefore, badInput, distinct } from '../shared/validation';
import { CloseOpeningDto, FillOpeningDto, OpeningsQuery, OpeningView, PublishOpeningDto } from './opening.dto';
import { Opening } from './opening.entity';

export const toOpeningView = (opening: Opening): OpeningView => ({
  id: opening.id,
  companyId: opening.companyId,
  openingType: opening.openingType,
  title: opening.title,
  branchCode: opening.branchCode,
  areaCode: opening.areaCode,
  hoursPerWeek: opening.hoursPerWeek,
  places: opening.places,
  languageLevel: opening.languageLevel,
  certificates: opening.certificates,
  conditions: opening.conditions,
  deadline: opening.deadline,
  status: opening.status,
  publishedOn: opening.publishedOn,
  filledOn: opening.filledOn,
  closedOn: opening.closedOn,
  closeReason: opening.closeReason,
});

/** Loads an opening for a command and locks it until the transaction ends; 404 for unknown ids and other tenants'. */
export async function lockOpening(manager: EntityManager, id: string): Promise<Opening> {
  const opening = await manager.findOne(Opening, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!opening) throw new NotFoundProblem(`Opening ${id} not found`);
  return opening;
}

/** 409 opening-not-open: only an open opening can be filled, closed or get a placement. */
export function assertOpen(opening: Opening): void {
  if (opening.status !== 'open') throw new ConflictProblem('opening-not-open', `Opening ${opening.id} is ${opening.status}`);
}

/** 409 opening-unknown naming the first of the ids this tenant does not have. */
export async function assertOpeningsKnown(manager: EntityManager, openingIds: readonly string[]): Promise<void> {
  if (!openingIds.length) return;
  const known = new Set((await manager.find(Opening, { where: { id: In([...openingIds]) }, select: { id: true } })).map((o) => o.id));
  const unknown = openingIds.find((id) => !known.has(id));
  if (unknown) throw new ConflictProblem('opening-unknown', `Opening ${unknown} is not an opening of this tenant`);
}

@Injectable()
export class OpeningsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ReferenceDataService) private readonly reference: ReferenceDataService,
  ) {}

  /** Publishes an opening of a company (not an inactive one): OpeningPublished. */
  publish(companyId: string, command: PublishOpeningDto): Promise<OpeningView> {
    const today = copenhagenToday();
    assertNotBefore(command.deadline, today, 'deadline', 'today');
    return this.unitOfWork.command(async (manager) => {
      const company = await findCompany(manager, companyId);
      const areaCode = command.areaCode ?? company.areaCode;
      if (!areaCode) throw badInput({ field: 'areaCode', code: 'requiredWithoutCompanyArea', message: 'is required: the company has no area' });
      const branchCode = command.branchCode ?? company.branchCode;
      if (command.branchCode !== undefined) await this.reference.assertActiveBranches(manager, [{ field: 'branchCode', code: branchCode }]);
      if (company.status === 'inactive') throw new ConflictProblem('company-inactive', `Company ${companyId} is inactive`);
      const opening = manager.create(Opening, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        companyId,
        openingType: command.openingType,
        title: command.title,
        branchCode,
        areaCode,
        hoursPerWeek: command.hoursPerWeek,
        places: command.places ?? 1,
        languageLevel: command.languageLevel ?? 'none',
        certificates: distinct(command.certificates ?? []),
        conditions: distinct(command.conditions ?? []),
        deadline: command.deadline ?? null,
        status: 'open',
        publishedOn: today,
        filledOn: null,
        closedOn: null,
        closeReason: null,
        createdAt: new Date(),
      });
      await manager.insert(Opening, opening);
      await this.outbox.publish(manager, OpeningPublished, {
        openingId: opening.id,
        companyId,
        openingType: opening.openingType,
        branchCode: opening.branchCode,
        areaCode: opening.areaCode,
        hoursPerWeek: opening.hoursPerWeek,
        places: opening.places,
        languageLevel: opening.languageLevel,
        certificates: opening.certificates,
        conditions: opening.conditions,
        deadline: opening.deadline,
        publishedOn: opening.publishedOn,
      });
      return toOpeningView(opening);
    });
  }

  fill(id: string, command: FillOpeningDto): Promise<OpeningView> {
    return this.unitOfWork.command(async (manager) => {
      const opening = await lockOpening(manager, id);
      assertOpen(opening);
      const filledOn = command.filledOn ?? copenhagenToday();
      assertNotBefore(filledOn, opening.publishedOn, 'filledOn', 'the day the opening was published');
      Object.assign(opening, { status: 'filled', filledOn });
      await manager.update(Opening, { id }, { status: 'filled', filledOn });
      await this.outbox.publish(manager, OpeningFilled, { openingId: id, companyId: opening.companyId, places: opening.places, filledOn });
      return toOpeningView(opening);
    });
  }

  close(id: string, command: CloseOpeningDto): Promise<OpeningView> {
    return this.unitOfWork.command(async (manager) => {
      const opening = await lockOpening(manager, id);
      assertOpen(opening);
      const closedOn = command.closedOn ?? copenhagenToday();
      assertNotBefore(closedOn, opening.publishedOn, 'closedOn', 'the day the opening was published');
      const change = { status: 'closed' as const, closedOn, closeReason: command.reason };
      Object.assign(opening, change);
      await manager.update(Opening, { id }, change);
      await this.outbox.publish(manager, OpeningClosed, { openingId: id, companyId: opening.companyId, reason: command.reason, closedOn });
      return toOpeningView(opening);
    });
  }

  list(query: OpeningsQuery): Promise<OpeningView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<Opening> = {};
      for (const key of ['status', 'openingType', 'branchCode', 'areaCode', 'companyId'] as const) {
        if (query[key] !== undefined) Object.assign(where, { [key]: query[key] });
      }
      const openings = await manager.find(Opening, { where, order: { publishedOn: 'DESC', createdAt: 'DESC', id: 'ASC' } });
      return openings.map(toOpeningView);
    });
  }

  get(id: string): Promise<OpeningView> {
    return this.unitOfWork.run(async (manager) => {
      const opening = await manager.findOneBy(Opening, { id });
      if (!opening) throw new NotFoundProblem(`Opening ${id} not found`);
      return toOpeningView(opening);
    });
  }
}
