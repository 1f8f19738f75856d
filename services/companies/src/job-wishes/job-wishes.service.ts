import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { JobWishRecorded } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { KnownCitizen } from '../citizens';
import { ReferenceDataService } from '../reference';
import { copenhagenToday } from '../shared/calendar';
import { badInput, distinct } from '../shared/validation';
import { DEFAULT_MAX_TRAVEL_KM, JobWishView, RecordJobWishDto } from './job-wish.dto';
import { JobWish } from './job-wish.entity';

export const toJobWishView = (wish: JobWish): JobWishView => ({
  id: wish.id,
  citizenId: wish.citizenId,
  branchCodes: wish.branchCodes,
  areaCodes: wish.areaCodes,
  maxTravelKm: wish.maxTravelKm,
  hoursMin: wish.hoursMin,
  hoursMax: wish.hoursMax,
  languageLevel: wish.languageLevel,
  certificates: wish.certificates,
  avoidConditions: wish.avoidConditions,
  notes: wish.notes,
  recordedBy: wish.recordedBy,
  recordedOn: wish.recordedOn,
  current: wish.replacedAt === null,
});

/** The citizen in the path, locked for the command; 404 when this tenant's outreach team has no such citizen. */
async function lockCitizen(manager: EntityManager, citizenId: string): Promise<KnownCitizen> {
  const citizen = await manager.findOne(KnownCitizen, { where: { citizenId }, lock: { mode: 'pessimistic_write' } });
  if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} is not a citizen of this tenant's outreach team`);
  return citizen;
}

@Injectable()
export class JobWishesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ReferenceDataService) private readonly reference: ReferenceDataService,
  ) {}

  /** Records a citizen's job wish, replacing the current one (kept as history): JobWishRecorded. */
  record(citizenId: string, command: RecordJobWishDto): Promise<JobWishView> {
    if (command.hoursMax < command.hoursMin) throw badInput({ field: 'hoursMax', code: 'notBelowHoursMin', message: 'must not be below hoursMin' });
    const branchCodes = distinct(command.branchCodes);
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      await this.reference.assertActiveBranches(manager, branchCodes.map((code, index) => ({ field: `branchCodes.${index}`, code })));
      if (!citizen.active) throw new ConflictProblem('citizen-exited', `Citizen ${citizenId} has left the outreach team (exited)`);
      const now = new Date();
      await manager.update(JobWish, { citizenId, replacedAt: IsNull() }, { replacedAt: now });
      const wish = manager.create(JobWish, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId,
        branchCodes,
        areaCodes: distinct(command.areaCodes ?? []),
        maxTravelKm: command.maxTravelKm ?? DEFAULT_MAX_TRAVEL_KM,
        hoursMin: command.hoursMin,
        hoursMax: command.hoursMax,
        languageLevel: command.languageLevel,
        certificates: distinct(command.certificates ?? []),
        avoidConditions: distinct(command.avoidConditions ?? []),
        notes: command.notes ?? null,
        recordedBy: command.recordedBy,
        recordedOn: copenhagenToday(),
        recordedAt: now,
        replacedAt: null,
      });
      await manager.insert(JobWish, wish);
      await this.outbox.publish(manager, JobWishRecorded, {
        citizenId,
        wishId: wish.id,
        branchCodes: wish.branchCodes,
        areaCodes: wish.areaCodes,
        maxTravelKm: wish.maxTravelKm,
        hoursMin: wish.hoursMin,
        hoursMax: wish.hoursMax,
        languageLevel: wish.languageLevel,
        certificates: wish.certificates,
        avoidConditions: wish.avoidConditions,
        recordedBy: wish.recordedBy,
        recordedOn: wish.recordedOn,
      });
      return toJobWishView(wish);
    });
  }

  /** The citizen's wishes, the current first, then the replaced ones newest first. */
  history(citizenId: string): Promise<JobWishView[]> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(KnownCitizen, { citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} is not a citizen of this tenant's outreach team`);
      const wishes = await manager.find(JobWish, { where: { citizenId }, order: { recordedAt: 'DESC', id: 'ASC' } });
      return wishes.map(toJobWishView);
    });
  }

  current(citizenId: string): Promise<JobWishView> {
    return this.unitOfWork.run(async (manager) => {
      const wish = await manager.findOneBy(JobWish, { citizenId, replacedAt: IsNull() });
      if (!wish) throw new NotFoundProblem(`Citizen ${citizenId} has no job wish (or is not a citizen of this tenant)`);
      return toJobWishView(wish);
    });
  }
}
