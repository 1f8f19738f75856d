import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, QueryFailedError } from 'typeorm';
import { StaffLoginLinked, StaffMemberChanged, StaffMemberRegistered } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { TenantSettingsService } from '../settings/tenant-settings';
import { StaffMember } from './staff-member.entity';
import { CaseloadView, ChangeStaffMemberDto, RegisterStaffMemberDto, StaffMemberView, StaffQuery } from './staff.dto';

export const toStaffMemberView = (member: StaffMember): StaffMemberView => ({
  id: member.id,
  name: member.name,
  role: member.role,
  teamCode: member.teamCode,
  areaCodes: member.areaCodes,
  caseloadCapacity: member.caseloadCapacity,
  active: member.active,
  loginSubject: member.loginSubject,
  registeredAt: member.registeredAt.toISOString(),
});

/** One staff member per login subject and tenant: a second is a conflict, not a 500. */
async function uniqueLoginSubject<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'staff_member_login_subject_per_tenant') {
      throw new ConflictProblem('login-subject-taken', 'Another staff member already signs in with this login subject');
    }
    throw error;
  }
}

const distinct = (codes: string[]): string[] => [...new Set(codes)];
const sameCodes = (a: string[], b: string[]) => a.length === b.length && a.every((code, index) => code === b[index]);

/** The active citizens a consultant currently holds (exits end the assignment; the status check is a safeguard). */
export async function currentCaseloadCount(manager: EntityManager, consultantId: string): Promise<number> {
  const [row] = (await manager.query(
    `SELECT count(*)::int AS count FROM case_assignment a JOIN citizen c ON c.id = a.citizen_id
      WHERE a.consultant_id = $1 AND a.to_date IS NULL AND c.status = 'active'`,
    [consultantId],
  )) as Array<{ count: number }>;
  return row.count;
}

@Injectable()
export class StaffService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(TenantSettingsService) private readonly settings: TenantSettingsService,
  ) {}

  /** Registers a staff member and publishes StaffMemberRegistered (by id; the name stays here). */
  register(command: RegisterStaffMemberDto): Promise<StaffMemberView> {
    return uniqueLoginSubject(() => this.unitOfWork.command(async (manager) => {
      const now = new Date();
      const member = manager.create(StaffMember, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        name: command.name,
        loginSubject: command.loginSubject ?? null,
        role: command.role,
        teamCode: command.teamCode,
        areaCodes: distinct(command.areaCodes),
        caseloadCapacity: command.caseloadCapacity ?? (await this.settings.current(manager)).caseloadCapacity,
        active: true,
        registeredAt: now,
        updatedAt: now,
      });
      await manager.insert(StaffMember, member);
      await this.outbox.publish(manager, StaffMemberRegistered, {
        staffId: member.id,
        role: member.role,
        teamCode: member.teamCode,
        areaCodes: member.areaCodes,
        caseloadCapacity: member.caseloadCapacity,
        registeredAt: now.toISOString(),
      });
      if (member.loginSubject) await this.outbox.publish(manager, StaffLoginLinked, { staffId: member.id, loginSubject: member.loginSubject, linkedAt: now.toISOString() });
      return toStaffMemberView(member);
    }));
  }

  /**
   * Changes team, areas, capacity, active state or login subject; StaffMemberChanged (and
   * StaffLoginLinked for the login) only when something changed.
   */
  change(id: string, command: ChangeStaffMemberDto): Promise<StaffMemberView> {
    return uniqueLoginSubject(() => this.unitOfWork.command(async (manager) => {
      const member = await manager.findOne(StaffMember, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundProblem(`Staff member ${id} not found`);
      const next = {
        teamCode: command.teamCode ?? member.teamCode,
        areaCodes: command.areaCodes ? distinct(command.areaCodes) : member.areaCodes,
        caseloadCapacity: command.caseloadCapacity ?? member.caseloadCapacity,
        active: command.active ?? member.active,
      };
      const loginSubject = command.loginSubject === undefined ? member.loginSubject : command.loginSubject;
      const changed =
        next.teamCode !== member.teamCode ||
        !sameCodes(next.areaCodes, member.areaCodes) ||
        next.caseloadCapacity !== member.caseloadCapacity ||
        next.active !== member.active;
      const relinked = loginSubject !== member.loginSubject;
      if (!changed && !relinked) return toStaffMemberView(member);
      const now = new Date();
      Object.assign(member, next, { loginSubject, updatedAt: now });
      await manager.update(StaffMember, { id }, { ...next, loginSubject, updatedAt: now });
      if (changed) await this.outbox.publish(manager, StaffMemberChanged, { staffId: id, ...next, changedAt: now.toISOString() });
      if (relinked) await this.outbox.publish(manager, StaffLoginLinked, { staffId: id, loginSubject, linkedAt: now.toISOString() });
      return toStaffMemberView(member);
    }));
  }

  list(query: StaffQuery): Promise<StaffMemberView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<StaffMember> = {};
      if (query.teamCode !== undefined) where.teamCode = query.teamCode;
      if (query.role !== undefined) where.role = query.role;
      if (query.active !== undefined) where.active = query.active;
      const members = await manager.find(StaffMember, { where, order: { teamCode: 'ASC', name: 'ASC', id: 'ASC' } });
      return members.map(toStaffMemberView);
    });
  }

  get(id: string): Promise<StaffMemberView> {
    return this.unitOfWork.run(async (manager) => toStaffMemberView(await this.find(manager, id)));
  }

  /** The citizens a staff member is responsible for now, with since when (a listing of citizens: the endpoint records it as a search). */
  caseload(id: string): Promise<CaseloadView> {
    return this.unitOfWork.run(async (manager) => {
      const member = await this.find(manager, id);
      const citizens = (await manager.query(
        `SELECT c.id, c.name, c.area_code AS "areaCode", a.from_date::text AS since
           FROM case_assignment a JOIN citizen c ON c.id = a.citizen_id
          WHERE a.consultant_id = $1 AND a.to_date IS NULL AND c.status = 'active'
          ORDER BY c.name COLLATE "da-DK-x-icu", c.id`,
        [id],
      )) as CaseloadView['citizens'];
      return { staffId: member.id, count: citizens.length, capacity: member.caseloadCapacity, citizens };
    });
  }

  private async find(manager: EntityManager, id: string): Promise<StaffMember> {
    const member = await manager.findOneBy(StaffMember, { id });
    if (!member) throw new NotFoundProblem(`Staff member ${id} not found`);
    return member;
  }
}
