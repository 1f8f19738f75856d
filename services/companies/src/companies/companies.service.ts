import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, ILike } from 'typeorm';
import { CompanyRegistered, CompanyUpdated, PayloadOf } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { ReferenceDataService } from '../reference';
import { copenhagenToday } from '../shared/calendar';
import { badInput, canonicalJson, distinct } from '../shared/validation';
import { AgreementDto, ChangeCompanyDto, COMPANY_CHANGE_ATTRIBUTES, CompaniesQuery, CompanyView, ContactPersonDto, RegisterCompanyDto } from './company.dto';
import { Company, CompanyAgreement, ContactPerson } from './company.entities';

export const toCompanyView = (company: Company): CompanyView => ({
  id: company.id,
  cvr: company.cvr,
  name: company.name,
  branchCode: company.branchCode,
  address: company.address,
  areaCode: company.areaCode,
  status: company.status,
  agreements: company.agreements,
  contactPersons: company.contactPersons,
  responsibleStaffId: company.responsibleStaffId,
  registeredAt: company.registeredAt.toISOString(),
  updatedAt: company.updatedAt.toISOString(),
});

const toAgreements = (agreements: AgreementDto[] = []): CompanyAgreement[] =>
  agreements.map((agreement) => ({ kind: agreement.kind, since: agreement.since, until: agreement.until ?? null }));

const toContactPersons = (persons: ContactPersonDto[] = []): ContactPerson[] =>
  persons.map((person) => ({ name: person.name, role: person.role ?? null, phone: person.phone ?? null, email: person.email ?? null }));

/** 400 naming `agreements.<i>.until` for an agreement that ends before it begins. */
function assertAgreementPeriods(agreements: CompanyAgreement[]): void {
  const wrong = agreements.flatMap((agreement, index) => (agreement.until !== null && agreement.until < agreement.since ? [index] : []));
  if (wrong.length) throw badInput(...wrong.map((index) => ({ field: `agreements.${index}.until`, code: 'dateOrder', message: 'must not be before since' })));
}

/** The kinds of the agreements in force on `day`: what the events tell about a company's agreements. */
export const agreementsInForce = (agreements: CompanyAgreement[], day: string) =>
  distinct(agreements.filter((agreement) => agreement.since <= day && (agreement.until === null || agreement.until >= day)).map((agreement) => agreement.kind));

/** The company's public state as the events carry it (no name, address or contact persons). */
const companyState = (company: Company) => ({
  companyId: company.id,
  cvr: company.cvr,
  branchCode: company.branchCode,
  areaCode: company.areaCode,
  status: company.status,
  agreements: agreementsInForce(company.agreements, copenhagenToday()),
  responsibleStaffId: company.responsibleStaffId,
});

/** Attribute names for CompanyUpdated's `changed` (codes, as events carry them). */
const CHANGED_CODES: Record<(typeof COMPANY_CHANGE_ATTRIBUTES)[number], string> = {
  name: 'name',
  branchCode: 'branch-code',
  address: 'address',
  areaCode: 'area-code',
  status: 'status',
  agreements: 'agreements',
  contactPersons: 'contact-persons',
  responsibleStaffId: 'responsible-staff-id',
};

/** Loads a company for a command and locks its row until the transaction ends; 404 for unknown ids and other tenants'. */
export async function lockCompany(manager: EntityManager, id: string): Promise<Company> {
  const company = await manager.findOne(Company, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!company) throw new NotFoundProblem(`Company ${id} not found`);
  return company;
}

export async function findCompany(manager: EntityManager, id: string): Promise<Company> {
  const company = await manager.findOneBy(Company, { id });
  if (!company) throw new NotFoundProblem(`Company ${id} not found`);
  return company;
}

