import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { CitizenRegistered } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { Citizen } from './citizen.entity';
import { cprBirthDate, normaliseCpr } from './cpr';
import { CitizenView, RegisterCitizenDto } from './register-citizen.dto';

const toView = (citizen: Citizen): CitizenView => ({
  id: citizen.id,
  name: citizen.name,
  birthDate: citizen.birthDate,
  areaCode: citizen.areaCode,
  benefitType: citizen.benefitType,
  readiness: citizen.readiness,
  status: citizen.status,
  registeredAt: citizen.registeredAt.toISOString(),
});

@Injectable()
export class CitizensService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /** Registers a citizen and publishes CitizenRegistered in the same transaction. */
  async register(command: RegisterCitizenDto): Promise<CitizenView> {
    try {
      return await this.unitOfWork.run(async (manager) => {
        const citizen = manager.create(Citizen, {
          id: randomUUID(),
          tenantId: TenantContext.currentTenant(),
          cpr: normaliseCpr(command.cpr),
          name: command.name,
          birthDate: cprBirthDate(command.cpr)!,
          areaCode: command.areaCode,
          benefitType: command.benefitType,
          readiness: command.readiness,
          status: 'active',
          registeredAt: new Date(),
        });
        await manager.insert(Citizen, citizen);
        await this.outbox.publish(manager, CitizenRegistered, {
          citizenId: citizen.id,
          birthDate: citizen.birthDate,
          areaCode: citizen.areaCode,
          benefitType: command.benefitType,
          readiness: command.readiness,
          registeredAt: citizen.registeredAt.toISOString(),
        });
        return toView(citizen);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'citizen_cpr_unique_per_tenant') {
        throw new ConflictProblem('citizen-already-registered', 'A citizen with this CPR number is already registered');
      }
      throw error;
    }
  }

  async get(id: string): Promise<CitizenView> {
    const citizen = await this.unitOfWork.run((manager) => manager.findOneBy(Citizen, { id }));
    if (!citizen) throw new NotFoundProblem(`Citizen ${id} not found`);
    return toView(citizen);
  }
}
