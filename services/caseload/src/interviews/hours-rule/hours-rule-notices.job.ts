import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { HoursRuleHearingIssued, HoursRuleWarningIssued } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { CaseEvents } from '../../case/case-events';
import { lockCitizen } from '../../case/citizen-lock';
import { IsoDate } from '../../rules';
import { TasksService } from '../tasks/tasks.service';
import { HoursRuleJobResultView, LateNoticeView } from './hours-rule.dto';
import { HoursRuleNoticeRow, HoursRuleRisk } from './hours-rule.entities';
import { planNotices } from './notice-plan';

type CitizenOutcome =
  | { kind: 'checked'; issued: Array<{ notice: 'warning' | 'hearing'; afterDeadline: boolean }>; late: LateNoticeView[] }
  | { kind: 'exited' }
  | { kind: 'gone' };

/**
 * Issues the hours-rule warnings and hearings that are due, for the tenant in context. Safe to
 * run twice or at the same time: each citizen is handled in its own transaction under the
 * citizen's row lock, the notices already issued are skipped, and a unique constraint on
 * (citizen, kind, effective date) backs that up. One citizen's failure does not stop the rest.
 */
@Injectable()
export class HoursRuleNoticesJob {
  private readonly logger = new Logger(HoursRuleNoticesJob.name);

  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(TasksService) private readonly tasks: TasksService,
  ) {}

  async run(today: IsoDate): Promise<HoursRuleJobResultView> {
    const atRisk = await this.unitOfWork.run((manager) =>
      manager.find(HoursRuleRisk, { where: { clearedAt: IsNull() }, select: { citizenId: true }, order: { citizenId: 'ASC' } }),
    );
    const result: HoursRuleJobResultView = {
      today,
      citizensChecked: 0,
      issuedWarnings: 0,
      issuedHearings: 0,
      issuedAfterDeadline: 0,
      skippedLate: [],
      skippedExited: 0,
      failed: 0,
    };
    for (const { citizenId } of atRisk) {
      let outcome: CitizenOutcome;
      try {
        outcome = await this.unitOfWork.run((manager) => this.handleCitizen(manager, citizenId, today));
      } catch (error) {
        result.failed++;
        this.logger.error({ err: error, tenant: TenantContext.currentTenant(), citizenId }, 'hours-rule notices failed for a citizen');
        continue;
      }
      if (outcome.kind === 'exited') result.skippedExited++;
      if (outcome.kind !== 'checked') continue;
      result.citizensChecked++;
      for (const { notice, afterDeadline } of outcome.issued) {
        if (notice === 'warning') result.issuedWarnings++;
        else result.issuedHearings++;
        if (afterDeadline) result.issuedAfterDeadline++;
      }
      result.skippedLate.push(...outcome.late);
    }
    return result;
  }

  private async handleCitizen(manager: EntityManager, citizenId: string, today: IsoDate): Promise<CitizenOutcome> {
    const citizen = await lockCitizen(manager, citizenId, { allowExited: true });
    if (citizen.status === 'exited') return { kind: 'exited' };
    // Read again under the lock: the risk may have been cleared or moved since the list was taken.
    const risk = await manager.findOneBy(HoursRuleRisk, { citizenId });
    if (!risk || risk.clearedAt) return { kind: 'gone' };
    const effectiveDate = risk.benefitEffectDate;
    const issued = await manager.findBy(HoursRuleNoticeRow, { citizenId, benefitEffectDate: effectiveDate });
    const plan = planNotices(effectiveDate, today, {
      warning: issued.some((notice) => notice.kind === 'warning'),
      hearing: issued.some((notice) => notice.kind === 'hearing'),
    });

    const done: Array<{ notice: 'warning' | 'hearing'; afterDeadline: boolean }> = [];
    for (const { notice, deadline, afterDeadline, taskDue } of plan.issue) {
      const noticeId = randomUUID();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO hours_rule_notice (id, tenant_id, citizen_id, kind, benefit_effect_date, issued_on, deadline)
         VALUES ($1, current_setting('app.tenant_id'), $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT hours_rule_notice_once DO NOTHING RETURNING id`,
        [noticeId, citizenId, notice, effectiveDate, today, deadline],
      );
      if (inserted.length === 0) continue;
      const payload = { citizenId, noticeId, benefitEffectDate: effectiveDate, issuedOn: today, deadline };
      if (notice === 'warning') await this.events.publish(manager, HoursRuleWarningIssued, payload, today);
      else await this.events.publish(manager, HoursRuleHearingIssued, payload, today);
      await this.tasks.create(manager, { kind: notice === 'warning' ? 'hours-rule-warning' : 'hours-rule-hearing', citizenId, dueDate: taskDue, noticeId }, today);
      done.push({ notice, afterDeadline });
    }
    const late = plan.late.map(({ notice, deadline }) => ({ citizenId, notice, benefitEffectDate: effectiveDate, deadline }));
    return { kind: 'checked', issued: done, late };
  }
}
