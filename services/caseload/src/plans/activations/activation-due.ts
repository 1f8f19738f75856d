import { dueDateForInterviewHeldOn, interviewClock } from '../../interviews/summons/interview-due';
import { compareIsoDates, IsoDate } from '../../rules';

/**
 * Repeated activation ("gentagen aktivering"): the next activation is due six months after the
 * latest one started, the first six months after the case period opened.
 */
export const ACTIVATION_INTERVAL_MONTHS = 6;

export interface ActivationDue {
  /** What an activation starting on the date is measured against. */
  dueDate: IsoDate;
  onTime: boolean;
  /** When the next one is due, counting this start. */
  nextDueDate: IsoDate;
}

/**
 * The activation clock is the interview clock's rule (interview-due.ts) run on activation starts:
 * due one interval after the latest start strictly before the date in the period, or after the
 * period's opening; starts recorded out of order do not make an earlier one look late.
 * `starts` are the period's activation starts, the one being measured among them or not.
 */
export function activationDue(periodOpenedOn: IsoDate, starts: readonly IsoDate[], startsOn: IsoDate, intervalMonths = ACTIVATION_INTERVAL_MONTHS): ActivationDue {
  const dueDate = dueDateForInterviewHeldOn(periodOpenedOn, starts, startsOn, intervalMonths);
  return {
    dueDate,
    onTime: compareIsoDates(startsOn, dueDate) <= 0,
    nextDueDate: interviewClock(periodOpenedOn, [...starts, startsOn], intervalMonths).nextDueDate,
  };
}
