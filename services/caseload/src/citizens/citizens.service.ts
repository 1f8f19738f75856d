import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { CitizenRegistered } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { CaseEvents } from '../case/case-events';
import { citizenScopeCondition, DataScopeService, named } from '../data-scope';
import { CasePeriod } from '../case/case-period.entity';
import { copenhagenDateOf } from '../rules';
import { Citizen } from './citizen.entity';
import { CprProtector } from '../privacy/cpr-protection';
import { citizenAlreadyRegistered, refuseRegisteredCpr } from '../privacy/cpr-uniqueness';
import { NAME_SEARCH_EXPRESSION, nameSearchPattern } from './citizen-search';
import { cprBirthDate } from './cpr';
import { CitizenView, RegisterCitizenDto } from './register-citizen.dto';
import { DEFAULT_SEARCH_LIMIT, SearchCitizensCriteria } from './search-citizens.dto';

export const toCitizenView = (citizen: Citizen): CitizenView => ({
  id: citizen.id,
  name: citizen.name,
  birthDate: citizen.birthDate,
  areaCode: citizen.areaCode,
  benefitType: citizen.benefitType,
  readiness: citizen.readiness,
  matchGroup: citizen.matchGroup,
  step: citizen.step,
  interpreterNeeded: citizen.interpreterNeeded,
  status: citizen.status,
  currentPeriodId: citizen.currentPeriodId,
  registeredAt: citizen.registeredAt.toISOString(),
});

@Injectable()
export class CitizensService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(CprProtector) private readonly cpr: CprProtector,
    @Inject(DataScopeService) private readonly dataScope: DataScopeService,
  ) {}

  /** Registers a citizen (CPR number encrypted, with its keyed hash) and publishes CitizenRegistered in the same transaction. */
  async register(command: RegisterCitizenDto): Promise<CitizenView> {
    try {
      return await this.unitOfWork.command(async (manager) => {
        await refuseRegisteredCpr(manager, this.cpr.lookupHashes(command.cpr));
        const registeredAt = new Date();
        const citizen = manager.create(Citizen, {
          id: randomUUID(),
          tenantId: TenantContext.currentTenant(),
          cprEncrypted: this.cpr.encrypt(command.cpr),
          cprHash: this.cpr.hash(command.cpr),
          name: command.name,
          birthDate: cprBirthDate(command.cpr)!,
          areaCode: command.areaCode,
          benefitType: command.benefitType,
          readiness: command.readiness,
          matchGroup: command.matchGroup ?? null,
          step: command.step ?? null,
          interpreterNeeded: command.interpreterNeeded ?? false,
          status: 'active',
          currentPeriodId: randomUUID(),
          registeredAt,
        });
        await manager.insert(Citizen, citizen);
        const openedOn = command.registeredOn ?? copenhagenDateOf(registeredAt);
        await manager.insert(CasePeriod, { id: citizen.currentPeriodId, tenantId: citizen.tenantId, citizenId: citizen.id, openedOn });
        await this.events.publish(
          manager,
          CitizenRegistered,
          {
            citizenId: citizen.id,
            periodId: citizen.currentPeriodId,
            periodOpenedOn: openedOn,
            birthDate: citizen.birthDate,
            areaCode: citizen.areaCode,
            benefitType: command.benefitType,
            readiness: command.readiness,
            matchGroup: citizen.matchGroup,
            step: citizen.step,
            interpreterNeeded: citizen.interpreterNeeded,
            registeredAt: registeredAt.toISOString(),
          },
          openedOn,
        );
        return toCitizenView(citizen);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'citizen_cpr_hash_unique_per_tenant') {
        throw citizenAlreadyRegistered();
      }
      throw error;
    }
  }

  async get(id: string): Promise<CitizenView> {
    const citizen = await this.unitOfWork.run((manager) => manager.findOneBy(Citizen, { id }));
    if (!citizen) throw new NotFoundProblem(`Citizen ${id} not found`);
    return toCitizenView(citizen);
  }

  /** Citizens by name prefix, exact CPR number (by its keyed hash) and/or area, in the user's scope, sorted by name (Danish order). */
  search(query: SearchCitizensCriteria): Promise<CitizenView[]> {
    return this.unitOfWork.run(async (manager) => {
      const builder = manager.createQueryBuilder(Citizen, 'c');
      if (query.name !== undefined) builder.andWhere(`${NAME_SEARCH_EXPRESSION} LIKE lower(:namePattern)`, { namePattern: nameSearchPattern(query.name) });
      if (query.cpr !== undefined) builder.andWhere('c.cpr_hash IN (:...cprHashes)', { cprHashes: this.cpr.lookupHashes(query.cpr) });
      if (query.areaCode !== undefined) builder.andWhere('c.area_code = :areaCode', { areaCode: query.areaCode });
      if (query.status !== undefined) builder.andWhere('c.status = :status', { status: query.status });
      const scopeParameters: Record<string, unknown> = {};
      builder.andWhere(citizenScopeCondition(this.dataScope.current(), 'c', named(scopeParameters)), scopeParameters);
      const citizens = await builder
        .orderBy('c.name COLLATE "da-DK-x-icu"')
        .addOrderBy('c.id')
        .limit(query.limit ?? DEFAULT_SEARCH_LIMIT)
        .getMany();
      return citizens.map(toCitizenView);
    });
  }
}
