import { addCalendarMonths, addDays, compareIsoDates, IsoDate } from './iso-date';

/**
 * The hours rule ("225/300-timers-reglen"): a citizen who has not worked enough hours has their
 * benefit reduced or stopped from a known date, the effective date. The citizen must be warned
 * ("varsling") at the latest six calendar months before it, and heard ("partshøring") at the
 * latest one calendar month before it. The caseload service runs a periodic job that asks, per
 * citizen, which notices to issue now.
 */
export type HoursRuleNotice = 'warning' | 'hearing';

export const WARNING_MONTHS_BEFORE_EFFECTIVE_DATE = 6;
export const HEARING_MONTHS_BEFORE_EFFECTIVE_DATE = 1;

/**
 * - `due`: issue it now, and it is still on time (on or before its deadline);
 * - `overdue`: issue it now although its deadline has passed: the effective date has not come yet, so a
 *   late notice still serves the citizen better than none;
 * - `late`: never issued and the effective date has come; do not issue it any more, raise a task so
 *   the consultant can handle the case by hand.
 */
export type NoticeStatus = 'due' | 'overdue' | 'late';

export interface DueNotice {
  notice: HoursRuleNotice;
  status: NoticeStatus;
  /** The last day on which the notice is on time. */
  deadline: IsoDate;
}

export interface AlreadyIssued {
  warning?: boolean;
  hearing?: boolean;
}

export interface HoursRuleOptions {
  /**
   * Calendar days before a deadline from which a notice is due (default 0: due from the deadline
   * day itself). A job that runs every N days needs a lead of at least N - 1 days, or a deadline
   * can fall between two runs and the notice is only found once overdue: for a job on the same
   * day each month (runs up to 31 days apart), 30.
   */
  leadDays?: number;
}

/**
 * The lead for the domain's monthly job ("every month, citizens who may lose benefit are warned"):
 * runs on the same day each month are at most 31 days apart, so a 31-day window (the deadline
 * and the 30 days before it) always holds a run.
 */
export const MONTHLY_JOB_LEAD_DAYS = 30;

/**
 * The last day the warning is on time: six calendar months before the effective date, clamped to
 * month end (effective 31 Aug gives 28/29 Feb). Clamping can only move the deadline earlier, so a
 * notice on the deadline is never less than six months ahead.
 */
export function warningDeadline(effectiveDate: IsoDate): IsoDate {
  return addCalendarMonths(effectiveDate, -WARNING_MONTHS_BEFORE_EFFECTIVE_DATE);
}

/** The last day the hearing is on time: one calendar month before the effective date, clamped (effective 31 Mar gives 28/29 Feb). */
export function hearingDeadline(effectiveDate: IsoDate): IsoDate {
  return addCalendarMonths(effectiveDate, -HEARING_MONTHS_BEFORE_EFFECTIVE_DATE);
}

/**
 * The notices to act on today, warning before hearing. The rule, per notice:
 * - already issued: never returned, so the job is idempotent and may run as often as it likes;
 * - today before `deadline - leadDays`: nothing yet;
 * - from `deadline - leadDays` up to AND INCLUDING the deadline: `due`. "At the latest six months
 *   before" means a notice issued on the deadline day itself is on time;
 * - after the deadline but before the effective date: `overdue`, still to be issued;
 * - from the effective date itself (the day the benefit is already reduced): `late`.
 */
export function dueNotices(
  effectiveDate: IsoDate,
  today: IsoDate,
  alreadyIssued: AlreadyIssued = {},
  options: HoursRuleOptions = {},
): DueNotice[] {
  const leadDays = options.leadDays ?? 0;
  if (!Number.isInteger(leadDays) || leadDays < 0) throw new RangeError(`leadDays must be a whole number >= 0, got ${leadDays}`);

  const effectiveDateHasCome = compareIsoDates(today, effectiveDate) >= 0;
  const notices: Array<[HoursRuleNotice, IsoDate]> = [
    ['warning', warningDeadline(effectiveDate)],
    ['hearing', hearingDeadline(effectiveDate)],
  ];
  const result: DueNotice[] = [];
  for (const [notice, deadline] of notices) {
    if (alreadyIssued[notice]) continue;
    if (effectiveDateHasCome) result.push({ notice, status: 'late', deadline });
    // Strictly after: the deadline day is the last day on time, not the first day overdue.
    else if (compareIsoDates(today, deadline) > 0) result.push({ notice, status: 'overdue', deadline });
    else if (compareIsoDates(today, addDays(deadline, -leadDays)) >= 0) result.push({ notice, status: 'due', deadline });
  }
  return result;
}
