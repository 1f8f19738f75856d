import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { lockCitizen } from '../../case/citizen-lock';
import { Citizen } from '../../citizens/citizen.entity';
import { hearingDeadline, warningDeadline } from '../../rules';
import { HoursRuleNoticeRow, HoursRuleRisk } from './hours-rule.entities';
import { HoursRuleRiskView, RegisterHoursRuleRiskDto } from './hours-rule.dto';

/** Which citizens' benefit is at risk under the hours rule, as the benefit system says. Not events: the notices are. */
@Injectable()
export class HoursRuleRiskService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** Registers or moves the effective date; notices already issued for another date stay, new ones follow the new date. */
  register(citizenId: string, command: RegisterHoursRuleRiskDto): Promise<HoursRuleRiskView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      await manager.upsert(
        HoursRuleRisk,
        { citizenId: citizen.id, tenantId: citizen.tenantId, benefitEffectDate: command.benefitEffectDate, registeredAt: new Date(), clearedAt: null },
        ['citizenId'],
      );
      // The daily job visits the tenants listed here (it cannot see tenant-isolated rows before it has a tenant).
      await manager.query(`INSERT INTO hours_rule_tenant (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [TenantContext.currentTenant()]);
      return this.view(manager, citizen.id);
    });
  }

  /** The risk is gone: no further notices. Legal for exited citizens too. */
  clear(citizenId: string): Promise<HoursRuleRiskView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId, { allowExited: true });
      const risk = await manager.findOneBy(HoursRuleRisk, { citizenId: citizen.id });
      if (!risk || risk.clearedAt) throw new ConflictProblem('hours-rule-risk-not-registered', `Citizen ${citizenId} has no hours-rule risk registered`);
      await manager.update(HoursRuleRisk, { citizenId: citizen.id }, { clearedAt: new Date() });
      return this.view(manager, citizen.id);
    });
  }

  get(citizenId: string): Promise<HoursRuleRiskView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      return this.view(manager, citizenId);
    });
  }

  private async view(manager: EntityManager, citizenId: string): Promise<HoursRuleRiskView> {
    const risk = await manager.findOneBy(HoursRuleRisk, { citizenId });
    const notices = await manager.find(HoursRuleNoticeRow, { where: { citizenId }, order: { issuedOn: 'ASC', kind: 'DESC' } });
    const date = risk?.benefitEffectDate ?? null;
    return {
      citizenId,
      atRisk: risk !== null && risk.clearedAt === null,
      benefitEffectDate: date,
      warningDeadline: date && warningDeadline(date),
      hearingDeadline: date && hearingDeadline(date),
      notices: notices.map((notice) => ({
        noticeId: notice.id,
        kind: notice.kind,
        benefitEffectDate: notice.benefitEffectDate,
        issuedOn: notice.issuedOn,
        deadline: notice.deadline,
      })),
    };
  }
}
