import { AlreadyIssued, compareIsoDates, dueNotices, HoursRuleNotice, IsoDate, MONTHLY_JOB_LEAD_DAYS } from '../../rules';

export interface NoticeToIssue {
  notice: HoursRuleNotice;
  deadline: IsoDate;
  /** Issued after its deadline (the effective date has not come, so it still serves the citizen). */
  afterDeadline: boolean;
  /** The consultant's task follows the notice up by its deadline, or at once when that has passed. */
  taskDue: IsoDate;
}

export interface NoticePlan {
  issue: NoticeToIssue[];
  /** Never issued and the effective date has come: not sent any more, reported for manual handling. */
  late: Array<{ notice: HoursRuleNotice; deadline: IsoDate }>;
}

/**
 * What the hours-rule job does today for one citizen at risk: rules.dueNotices with the monthly
 * job's lead, so a notice is issued in the month before its deadline. The job runs daily, so the
 * lead is more than it needs; it is what the domain describes ("every month ... warned at the
 * latest six months before") and keeps notices from going out at the last possible day.
 */
export function planNotices(benefitEffectDate: IsoDate, today: IsoDate, alreadyIssued: AlreadyIssued): NoticePlan {
  const plan: NoticePlan = { issue: [], late: [] };
  for (const { notice, status, deadline } of dueNotices(benefitEffectDate, today, alreadyIssued, { leadDays: MONTHLY_JOB_LEAD_DAYS })) {
    if (status === 'late') plan.late.push({ notice, deadline });
    else plan.issue.push({ notice, deadline, afterDeadline: status === 'overdue', taskDue: compareIsoDates(deadline, today) >= 0 ? deadline : today });
  }
  return plan;
}