@Injectable()
export class CompaniesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ReferenceDataService) private readonly reference: ReferenceDataService,
  ) {}

  /** Registers a company (one per CVR number in the tenant) and publishes CompanyRegistered. */
  register(command: RegisterCompanyDto): Promise<CompanyView> {
    const agreements = toAgreements(command.agreements);
    assertAgreementPeriods(agreements);
    return this.unitOfWork.command(async (manager) => {
      await this.reference.assertActiveBranches(manager, [{ field: 'branchCode', code: command.branchCode }]);
      // Serialises registrations of one CVR number, so the uniqueness check holds.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('companies.cvr:' || current_setting('app.tenant_id') || ':' || $1))`, [command.cvr]);
      const existing = await manager.findOne(Company, { where: { cvr: command.cvr }, select: { id: true } });
      if (existing) throw new ConflictProblem('cvr-exists', `A company with CVR ${command.cvr} is already registered (${existing.id})`);
      const now = new Date();
      const company = manager.create(Company, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        cvr: command.cvr,
        name: command.name,
        branchCode: command.branchCode,
        address: command.address ? { street: command.address.street, postcode: command.address.postcode, city: command.address.city } : null,
        areaCode: command.areaCode ?? null,
        status: command.status ?? 'active',
        agreements,
        contactPersons: toContactPersons(command.contactPersons),
        responsibleStaffId: command.responsibleStaffId ?? null,
        registeredAt: now,
        updatedAt: now,
      });
      await manager.insert(Company, company);
      await this.outbox.publish(manager, CompanyRegistered, { ...companyState(company), registeredAt: now.toISOString() });
      return toCompanyView(company);
    });
  }

  /** Changes a company; CompanyUpdated (whole state, which attributes changed) only when something did. */
  change(id: string, command: ChangeCompanyDto): Promise<CompanyView> {
    const agreements = command.agreements ? toAgreements(command.agreements) : undefined;
    if (agreements) assertAgreementPeriods(agreements);
    return this.unitOfWork.command(async (manager) => {
      const company = await lockCompany(manager, id);
      if (command.branchCode !== undefined && command.branchCode !== company.branchCode) {
        await this.reference.assertActiveBranches(manager, [{ field: 'branchCode', code: command.branchCode }]);
      }
      const next: Pick<Company, (typeof COMPANY_CHANGE_ATTRIBUTES)[number]> = {
        name: command.name ?? company.name,
        branchCode: command.branchCode ?? company.branchCode,
        address: command.address === undefined ? company.address : command.address && { street: command.address.street, postcode: command.address.postcode, city: command.address.city },
        areaCode: command.areaCode === undefined ? company.areaCode : command.areaCode,
        status: command.status ?? company.status,
        agreements: agreements ?? company.agreements,
        contactPersons: command.contactPersons ? toContactPersons(command.contactPersons) : company.contactPersons,
        responsibleStaffId: command.responsibleStaffId === undefined ? company.responsibleStaffId : command.responsibleStaffId,
      };
      const changed = COMPANY_CHANGE_ATTRIBUTES.filter((attribute) => canonicalJson(next[attribute]) !== canonicalJson(company[attribute]));
      if (!changed.length) return toCompanyView(company);
      const now = new Date();
      Object.assign(company, next, { updatedAt: now });
      await manager.update(Company, { id }, { ...next, updatedAt: now });
      const payload: PayloadOf<typeof CompanyUpdated> = {
        ...companyState(company),
        changed: changed.map((attribute) => CHANGED_CODES[attribute]),
        updatedAt: now.toISOString(),
      };
      await this.outbox.publish(manager, CompanyUpdated, payload);
      return toCompanyView(company);
    });
  }

  list(query: CompaniesQuery): Promise<CompanyView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<Company> = {};
      if (query.branchCode !== undefined) where.branchCode = query.branchCode;
      if (query.areaCode !== undefined) where.areaCode = query.areaCode;
      if (query.status !== undefined) where.status = query.status;
      if (query.cvr !== undefined) where.cvr = query.cvr;
      if (query.name !== undefined) where.name = ILike(`%${query.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const companies = await manager.find(Company, { where, order: { name: 'ASC', id: 'ASC' } });
      return companies.map(toCompanyView);
    });
  }

  get(id: string): Promise<CompanyView> {
    return this.unitOfWork.run(async (manager) => toCompanyView(await findCompany(manager, id)));
  }
}
