import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { ChangePartnerDto, CreatePartnerDto, PartnerContactDto, PartnersQuery, PartnerView } from './partners.dto';
import { Partner, PartnerContact } from './project.entities';

export const toPartnerView = (partner: Partner): PartnerView => ({
  id: partner.id,
  code: partner.code,
  name: partner.name,
  kind: partner.kind,
  contacts: partner.contacts,
  createdAt: partner.createdAt.toISOString(),
});

const toContacts = (contacts: PartnerContactDto[] = []): PartnerContact[] =>
  contacts.map((contact) => ({ name: contact.name, role: contact.role ?? null, email: contact.email ?? null, phone: contact.phone ?? null }));

export async function findPartner(manager: EntityManager, id: string): Promise<Partner> {
  const partner = await manager.findOneBy(Partner, { id });
  if (!partner) throw new NotFoundProblem(`Partner ${id} not found`);
  return partner;
}

/**
 * The tenant's partner organisations and their contact persons. Partners publish nothing by
 * themselves: joining a project is the fact other services hear about (PartnerJoined).
 */
@Injectable()
export class PartnersService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  create(command: CreatePartnerDto): Promise<PartnerView> {
    return this.unitOfWork.command(async (manager) => {
      // Serialises registering one code, so the uniqueness check holds (a 409, not a 500 from the constraint).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('projects.partner-code:' || current_setting('app.tenant_id') || ':' || $1))`, [command.code]);
      if (await manager.existsBy(Partner, { code: command.code })) {
        throw new ConflictProblem('partner-code-taken', `A partner with code ${command.code} already exists`);
      }
      const partner = manager.create(Partner, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        code: command.code,
        name: command.name,
        kind: command.kind,
        contacts: toContacts(command.contacts),
        createdAt: new Date(),
      });
      await manager.insert(Partner, partner);
      return toPartnerView(partner);
    });
  }

  list(query: PartnersQuery): Promise<PartnerView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<Partner> = {};
      if (query.kind) where.kind = query.kind;
      return (await manager.find(Partner, { where, order: { name: 'ASC', id: 'ASC' } })).map(toPartnerView);
    });
  }

  get(id: string): Promise<PartnerView> {
    return this.unitOfWork.run(async (manager) => toPartnerView(await findPartner(manager, id)));
  }

  change(id: string, command: ChangePartnerDto): Promise<PartnerView> {
    return this.unitOfWork.command(async (manager) => {
      const partner = await manager.findOne(Partner, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw new NotFoundProblem(`Partner ${id} not found`);
      const next = {
        name: command.name ?? partner.name,
        kind: command.kind ?? partner.kind,
        contacts: command.contacts ? toContacts(command.contacts) : partner.contacts,
      };
      await manager.update(Partner, { id }, next);
      return toPartnerView(Object.assign(partner, next));
    });
  }
}
